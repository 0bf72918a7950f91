// Override rows of the business calendar: add one (a local holiday, an extra working day, a day of a
// year the shipped data lacks) or delete one. Each change is audited and emits an event in its
// transaction; after it commits, the milestones of the affected brand (every brand for a national
// row) are recomputed with the changed calendar.
import type { CalendarDayCreate } from '@aftercare/contracts';
import { OFFICIAL_YEARS, shanghaiDate } from '@aftercare/policy';
import type { Actor, Scope } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { CommandDeps } from '../../platform/context.ts';
import { onUniqueViolation } from '../../platform/db/unique.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emitEvent } from '../../platform/outbox.ts';
import { visibleBrand } from '../network/lookups.ts';
import { canManageBrand } from '../network/scope.ts';
import { recomputeMilestones } from '../sla/sla.sync.ts';
import { CalendarErrors } from './calendar.errors.ts';
import { type CalendarDayRow, findOverrideRow } from './calendar.repository.ts';

export interface Recomputed {
  orders: number;
  milestones: number;
}

/** The command deps, and where a failed recompute after the commit is reported (the request log). */
export type CalendarDeps = CommandDeps & { onRecomputeError?: (err: unknown) => void };

/** How many years after the current one may be entered (a notice comes out in the autumn before). */
const YEARS_AHEAD = 2;

export async function addCalendarDay(
  deps: CalendarDeps,
  actor: Actor,
  scope: Scope,
  input: CalendarDayCreate,
): Promise<{ row: CalendarDayRow; recomputed: Recomputed | null }> {
  if (input.brandId === null && scope.kind !== 'all') throw new AppError(CalendarErrors.CALENDAR_NATIONAL_FORBIDDEN);
  const thisYear = Number(shanghaiDate(deps.clock.now()).slice(0, 4));
  const year = Number(input.date.slice(0, 4));
  if (year < OFFICIAL_YEARS.from || year > thisYear + YEARS_AHEAD)
    throw new AppError(CalendarErrors.CALENDAR_DATE_OUT_OF_RANGE, {
      date: input.date,
      from: OFFICIAL_YEARS.from,
      to: thisYear + YEARS_AHEAD,
    });
  const prefix = input.divisionPrefix ?? null;
  const row = await deps.db.transaction().execute(async (trx) => {
    if (input.brandId !== null) {
      const brand = await visibleBrand(trx, scope, input.brandId);
      if (!brand || !canManageBrand(scope, input.brandId)) throw new AppError(CommonErrors.NOT_FOUND);
    }
    if (prefix) {
      const division = await trx
        .selectFrom('divisions')
        .select('code')
        .where('code', 'like', `${prefix}%`)
        .limit(1)
        .executeTakeFirst();
      if (!division) throw new AppError(CalendarErrors.CALENDAR_DIVISION_UNKNOWN, { prefix });
    }
    let dup = trx.selectFrom('calendar_days').select('id').where('day', '=', input.date);
    dup = input.brandId === null ? dup.where('brand_id', 'is', null) : dup.where('brand_id', '=', input.brandId);
    dup = prefix === null ? dup.where('division_prefix', 'is', null) : dup.where('division_prefix', '=', prefix);
    const taken = () => new AppError(CalendarErrors.CALENDAR_DAY_EXISTS, { date: input.date });
    if (await dup.executeTakeFirst()) throw taken();
    const created = await onUniqueViolation(
      () =>
        trx
          .insertInto('calendar_days')
          .values({
            id: newId(),
            brand_id: input.brandId,
            division_prefix: prefix,
            day: input.date,
            working: input.working,
            name: input.name,
            created_by: actor.type === 'user' ? actor.id : null,
            created_at: deps.clock.now(),
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      taken,
    );
    await writeAudit(trx, deps.clock, actor, {
      action: 'calendar.day_add',
      entity: 'calendar_day',
      entityId: created.id,
      brandId: created.brand_id,
      after: created,
    });
    await emitEvent(trx, deps.clock, {
      type: 'calendar.day_added',
      aggregateType: 'calendar_day',
      aggregateId: created.id,
      brandId: created.brand_id,
      payload: { date: created.day, working: created.working, divisionPrefix: created.division_prefix },
    });
    return created;
  });
  return { row, recomputed: await recomputeAfterChange(deps, row.brand_id, row.day) };
}

export async function deleteCalendarDay(
  deps: CalendarDeps,
  actor: Actor,
  scope: Scope,
  id: string,
): Promise<{ recomputed: Recomputed | null }> {
  const row = await deps.db.transaction().execute(async (trx) => {
    const before = await findOverrideRow(trx, scope, id);
    if (!before) throw new AppError(CommonErrors.NOT_FOUND);
    if (before.brand_id === null && scope.kind !== 'all')
      throw new AppError(CalendarErrors.CALENDAR_NATIONAL_FORBIDDEN);
    if (before.brand_id !== null && !canManageBrand(scope, before.brand_id)) throw new AppError(CommonErrors.NOT_FOUND);
    await trx.deleteFrom('calendar_days').where('id', '=', id).execute();
    await writeAudit(trx, deps.clock, actor, {
      action: 'calendar.day_delete',
      entity: 'calendar_day',
      entityId: id,
      brandId: before.brand_id,
      before,
    });
    await emitEvent(trx, deps.clock, {
      type: 'calendar.day_removed',
      aggregateType: 'calendar_day',
      aggregateId: id,
      brandId: before.brand_id,
      payload: { date: before.day, working: before.working, divisionPrefix: before.division_prefix },
    });
    return before;
  });
  return { recomputed: await recomputeAfterChange(deps, row.brand_id, row.day) };
}

/**
 * The milestones computed with the old calendar: those running on the changed day, of the brand's
 * orders, or of every order for a national row.
 * The change has committed by now: a failed recompute is reported (null) and logged, not undone; the
 * change's event stays in the outbox and POST /sla/recompute repeats it.
 */
async function recomputeAfterChange(
  deps: CalendarDeps,
  brandId: string | null,
  day: string,
): Promise<Recomputed | null> {
  try {
    return await recomputeMilestones(deps.db, deps.clock, { ...(brandId && { brandId }), runningOn: day });
  } catch (err) {
    deps.onRecomputeError?.(err);
    return null;
  }
}
