const SECRET_KEYS = new Set(['password', 'password_hash', 'passwordHash', 'key_hash', 'token']);

/** Drops secrets from a value before it is stored in the audit log. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.has(k) ? '[redacted]' : redactSecrets(v);
    return out;
  }
  return value;
}
