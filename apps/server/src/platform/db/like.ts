/** An ILIKE pattern matching `q` anywhere, with `\`, `%` and `_` in it taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
