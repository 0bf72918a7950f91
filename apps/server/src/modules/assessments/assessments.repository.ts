// Reads of assessment slips and remedy proposals, every one filtered by the caller's scope.
import type { remedyListQuery, slipListQuery, slipSummaryQuery } from '@aftercare/contracts';
import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { paginate } from '../../platform/db/paginate.ts';
import type { AssessmentSlipsTable, RemedyProposalsTable } from '../sla/sla.tables.ts';
import { remedyFilter, slipFilter } from './assessments.scope.ts';

export type SlipRow = Selectable<AssessmentSlipsTable>;
export type RemedyRow = Selectable<RemedyProposalsTable>;
export type SlipView = SlipRow & { order_number: string; outlet_name: string | null; user_name: string | null };
export type RemedyView = RemedyRow & {
  order_number: string;
  milestone_key: string;
  milestone_name: { 'zh-CN': string; 'en-US': string } | null;
};

const DAY_MS = 86_400_000;
/** The first instant of a Shanghai day. */
export const shanghaiStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

function slipBase(db: Tx, scope: Scope) {
  return db.selectFrom('assessment_slips as s').where(slipFilter(scope, 's'));
}

function slipJoined(db: Tx, scope: Scope) {
  return slipBase(db, scope)
    .innerJoin('work_orders as o', 'o.id', 's.order_id')
    .leftJoin('outlets as ou', 'ou.id', 's.outlet_id')
    .leftJoin('users as u', 'u.id', 's.user_id');
}

const slipColumns = ['o.number as order_number', 'ou.name as outlet_name', 'u.display_name as user_name'] as const;

export async function listSlips(db: Tx, scope: Scope, q: z.output<typeof slipListQuery>) {
  let base = slipJoined(db, scope);
  if (q.brandId) base = base.where('s.brand_id', '=', q.brandId);
  if (q.outletId) base = base.where('s.outlet_id', '=', q.outletId);
  if (q.status) base = base.where('s.status', '=', q.status);
  if (q.from) base = base.where('s.created_at', '>=', shanghaiStart(q.from));
  if (q.to) base = base.where('s.created_at', '<', new Date(shanghaiStart(q.to).getTime() + DAY_MS));
  const rows = base.selectAll('s').select(slipColumns).orderBy('s.created_at', 'desc').orderBy('s.id', 'desc');
  return paginate(rows, base, q) as Promise<{ items: SlipView[]; total: number }>;
}

export async function findSlip(db: Tx, scope: Scope, id: string): Promise<SlipView | undefined> {
  return slipJoined(db, scope).selectAll('s').select(slipColumns).where('s.id', '=', id).executeTakeFirst() as Promise<
    SlipView | undefined
  >;
}

/** The slip, visible to the caller, locked for a change (undefined: missing or foreign → 404). */
export async function lockSlip(db: Tx, scope: Scope, id: string): Promise<SlipRow | undefined> {
  return slipBase(db, scope).selectAll('s').where('s.id', '=', id).forUpdate().executeTakeFirst();
}

/** Confirmed slips issued in one Shanghai month, per outlet / agent. */
export async function slipSummary(db: Tx, scope: Scope, q: z.output<typeof slipSummaryQuery>) {
  const [y, m] = q.period.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return slipBase(db, scope)
    .leftJoin('outlets as ou', 'ou.id', 's.outlet_id')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .where('s.brand_id', '=', q.brandId)
    .where('s.status', '=', 'confirmed')
    .where('s.created_at', '>=', shanghaiStart(`${q.period}-01`))
    .where('s.created_at', '<', shanghaiStart(`${next}-01`))
    .groupBy(['s.party', 's.outlet_id', 's.user_id', 'ou.name', 'u.display_name'])
    .select([
      's.party',
      's.outlet_id',
      's.user_id',
      'ou.name as outlet_name',
      'u.display_name as user_name',
      sql<number>`count(*)::int`.as('count'),
      sql<number>`coalesce(sum(s.amount_fen), 0)::int`.as('amount_fen'),
      sql<number>`coalesce(sum(s.amount_fen) FILTER (WHERE s.settled_in IS NULL), 0)::int`.as('unsettled_fen'),
    ])
    .orderBy('amount_fen', 'desc')
    .orderBy('ou.name')
    .orderBy('u.display_name')
    .execute();
}

function remedyBase(db: Tx, scope: Scope) {
  return db.selectFrom('remedy_proposals as r').where(remedyFilter(scope, 'r'));
}

function remedyJoined(db: Tx, scope: Scope) {
  return remedyBase(db, scope)
    .innerJoin('work_orders as o', 'o.id', 'r.order_id')
    .innerJoin('sla_milestones as m', 'm.id', 'r.milestone_id');
}

// The milestone's name as the sync stored it with its explanation (the pack's words).
const remedyColumns = [
  'o.number as order_number',
  'm.milestone_key',
  sql<RemedyView['milestone_name']>`m.explain -> 'name'`.as('milestone_name'),
] as const;

export async function listRemedies(db: Tx, scope: Scope, q: z.output<typeof remedyListQuery>) {
  let base = remedyJoined(db, scope);
  if (q.brandId) base = base.where('r.brand_id', '=', q.brandId);
  if (q.orderId) base = base.where('r.order_id', '=', q.orderId);
  if (q.status) base = base.where('r.status', '=', q.status);
  const rows = base.selectAll('r').select(remedyColumns).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc');
  return paginate(rows, base, q) as Promise<{ items: RemedyView[]; total: number }>;
}

export async function findRemedy(db: Tx, scope: Scope, id: string): Promise<RemedyView | undefined> {
  return remedyJoined(db, scope)
    .selectAll('r')
    .select(remedyColumns)
    .where('r.id', '=', id)
    .executeTakeFirst() as Promise<RemedyView | undefined>;
}

export async function lockRemedy(db: Tx, scope: Scope, id: string): Promise<RemedyRow | undefined> {
  return remedyBase(db, scope).selectAll('r').where('r.id', '=', id).forUpdate().executeTakeFirst();
}
