// Reads of the business calendar: the special days of a year (official and override rows) and a
// brand's preview (each date working or not, with the working hours of the brand's pack).
import type { CalendarDayList, CalendarDaysQuery, CalendarPreview, CalendarPreviewQuery } from '@aftercare/contracts';
import {
  type CalendarSpec,
  DEFAULT_CALENDAR,
  dayNumber,
  fromDayNumber,
  OFFICIAL_YEARS,
  officialSpecialDays,
  shanghaiDate,
  WorkCalendar,
  weekday,
} from '@aftercare/policy';
import type { Scope } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { visibleBrand } from '../network/lookups.ts';
import { choosePack } from '../policies/index.ts';
import { BASELINE_PACK } from '../policies/policies.rules.ts';
import { CalendarErrors } from './calendar.errors.ts';
import { presentOfficial, presentOverride } from './calendar.presenter.ts';
import { listOverrideRows, overrideRowsFor, toOverride } from './calendar.repository.ts';

const MAX_PREVIEW_DAYS = 366;

export async function calendarDaysOfYear(
  ctx: AppContext,
  scope: Scope,
  q: CalendarDaysQuery,
): Promise<CalendarDayList> {
  const year = q.year ?? Number(shanghaiDate(ctx.clock.now()).slice(0, 4));
  if (q.brandId && !(await visibleBrand(ctx.db, scope, q.brandId))) throw new AppError(CommonErrors.NOT_FOUND);
  const rows = await listOverrideRows(ctx.db, q.brandId ?? null, year);
  const items = [...officialSpecialDays(year).map(presentOfficial), ...rows.map(presentOverride)].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.source === b.source ? 0 : a.source === 'official' ? -1 : 1),
  );
  return { year, covered: year >= OFFICIAL_YEARS.from && year <= OFFICIAL_YEARS.to, items };
}

export async function previewCalendar(
  ctx: AppContext,
  scope: Scope,
  q: CalendarPreviewQuery,
): Promise<CalendarPreview> {
  const span = dayNumber(q.to) - dayNumber(q.from) + 1;
  if (span < 1 || span > MAX_PREVIEW_DAYS) throw new AppError(CalendarErrors.CALENDAR_RANGE_TOO_LONG);
  if (!(await visibleBrand(ctx.db, scope, q.brandId))) throw new AppError(CommonErrors.NOT_FOUND);
  const brand = await ctx.db
    .selectFrom('brands')
    .select('policy_pack')
    .where('id', '=', q.brandId)
    .executeTakeFirstOrThrow();
  const policies = ctx.packs.current();
  const choice =
    choosePack(policies, brand.policy_pack ?? BASELINE_PACK, q.from) ?? choosePack(policies, BASELINE_PACK, q.from);
  const own = (choice?.pack as { calendar?: CalendarSpec } | undefined)?.calendar;
  const spec = own ?? DEFAULT_CALENDAR;
  const rows = await overrideRowsFor(ctx.db, q.brandId, q.divisionCode ?? null, { from: q.from, to: q.to });
  const calendar = new WorkCalendar(spec, rows.map(toOverride));
  const start = dayNumber(q.from);
  const days = Array.from({ length: span }, (_, i) => {
    const d = calendar.describeDay(fromDayNumber(start + i));
    return {
      date: d.date,
      weekday: weekday(d.date),
      working: d.working,
      hours: d.hours,
      holiday: d.official.holiday,
      adjusted: d.official.adjusted,
      name: d.override?.name ?? d.official.name,
      override: d.override ? { working: d.override.working, name: d.override.name } : null,
    };
  });
  return {
    brandId: q.brandId,
    pack: choice ? { id: choice.pack.id, version: choice.pack.version } : null,
    source: own ? 'pack' : 'default',
    spec: { hours: spec.hours.map((h) => ({ ...h })), days: spec.days, ...(spec.ref ? { ref: spec.ref } : {}) },
    dailyMinutes: calendar.dailyMinutes,
    days,
  };
}
