import type {
  OnTimeReport,
  OnTimeRow,
  ResolutionReport,
  ResolutionRow,
  SlaReportBrand,
  SlaReportGroupBy,
} from '@aftercare/contracts';
import type { BrandPack } from './sla-reports.packs.ts';
import type { OnTimeCounts, ResolutionCounts } from './sla-reports.repository.ts';

/** Counts → the API's report shapes: rates, the pack's targets and met flags, labels, totals. */

const PERIODS: readonly SlaReportGroupBy[] = ['day', 'week', 'month'];

function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function brandOut(b: BrandPack): SlaReportBrand {
  return {
    id: b.id,
    code: b.code,
    name: b.name,
    packId: b.packId,
    packVersion: b.packVersion,
    resolutionMilestone: b.resolutionMilestone,
    targets: b.targets,
  };
}

function labelOf(groupBy: SlaReportGroupBy, key: string | null, labels: Map<string, string>): string | null {
  if (key === null) return null;
  return PERIODS.includes(groupBy) ? key : (labels.get(key) ?? key);
}

/** Periods in time order; brands, regions and outlets by name, the "none yet" group last. */
function byGroup(groupBy: SlaReportGroupBy) {
  return (a: { key: string | null; label: string | null }, b: { key: string | null; label: string | null }) => {
    if (a.key === null || b.key === null) return a.key === b.key ? 0 : a.key === null ? 1 : -1;
    if (PERIODS.includes(groupBy)) return a.key.localeCompare(b.key);
    return (a.label ?? '').localeCompare(b.label ?? '', 'zh-CN') || a.key.localeCompare(b.key);
  };
}

interface ResolutionInput {
  from: string;
  to: string;
  groupBy: SlaReportGroupBy;
  now: Date;
  days: number[];
  brands: BrandPack[];
  counts: ResolutionCounts[];
  labels: Map<string, string>;
}

function resolutionRow(
  key: string | null,
  label: string | null,
  c: Omit<ResolutionCounts, 'g'>,
  targets: { days: number; rate: number }[] | null,
): ResolutionRow {
  return {
    key,
    label,
    orders: c.orders,
    resolved: c.resolved,
    open: c.open,
    within: c.within.map((w) => {
      const r = rate(w.resolved, w.base);
      const target = targets?.find((t) => t.days === w.days)?.rate ?? null;
      // A tiny tolerance: 4 of 5 is exactly the 80 % target, whatever the float division gives.
      return { ...w, rate: r, target, met: r === null || target === null ? null : r >= target - 1e-9 };
    }),
  };
}

export function presentResolution(i: ResolutionInput): ResolutionReport {
  const judged = i.brands.filter((b) => b.resolutionMilestone);
  // Targets apply to a group of one brand: each brand's group, or every group when one brand is covered.
  const only = judged.length === 1 ? judged[0]!.targets : null;
  const targetsOf = (key: string | null) =>
    i.groupBy === 'brand' ? (judged.find((b) => b.id === key)?.targets ?? null) : only;
  const rows = i.counts
    .map((c) => resolutionRow(c.g, labelOf(i.groupBy, c.g, i.labels), c, targetsOf(c.g)))
    .sort(byGroup(i.groupBy));
  const sum = (f: (c: ResolutionCounts) => number) => i.counts.reduce((n, c) => n + f(c), 0);
  const total = resolutionRow(
    null,
    null,
    {
      orders: sum((c) => c.orders),
      resolved: sum((c) => c.resolved),
      open: sum((c) => c.open),
      within: i.days.map((days, k) => ({
        days,
        resolved: sum((c) => c.within[k]!.resolved),
        base: sum((c) => c.within[k]!.base),
      })),
    },
    only,
  );
  return {
    from: i.from,
    to: i.to,
    groupBy: i.groupBy,
    generatedAt: i.now.toISOString(),
    days: i.days,
    brands: i.brands.map(brandOut),
    rows,
    total,
  };
}

interface OnTimeInput {
  from: string;
  to: string;
  groupBy: SlaReportGroupBy;
  now: Date;
  brands: BrandPack[];
  counts: OnTimeCounts[];
  labels: Map<string, string>;
}

type OnTimeFigures = Omit<OnTimeCounts, 'g' | 'key'>;

function onTimeRow(
  key: string | null,
  label: string | null,
  milestoneKey: string,
  names: NameOf,
  c: OnTimeFigures,
): OnTimeRow {
  return {
    key,
    label,
    milestoneKey,
    milestoneName: names(milestoneKey),
    total: c.total,
    met: c.met,
    missed: c.missed,
    open: c.open,
    paused: c.paused,
    openOverdue: c.openOverdue,
    customerCaused: c.customerCaused,
    rate: rate(c.met, c.met + c.missed + c.openOverdue),
  };
}

type NameOf = (key: string) => { 'zh-CN': string; 'en-US': string };

export function presentOnTime(i: OnTimeInput): OnTimeReport {
  // Milestones in the packs' order (the flow of an order), keys no pack defines any more last.
  const order = [...new Set(i.brands.flatMap((b) => [...b.names.keys()]))];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const names: NameOf = (key) => {
    for (const b of i.brands) {
      const n = b.names.get(key);
      if (n) return n;
    }
    return { 'zh-CN': key, 'en-US': key };
  };
  const groupOrder = byGroup(i.groupBy);
  const rows = i.counts
    .map((c) => onTimeRow(c.g, labelOf(i.groupBy, c.g, i.labels), c.key, names, c))
    .sort(
      (a, b) =>
        groupOrder(a, b) || rank(a.milestoneKey) - rank(b.milestoneKey) || a.milestoneKey.localeCompare(b.milestoneKey),
    );
  const perKey = new Map<string, OnTimeFigures>();
  for (const c of i.counts) {
    const t = perKey.get(c.key) ?? {
      total: 0,
      met: 0,
      missed: 0,
      open: 0,
      paused: 0,
      openOverdue: 0,
      customerCaused: 0,
    };
    for (const f of Object.keys(t) as (keyof OnTimeFigures)[]) t[f] += c[f];
    perKey.set(c.key, t);
  }
  const totals = [...perKey.entries()]
    .map(([k, c]) => onTimeRow(null, null, k, names, c))
    .sort((a, b) => rank(a.milestoneKey) - rank(b.milestoneKey) || a.milestoneKey.localeCompare(b.milestoneKey));
  return {
    from: i.from,
    to: i.to,
    groupBy: i.groupBy,
    generatedAt: i.now.toISOString(),
    brands: i.brands.map(brandOut),
    rows,
    totals,
  };
}
