// The worker's SLA sweeps over the indexed due times of sla_milestones. A batch is claimed with
// `FOR UPDATE SKIP LOCKED` (two workers never take the same milestone) and the claim column
// (warned_at / breach_handled_at) is written in the transaction that writes the consequence (the
// outbox event; the assessment slip and remedies) — a crash rolls both back, so the next sweep takes
// the milestone again and nothing is doubled. A batch that fails is retried one milestone at a time,
// so one bad row holds back only itself.
import {
  appealDaysOf,
  breachRemedies,
  type Localized,
  milestoneDef,
  type RemediesSection,
  type ResolvedPack,
  slipAmountFen,
} from '@aftercare/policy';
import type { Selectable, Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Logger } from '../../platform/logger.ts';
import { emitEvent } from '../../platform/outbox.ts';
import type { Sweep } from '../../platform/worker.ts';
import { type BreachSpec, recordBreach } from '../assessments/assessments.breach.ts';
import { slaOf, storedPacks } from './sla.packs.ts';
import { milestoneName } from './sla.presenter.ts';
import type { SlaMilestonesTable } from './sla.tables.ts';

type Trx = Transaction<DB>;
type MilestoneRow = Selectable<SlaMilestonesTable>;

/** Claims due milestones (locked, skipping those another worker holds) and writes their consequences. */
interface Job {
  claim(trx: Trx, now: Date, limit: number, skip: readonly string[]): Promise<MilestoneRow[]>;
  handle(trx: Trx, clock: Clock, rows: MilestoneRow[], now: Date): Promise<void>;
}

/** One batch of `job` in the caller's transaction: claim, consequences; answers how many. */
async function runBatch(trx: Trx, clock: Clock, job: Job, limit: number, skip: readonly string[] = []) {
  const now = clock.now();
  const rows = await job.claim(trx, now, limit, skip);
  if (rows.length) await job.handle(trx, clock, rows, now);
  return rows;
}

async function sweep(
  db: Database,
  clock: Clock,
  job: Job,
  limit: number,
  onError: (id: string, err: unknown) => void,
): Promise<number> {
  try {
    return await db.transaction().execute(async (trx) => (await runBatch(trx, clock, job, limit)).length);
  } catch {
    // One at a time, skipping the ones that fail (retried on the next tick).
    const failed: string[] = [];
    let done = 0;
    while (done + failed.length < limit) {
      let claimed: string | null = null;
      try {
        const ok = await db.transaction().execute(async (trx) => {
          const [m] = await job.claim(trx, clock.now(), 1, failed);
          if (!m) return false;
          claimed = m.id;
          await job.handle(trx, clock, [m], clock.now());
          return true;
        });
        if (!ok) break;
        done++;
      } catch (err) {
        if (!claimed) throw err;
        failed.push(claimed);
        onError(claimed, err);
      }
    }
    return done;
  }
}

async function orderNumbers(trx: Trx, rows: MilestoneRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((m) => m.order_id))];
  const found = await trx.selectFrom('work_orders').select(['id', 'number']).where('id', 'in', ids).execute();
  return new Map(found.map((r) => [r.id, r.number]));
}

/** What the notifications and the board need to know of the event. */
function payloadOf(m: MilestoneRow, number: string | undefined) {
  return {
    orderId: m.order_id,
    number: number ?? null,
    milestoneId: m.id,
    milestoneKey: m.milestone_key,
    name: milestoneName(m),
    dueAt: m.due_at?.toISOString() ?? null,
    responsible: m.responsible,
    outletId: m.outlet_id,
    responsibleUserId: m.responsible_user_id,
  };
}

const warnings: Job = {
  claim(trx, now, limit, skip) {
    let q = trx
      .selectFrom('sla_milestones')
      .selectAll()
      .where('status', '=', 'open')
      .where('warned_at', 'is', null)
      .where('warn_at', 'is not', null)
      .where('warn_at', '<=', now);
    if (skip.length) q = q.where('id', 'not in', skip);
    return q.orderBy('warn_at').orderBy('id').limit(limit).forUpdate().skipLocked().execute();
  },
  async handle(trx, clock, rows, now) {
    const numbers = await orderNumbers(trx, rows);
    const ids = rows.map((m) => m.id);
    await trx.updateTable('sla_milestones').set({ warned_at: now }).where('id', 'in', ids).execute();
    for (const m of rows)
      await emitEvent(trx, clock, {
        type: 'sla.warning',
        aggregateType: 'sla_milestone',
        aggregateId: m.id,
        brandId: m.brand_id,
        outletId: m.outlet_id,
        payload: payloadOf(m, numbers.get(m.order_id)),
      });
  },
};

/** What the breach of `m` costs by its definition in the pack it was computed with (none: nothing). */
export function breachSpecOf(
  pack: ResolvedPack | undefined,
  m: Pick<MilestoneRow, 'milestone_key' | 'explain'>,
): BreachSpec {
  const sla = slaOf(pack);
  const def = milestoneDef(sla, m.milestone_key);
  const remedies = (pack as { remedies?: RemediesSection } | undefined)?.remedies;
  return {
    milestoneName: (def?.name as Localized | undefined) ?? milestoneName(m),
    slipAmountFen: def ? slipAmountFen(def) : null,
    appealDays: appealDaysOf(sla),
    remedies: def ? breachRemedies(remedies, def).map((r) => ({ id: r.id, kind: r.kind, amountFen: r.amountFen })) : [],
  };
}

const breaches: Job = {
  // The order row is locked with the milestone (both skipped while a step holds the order): a step
  // locks the order and then its milestones, and the slip's reference to the order needs a lock on it
  // too — taken in the same order here, a step and the sweep never wait on each other in a circle.
  claim(trx, now, limit, skip) {
    let q = trx
      .selectFrom('sla_milestones')
      .innerJoin('work_orders', 'work_orders.id', 'sla_milestones.order_id')
      .selectAll('sla_milestones')
      .where('sla_milestones.status', 'in', ['open', 'missed'])
      .where('sla_milestones.breach_handled_at', 'is', null)
      .where('sla_milestones.due_at', 'is not', null)
      .where('sla_milestones.due_at', '<=', now);
    if (skip.length) q = q.where('sla_milestones.id', 'not in', skip);
    return q
      .orderBy('sla_milestones.due_at')
      .orderBy('sla_milestones.id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
  },
  async handle(trx, clock, rows, now) {
    const numbers = await orderNumbers(trx, rows);
    const packs = await storedPacks(trx);
    await trx
      .updateTable('sla_milestones')
      .set({ breach_handled_at: now })
      .where(
        'id',
        'in',
        rows.map((m) => m.id),
      )
      .execute();
    for (const m of rows) {
      const pack = packs.find((p) => p.id === m.pack_id && p.version === m.pack_version);
      const spec = breachSpecOf(pack, m);
      const result = await recordBreach(trx, clock, { ...m, breach_handled_at: now }, spec);
      await emitEvent(trx, clock, {
        type: 'sla.breached',
        aggregateType: 'sla_milestone',
        aggregateId: m.id,
        brandId: m.brand_id,
        outletId: m.outlet_id,
        payload: { ...payloadOf(m, numbers.get(m.order_id)), slipId: result.slipId, remedyIds: result.remedyIds },
      });
    }
  },
};

/** One warning batch in the caller's transaction (tests; the sweep opens its own). */
export const warnBatch = (trx: Trx, clock: Clock, limit: number) => runBatch(trx, clock, warnings, limit);
/** One breach batch in the caller's transaction (tests; the sweep opens its own). */
export const breachBatch = (trx: Trx, clock: Clock, limit: number) => runBatch(trx, clock, breaches, limit);

/** Claims up to `limit` open milestones whose warning time has come; one `sla.warning` each. */
export function sweepWarnings(db: Database, clock: Clock, limit = 100, onError = noError): Promise<number> {
  return sweep(db, clock, warnings, limit, onError);
}

/**
 * Claims up to `limit` milestones past due (running, or stopped late) whose breach is not handled yet:
 * the pack's slip and remedies (assessments module) and one `sla.breached` each.
 */
export function sweepBreaches(db: Database, clock: Clock, limit = 100, onError = noError): Promise<number> {
  return sweep(db, clock, breaches, limit, onError);
}

const noError = (_id: string, _err: unknown) => {};
const warnOf = (log: Logger | null) => (id: string, err: unknown) =>
  log?.warn({ milestoneId: id, err }, 'sla sweep: a milestone could not be handled; retried next tick');

/** The worker's sweeps (registered in boot.ts). */
export const warningSweep: Sweep = (ctx, log) => sweepWarnings(ctx.db, ctx.clock, 100, warnOf(log));
export const breachSweep: Sweep = (ctx, log) => sweepBreaches(ctx.db, ctx.clock, 100, warnOf(log));
