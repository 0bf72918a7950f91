import { isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, demo: true });
    expect(c.dataDir).toMatch(/\/\.data$/);
    expect(isAbsolute(c.dataDir)).toBe(true);
    expect(c.cookieSecure).toBe(false);
  });

  it('resolves a relative data folder from where the command was typed', () => {
    expect(loadConfig({ AFTERCARE_DATA_DIR: 'mydata', INIT_CWD: '/srv/aftercare' }).dataDir).toBe(
      '/srv/aftercare/mydata',
    );
    expect(loadConfig({ AFTERCARE_DATA_DIR: '/var/lib/ac' }).dataDir).toBe('/var/lib/ac');
  });

  it('reads the policy packs from <repo>/policies unless AFTERCARE_POLICIES_DIR says otherwise', () => {
    expect(loadConfig({}).policiesDir).toMatch(/\/policies$/);
    expect(loadConfig({ AFTERCARE_POLICIES_DIR: 'packs', INIT_CWD: '/srv/ac' }).policiesDir).toBe('/srv/ac/packs');
  });

  it('reads PostgreSQL settings and makes the cookie secure there', () => {
    const c = loadConfig({ DATABASE_URL: 'postgresql://u@db:5432/aftercare', PORT: '8080', AFTERCARE_DEMO: 'false' });
    expect(c).toMatchObject({
      port: 8080,
      databaseUrl: 'postgresql://u@db:5432/aftercare',
      demo: false,
      cookieSecure: true,
    });
  });

  it('reports every invalid variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('DATABASE_URL');
      expect(msg).toContain('LOG_LEVEL');
    }
  });
});
