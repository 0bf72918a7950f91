import { start } from './boot.ts';
import { ConfigError, loadConfig } from './config/env.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './modules/demo/demo-users.ts';
import { DataDirLockedError } from './platform/db/lock-file.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}

try {
  const running = await start(config);
  const shown = running.url?.replace('://127.0.0.1', '://localhost');
  const lines = [
    '',
    `Aftercare is running at ${shown ?? '(worker only)'}`,
    `  database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`}`,
  ];
  if (shown) lines.push(`  API reference: ${shown}/api/docs`);
  if (config.demo) {
    lines.push(`  demo logins (password ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) lines.push(`    ${u.username.padEnd(18)} ${u.label}`);
  }
  console.log(lines.join('\n'));
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping`);
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
} catch (err) {
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(3);
  }
  console.error(err);
  process.exit(1);
}
