import pino from 'pino';

/** Mainland mobile numbers (with optional +86/0086) anywhere in a logged string. */
const PHONE_RE = /(?<!\d)(?:(?:\+?86|0086)[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?!\d)/g;

export function redactPhones(text: string): string {
  return text.replace(PHONE_RE, (_m, a: string, _b: string, c: string) => `${a}****${c}`);
}

function redactDeep(value: unknown, depth = 0): unknown {
  if (depth > 6) return value;
  if (typeof value === 'string') return redactPhones(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  // Only plain objects: requests, errors and other instances go through pino's own serializers.
  const proto = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as object)) out[k] = redactDeep(v, depth + 1);
    return out;
  }
  return value;
}

export function createLogger(level: string) {
  return pino({
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-api-key"]', '*.password'],
      censor: '[redacted]',
    },
    formatters: { log: (obj) => redactDeep(obj) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? redactPhones(a) : a)) as Parameters<typeof method>);
      },
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;
