// calendar_days: override rows over the official calendar. brand_id null = national (platform-wide),
// division_prefix null = the whole country, else the 2/4/6-digit administrative-division prefix
// (44 = Guangdong, 4403 = Shenzhen). Reads take the rows that apply to one brand and division.
import { type CalendarSpec, type DayOverride, WorkCalendar } from '@aftercare/policy';
import { type Selectable, sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { brandFilter } from '../network/scope.ts';
import type { CalendarDaysTable } from '../sla/sla.tables.ts';

export type CalendarDayRow = Selectable<CalendarDaysTable>;

/** Least specific first: national before brand, a shorter division prefix before a longer one. */
function specificity(row: Pick<CalendarDayRow, 'brand_id' | 'division_prefix'>): number {
  return (row.brand_id ? 10 : 0) + (row.division_prefix?.length ?? 0);
}

/** The override rows that apply to a brand (and a division, when given), ordered so the most specific wins. */
export async function overrideRowsFor(
  db: Tx,
  brandId: string | null,
  divisionCode: string | null,
  range?: { from: string; to: string },
): Promise<CalendarDayRow[]> {
  let q = db.selectFrom('calendar_days').selectAll();
  q = q.where((eb) =>
    brandId ? eb.or([eb('brand_id', 'is', null), eb('brand_id', '=', brandId)]) : eb('brand_id', 'is', null),
  );
  if (range) q = q.where('day', '>=', range.from).where('day', '<=', range.to);
  return applicable(await q.orderBy('day').execute(), divisionCode);
}

/** A national row states the public calendar (official: true); a brand's row is its own decision. */
export function toOverride(row: CalendarDayRow): DayOverride {
  return { date: row.day, working: row.working, name: row.name, official: row.brand_id === null };
}

/**
 * The working calendar of a brand in a division: the pack's `calendar` spec (DEFAULT_CALENDAR when the
 * pack has none) over the official calendar, with the national and the brand's override rows whose
 * division prefix is null or a prefix of `divisionCode` (the most specific row wins on a date).
 * National rows count as public-calendar days (a holiday or an adjusted working day, so an
 * `every-day` brand still works); a brand's rows win in every mode.
 */
export async function calendarFor(
  db: Tx,
  brandId: string,
  divisionCode: string | null,
  spec: CalendarSpec,
): Promise<WorkCalendar> {
  return calendarFromRows(spec, await overrideRowsFor(db, brandId, divisionCode), divisionCode);
}

/**
 * calendarFor over rows already read (national and the brand's, any division): keeps those whose
 * division prefix is null or a prefix of `divisionCode`, the most specific winning on a date.
 */
export function calendarFromRows(
  spec: CalendarSpec,
  rows: readonly CalendarDayRow[],
  divisionCode: string | null,
): WorkCalendar {
  return new WorkCalendar(spec, applicable(rows, divisionCode).map(toOverride));
}

function applicable(rows: readonly CalendarDayRow[], divisionCode: string | null): CalendarDayRow[] {
  return rows
    .filter((r) => r.division_prefix === null || (divisionCode ?? '').startsWith(r.division_prefix))
    .sort((a, b) => specificity(a) - specificity(b) || a.day.localeCompare(b.day));
}

/** Override rows of one year visible to the caller: national rows and the rows of `brandId` (when in scope). */
export async function listOverrideRows(db: Tx, brandId: string | null, year: number): Promise<CalendarDayRow[]> {
  let q = db
    .selectFrom('calendar_days')
    .selectAll()
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`);
  q = q.where((eb) =>
    brandId ? eb.or([eb('brand_id', 'is', null), eb('brand_id', '=', brandId)]) : eb('brand_id', 'is', null),
  );
  return q.orderBy('day').orderBy('division_prefix').execute();
}

/** One override row when the caller may see it: national rows for everyone, brand rows within scope. */
export async function findOverrideRow(db: Tx, scope: Scope, id: string): Promise<CalendarDayRow | undefined> {
  return db
    .selectFrom('calendar_days')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => eb.or([eb('brand_id', 'is', null), brandFilter(scope, sql.ref('calendar_days.brand_id'))]))
    .executeTakeFirst();
}
