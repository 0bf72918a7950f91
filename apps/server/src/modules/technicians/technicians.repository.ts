import type { LICENCE_STATES, TECHNICIAN_LEVELS } from '@aftercare/contracts';
import { sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { paginate } from '../../platform/db/paginate.ts';
import { searchQuery } from '../../platform/text-search.ts';
import { technicianFilter } from '../network/scope.ts';
import { addDays, LICENCE_EXPIRING_DAYS } from './licence.ts';

const visible = (scope: Scope) => technicianFilter(scope, sql.ref('t.id'), sql.ref('t.outlet_id'));

const columns = [
  't.id',
  't.outlet_id',
  't.code',
  't.name',
  't.phone',
  't.level',
  't.licence_no',
  't.licence_valid_until',
  't.status',
  't.created_at',
  't.updated_at',
  'o.name as outlet_name',
] as const;

export type TechnicianRow = Awaited<ReturnType<typeof findTechnician>> & {};

/** One technician the scope may see (a technician sees only themself). */
export async function findTechnician(db: Tx, scope: Scope, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('technicians as t')
    .innerJoin('outlets as o', 'o.id', 't.outlet_id')
    .select(columns)
    .where('t.id', '=', id)
    .where(visible(scope));
  if (opts.forUpdate) q = q.forUpdate('t');
  return q.executeTakeFirst();
}

export interface TechnicianListQuery {
  page: number;
  pageSize: number;
  q?: string | undefined;
  outletId?: string | undefined;
  brandId?: string | undefined;
  level?: (typeof TECHNICIAN_LEVELS)[number] | undefined;
  status?: 'active' | 'inactive' | undefined;
  licence?: (typeof LICENCE_STATES)[number] | undefined;
}

/** `today` is the business date (Asia/Shanghai) the licence filter is judged on. */
export async function listTechnicians(db: Tx, scope: Scope, q: TechnicianListQuery, today: string) {
  let base = db.selectFrom('technicians as t').innerJoin('outlets as o', 'o.id', 't.outlet_id').where(visible(scope));
  if (q.q) {
    const query = searchQuery(q.q);
    if (query) base = base.where(sql<boolean>`t.search @@ to_tsquery('simple', ${query})`);
  }
  if (q.outletId) base = base.where('t.outlet_id', '=', q.outletId);
  if (q.brandId) {
    const brandId = q.brandId;
    base = base.where('t.outlet_id', 'in', (eb) =>
      eb.selectFrom('brand_outlets').select('outlet_id').where('brand_id', '=', brandId),
    );
  }
  if (q.level) base = base.where('t.level', '=', q.level);
  if (q.status) base = base.where('t.status', '=', q.status);
  const soon = addDays(today, LICENCE_EXPIRING_DAYS);
  switch (q.licence) {
    case 'valid':
      base = base.where(sql<boolean>`t.licence_valid_until >= ${today}::date`);
      break;
    case 'expiring':
      base = base.where(sql<boolean>`t.licence_valid_until BETWEEN ${today}::date AND ${soon}::date`);
      break;
    case 'expired':
      base = base.where(sql<boolean>`t.licence_valid_until < ${today}::date`);
      break;
    case 'missing':
      base = base.where('t.licence_valid_until', 'is', null);
      break;
  }
  return paginate(base.select(columns).orderBy('t.code'), base, q);
}

export async function skillsOf(db: Tx, technicianIds: string[]) {
  if (technicianIds.length === 0) return [];
  return db
    .selectFrom('technician_skills')
    .select(['technician_id', 'category_code', 'service_type'])
    .where('technician_id', 'in', technicianIds)
    .orderBy('category_code')
    .orderBy('service_type')
    .execute();
}

export async function trainingsOf(db: Tx, technicianId: string) {
  return db
    .selectFrom('technician_trainings')
    .select(['id', 'technician_id', 'course', 'completed_on', 'result', 'certificate_no', 'created_at'])
    .where('technician_id', '=', technicianId)
    .orderBy('completed_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export type TrainingRow = Awaited<ReturnType<typeof trainingsOf>>[number];

/** Category codes of every brand the outlet serves: the categories a technician there may be skilled in. */
export async function outletCategories(db: Tx, outletId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('brand_categories as bc')
    .innerJoin('brand_outlets as bo', 'bo.brand_id', 'bc.brand_id')
    .select('bc.code')
    .distinct()
    .where('bo.outlet_id', '=', outletId)
    .execute();
  return new Set(rows.map((r) => r.code));
}
