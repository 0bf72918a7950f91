// The two SLA reports: who is counted (scope, brands), which pack judges each brand, the period in
// Asia/Shanghai days, then one aggregation each (repository) shaped by the presenter.
import {
  type OnTimeReport,
  RESOLUTION_DAYS,
  type ResolutionReport,
  SLA_REPORT_MAX_DAYS,
  type SlaReportQuery,
} from '@aftercare/contracts';
import { shanghaiDate } from '@aftercare/policy';
import type { Scope } from '../../platform/access/principal.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { CurrentPacks } from '../policies/index.ts';
import { SlaReportErrors } from './sla-reports.errors.ts';
import { type BrandPack, brandPack } from './sla-reports.packs.ts';
import { presentOnTime, presentResolution } from './sla-reports.presenter.ts';
import { groupLabels, onTimeCounts, type Period, reportBrands, resolutionCounts } from './sla-reports.repository.ts';

export interface ReportDeps {
  db: Database;
  clock: Clock;
  packs: { current(): CurrentPacks };
}

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;

function addDays(date: string, days: number): string {
  return shanghaiDate(new Date(new Date(`${date}T00:00:00+08:00`).getTime() + days * DAY_MS));
}

/** The period's days (default: the 30 days up to today) and its bounds as instants. */
export function periodOf(q: SlaReportQuery, now: Date): { from: string; to: string } & Period {
  const to = q.to ?? shanghaiDate(now);
  const from = q.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) throw new AppError(CommonErrors.VALIDATION_FAILED);
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY_MS);
  if ((end.getTime() - start.getTime()) / DAY_MS > SLA_REPORT_MAX_DAYS) {
    throw new AppError(SlaReportErrors.SLA_REPORT_PERIOD_TOO_LONG);
  }
  return { from, to, start, end };
}

/** The brands covered (a named brand out of scope answers 404) with the pack judging each, in force on the last day. */
async function brandsOf(deps: ReportDeps, scope: Scope, q: SlaReportQuery, to: string): Promise<BrandPack[]> {
  const rows = await reportBrands(deps.db, scope, q.brandId);
  if (q.brandId && rows.length === 0) throw new AppError(CommonErrors.NOT_FOUND);
  const policies = deps.packs.current();
  return rows.map((b) => brandPack(policies, b, to));
}

export async function resolutionReport(deps: ReportDeps, scope: Scope, q: SlaReportQuery): Promise<ResolutionReport> {
  const now = deps.clock.now();
  const period = periodOf(q, now);
  const brands = await brandsOf(deps, scope, q, period.to);
  const days = [...new Set([...RESOLUTION_DAYS, ...brands.flatMap((b) => b.targets.map((t) => t.days))])].sort(
    (a, b) => a - b,
  );
  const pairs = brands.flatMap((b) =>
    b.resolutionMilestone ? [{ brandId: b.id, milestone: b.resolutionMilestone }] : [],
  );
  const counts = await resolutionCounts(deps.db, scope, pairs, period, q.groupBy, days, now);
  const labels = await groupLabels(
    deps.db,
    q.groupBy,
    counts.flatMap((c) => (c.g ? [c.g] : [])),
  );
  return presentResolution({ ...period, groupBy: q.groupBy, now, days, brands, counts, labels });
}

export async function onTimeReport(deps: ReportDeps, scope: Scope, q: SlaReportQuery): Promise<OnTimeReport> {
  const now = deps.clock.now();
  const period = periodOf(q, now);
  const brands = await brandsOf(deps, scope, q, period.to);
  const counts = await onTimeCounts(
    deps.db,
    scope,
    brands.map((b) => b.id),
    period,
    q.groupBy,
    now,
  );
  const labels = await groupLabels(
    deps.db,
    q.groupBy,
    counts.flatMap((c) => (c.g ? [c.g] : [])),
  );
  return presentOnTime({ ...period, groupBy: q.groupBy, now, brands, counts, labels });
}
