import { sql } from 'kysely';
import type { Tx } from '../../platform/audit.ts';
import { searchQuery } from '../../platform/text-search.ts';

/** A division with what its effective urban/rural class needs: its parent's class and override. */
function base(db: Tx) {
  return db
    .selectFrom('divisions as d')
    .leftJoin('divisions as p', 'p.code', 'd.parent_code')
    .select([
      'd.code',
      'd.name',
      'd.level',
      'd.parent_code',
      'd.full_name',
      'd.kind',
      'd.urban_rural',
      'd.urban_rural_override',
      'd.source',
      'p.urban_rural as parent_urban_rural',
      'p.urban_rural_override as parent_urban_rural_override',
      sql<boolean>`EXISTS (SELECT 1 FROM divisions c WHERE c.parent_code = d.code)`.as('has_children'),
    ]);
}

export type DivisionRow = Awaited<ReturnType<typeof findDivision>> & {};

export async function findDivision(db: Tx, code: string) {
  return base(db).where('d.code', '=', code).executeTakeFirst();
}

/** The code prefix shared by a division's descendants: 11 for 110000, 1101 for 110100, 110105 itself. */
export function descendantPrefix(code: string): string {
  if (code.length === 9) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export interface DivisionListQuery {
  parent?: string | undefined;
  q?: string | undefined;
  level?: number | undefined;
  limit: number;
}

/**
 * Without q: the children of `parent` (provinces when there is no parent and no level), for the
 * cascader. With q: divisions whose name or code matches, anywhere or under `parent`.
 */
export async function listDivisions(db: Tx, q: DivisionListQuery) {
  let query = base(db);
  const tsq = q.q ? searchQuery(q.q) : null;
  if (q.q) {
    if (!tsq) return [];
    query = query.where(sql<boolean>`d.search @@ to_tsquery('simple', ${tsq})`);
    if (q.parent) {
      query = query.where('d.code', 'like', `${descendantPrefix(q.parent)}%`).where('d.code', '<>', q.parent);
    }
  } else if (q.parent) {
    query = query.where('d.parent_code', '=', q.parent);
  } else if (q.level === undefined) {
    query = query.where('d.level', '=', 1);
  }
  if (q.level !== undefined) query = query.where('d.level', '=', q.level);
  return query.orderBy('d.level').orderBy('d.code').limit(q.limit).execute();
}

/** Every division below `code` (for renaming: their full names start with its name). */
export async function descendantsOf(db: Tx, code: string) {
  const rows = await sql<{ code: string; full_name: string }>`
    WITH RECURSIVE sub AS (
      SELECT code, full_name FROM divisions WHERE parent_code = ${code}
      UNION ALL
      SELECT d.code, d.full_name FROM divisions d JOIN sub ON d.parent_code = sub.code
    )
    SELECT code, full_name FROM sub`.execute(db);
  return rows.rows;
}
