/**
 * Runs `run`, answering a unique-index violation (23505) with `taken()`: an index can still refuse a
 * value claimed concurrently after the pre-check passed. With `constraint`, only a violation of that
 * index counts (a driver that does not name the constraint is taken to mean it).
 */
export async function onUniqueViolation<T>(run: () => Promise<T>, taken: () => Error, constraint?: string): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = err as { code?: unknown; constraint?: unknown };
    if (e.code === '23505' && (constraint === undefined || (e.constraint ?? constraint) === constraint)) throw taken();
    throw err;
  }
}
