/** Options of the large-data generator and what the screen-pop benchmark shares with it (pure). */

/** The database the generator fills and the screen-pop benchmark reads, unless told otherwise. */
export const SCREEN_POP_DATABASE = 'aftercare_screenpop';
/** The agent the generator creates (password: the demo password), scoped to the generated brands. */
export const SCREEN_POP_AGENT = 'bench.agent';

export interface GenerateOptions {
  adminUrl: string;
  database: string;
  customers: number;
  seed: number;
  batch: number;
  jobs: number;
  replace: boolean;
  maintenanceWorkMem: string;
}

const USAGE =
  'usage: generate --customers <n> [--seed <n>] [--database <name>] [--batch <n>] [--jobs <n>] [--replace] [--maintenance-work-mem 1GB]';

function count(flag: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value?.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${flag} must be an integer from ${min} to ${max}`);
  return n;
}

export function parseGenerateArgs(argv: readonly string[], env: NodeJS.ProcessEnv): GenerateOptions {
  const adminUrl = env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL;
  const o: GenerateOptions = {
    adminUrl: adminUrl ?? '',
    database: env.BENCH_SCREEN_POP_DATABASE || SCREEN_POP_DATABASE,
    customers: 0,
    seed: 1,
    batch: 10_000,
    jobs: 2,
    replace: false,
    maintenanceWorkMem: '1GB',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = argv[i + 1];
    switch (a) {
      case '--customers':
        o.customers = count(a, v, 1, 100_000_000);
        i++;
        break;
      case '--seed':
        o.seed = count(a, v, 0, 2 ** 31 - 1);
        i++;
        break;
      case '--batch':
        o.batch = count(a, v, 100, 200_000);
        i++;
        break;
      case '--jobs':
        o.jobs = count(a, v, 1, 8);
        i++;
        break;
      case '--database':
        if (!v || !/^[a-z_][a-z0-9_]{0,62}$/.test(v)) throw new Error('--database must be a plain lower-case name');
        o.database = v;
        i++;
        break;
      case '--maintenance-work-mem':
        if (!v || !/^\d+(?:MB|GB)$/.test(v)) throw new Error('--maintenance-work-mem must look like 512MB or 1GB');
        o.maintenanceWorkMem = v;
        i++;
        break;
      case '--replace':
        o.replace = true;
        break;
      default:
        throw new Error(`unknown option ${a}; ${USAGE}`);
    }
  }
  if (o.customers === 0) throw new Error(`--customers is required; ${USAGE}`);
  if (!o.adminUrl) throw new Error('set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server URL');
  return o;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * The forms a caller's number arrives in for the screen-pop load: the national form, +86 with dashes,
 * 0086, spaces; k picks one.
 */
export function lookupForm(national: string, k: number): string {
  if (!/^1\d{10}$/.test(national)) {
    // Landline: 010-87654321 or +86 10 87654321.
    const areaLen = national.startsWith('01') || national.startsWith('02') ? 3 : 4;
    return k % 2 === 0
      ? `${national.slice(0, areaLen)}-${national.slice(areaLen)}`
      : `+86 ${national.slice(1, areaLen)} ${national.slice(areaLen)}`;
  }
  const [a, b, c] = [national.slice(0, 3), national.slice(3, 7), national.slice(7)];
  switch (k % 4) {
    case 0:
      return national;
    case 1:
      return `+86 ${a}-${b}-${c}`;
    case 2:
      return `0086${national}`;
    default:
      return `${a} ${b} ${c}`;
  }
}
