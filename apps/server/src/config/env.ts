import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

/** The repository root: the default data folder lives there whatever the working directory. */
const repoRoot = join(import.meta.dirname, '../../../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  AFTERCARE_DATA_DIR: z.string().min(1).optional(),
  /** The policy packs (YAML) the warranty engine loads at start; <repo>/policies by default. */
  AFTERCARE_POLICIES_DIR: z.string().min(1).optional(),
  AFTERCARE_DEMO: bool.default(true),
  AFTERCARE_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: bool.optional(),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).default(12),
  WEB_DIST_DIR: z.string().optional(),
});

export type AppConfig = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  policiesDir: string;
  demo: boolean;
  role: 'all' | 'api' | 'worker';
  logLevel: string;
  cookieSecure: boolean;
  bodyLimit: number;
  uploadLimit: number;
  sessionTtlHours: number;
  webDistDir: string | undefined;
};

export class ConfigError extends Error {}

/** Validates the environment; throws ConfigError with one line per problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') picked[key] = v;
  }
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // A relative folder is taken from where the command was typed (npm sets INIT_CWD).
  const fromCwd = (dir: string) => (isAbsolute(dir) ? dir : resolve(env.INIT_CWD ?? process.cwd(), dir));
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.AFTERCARE_DATA_DIR ? fromCwd(e.AFTERCARE_DATA_DIR) : join(repoRoot, '.data'),
    policiesDir: e.AFTERCARE_POLICIES_DIR ? fromCwd(e.AFTERCARE_POLICIES_DIR) : join(repoRoot, 'policies'),
    demo: e.AFTERCARE_DEMO,
    role: e.AFTERCARE_ROLE,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE ?? e.DATABASE_URL !== undefined,
    bodyLimit: e.BODY_LIMIT_BYTES,
    uploadLimit: e.UPLOAD_LIMIT_BYTES,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    webDistDir: e.WEB_DIST_DIR,
  };
}
