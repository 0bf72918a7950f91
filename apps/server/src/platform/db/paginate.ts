import type { SelectQueryBuilder } from 'kysely';

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface Page<Row> {
  items: Row[];
  total: number;
}

/**
 * One page of `rows` (already selected and ordered) and the number of rows `counted` matches: both
 * queries run together. `counted` is the filtered query before any select, usually the same base.
 */
export async function paginate<D, TB extends keyof D, Row, CD, CTB extends keyof CD>(
  rows: SelectQueryBuilder<D, TB, Row>,
  counted: SelectQueryBuilder<CD, CTB, object>,
  q: PageQuery,
): Promise<Page<Row>> {
  const [items, total] = await Promise.all([
    rows
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    counted
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .$castTo<{ n: number }>()
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
