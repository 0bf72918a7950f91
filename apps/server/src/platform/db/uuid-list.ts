import { sql } from 'kysely';

/** `ARRAY[…]::uuid[]` for `= ANY(…)` filters; an empty list matches nothing (a nil uuid no row has). */
export function uuidList(ids: readonly string[]) {
  return sql`ARRAY[${sql.join(ids.length ? [...ids] : ['00000000-0000-0000-0000-000000000000'])}]::uuid[]`;
}
