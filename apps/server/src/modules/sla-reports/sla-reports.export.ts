import type { OnTimeReport, ResolutionReport, ResolutionRow } from '@aftercare/contracts';
import type { Locale } from '../../platform/errors.ts';
import { attachment, type ExportColumn, type ExportRow, toXlsx } from '../../platform/export.ts';

/** The reports as .xlsx: the same figures as the JSON answer, one row per group plus a total row. */

const PERCENT = '0.0%';

const TEXT = {
  'zh-CN': {
    group: '分组',
    none: '（未分配）',
    total: '合计',
    orders: '工单数',
    resolved: '已解决',
    open: '未解决',
    within: (n: number) => `${n}天内解决`,
    base: (n: number) => `${n}天统计基数`,
    rate: (n: number) => `${n}天解决率`,
    target: (n: number) => `${n}天目标`,
    met: (n: number) => `${n}天达标`,
    yes: '是',
    no: '否',
    milestone: '节点',
    milestoneName: '节点名称',
    count: '总数',
    onTime: '按时',
    missed: '超时',
    running: '进行中',
    paused: '暂停',
    overdue: '进行中已超时',
    customer: '客户原因',
    onTimeRate: '按时率',
    resolutionSheet: '解决率',
    onTimeSheet: '按时率',
  },
  'en-US': {
    group: 'Group',
    none: '(none yet)',
    total: 'Total',
    orders: 'Orders',
    resolved: 'Resolved',
    open: 'Open',
    within: (n: number) => `Resolved in ${n}d`,
    base: (n: number) => `Base ${n}d`,
    rate: (n: number) => `Rate ${n}d`,
    target: (n: number) => `Target ${n}d`,
    met: (n: number) => `Met ${n}d`,
    yes: 'yes',
    no: 'no',
    milestone: 'Milestone',
    milestoneName: 'Milestone name',
    count: 'Total',
    onTime: 'On time',
    missed: 'Missed',
    running: 'Open',
    paused: 'Paused',
    overdue: 'Open overdue',
    customer: 'Customer-caused',
    onTimeRate: 'On-time rate',
    resolutionSheet: 'Resolution',
    onTimeSheet: 'On time',
  },
};

export function resolutionXlsx(report: ResolutionReport, locale: Locale): Promise<Buffer> {
  const t = TEXT[locale];
  const columns: ExportColumn[] = [
    { key: 'group', header: t.group, width: 24 },
    { key: 'orders', header: t.orders, numFmt: '0' },
    { key: 'resolved', header: t.resolved, numFmt: '0' },
    { key: 'open', header: t.open, numFmt: '0' },
    ...report.days.flatMap((n): ExportColumn[] => [
      { key: `r${n}`, header: t.within(n), numFmt: '0' },
      { key: `b${n}`, header: t.base(n), numFmt: '0' },
      { key: `p${n}`, header: t.rate(n), numFmt: PERCENT },
      { key: `t${n}`, header: t.target(n), numFmt: PERCENT },
      { key: `m${n}`, header: t.met(n) },
    ]),
  ];
  const line = (label: string, r: ResolutionRow): ExportRow => {
    const out: ExportRow = { group: label, orders: r.orders, resolved: r.resolved, open: r.open };
    for (const w of r.within) {
      out[`r${w.days}`] = w.resolved;
      out[`b${w.days}`] = w.base;
      out[`p${w.days}`] = w.rate;
      out[`t${w.days}`] = w.target;
      out[`m${w.days}`] = w.met === null ? null : w.met ? t.yes : t.no;
    }
    return out;
  };
  const rows = [...report.rows.map((r) => line(r.label ?? t.none, r)), line(t.total, report.total)];
  return toXlsx(columns, rows, { sheetName: `${t.resolutionSheet} ${report.from}~${report.to}` });
}

export function onTimeXlsx(report: OnTimeReport, locale: Locale): Promise<Buffer> {
  const t = TEXT[locale];
  const columns: ExportColumn[] = [
    { key: 'group', header: t.group, width: 24 },
    { key: 'milestone', header: t.milestone, width: 16 },
    { key: 'name', header: t.milestoneName, width: 20 },
    { key: 'total', header: t.count, numFmt: '0' },
    { key: 'met', header: t.onTime, numFmt: '0' },
    { key: 'missed', header: t.missed, numFmt: '0' },
    { key: 'open', header: t.running, numFmt: '0' },
    { key: 'paused', header: t.paused, numFmt: '0' },
    { key: 'overdue', header: t.overdue, numFmt: '0' },
    { key: 'customer', header: t.customer, numFmt: '0' },
    { key: 'rate', header: t.onTimeRate, numFmt: PERCENT },
  ];
  const rows = [
    ...report.rows.map((r) => ({ ...r, group: r.label ?? t.none })),
    ...report.totals.map((r) => ({ ...r, group: t.total })),
  ].map(
    (r): ExportRow => ({
      group: r.group,
      milestone: r.milestoneKey,
      name: r.milestoneName[locale],
      total: r.total,
      met: r.met,
      missed: r.missed,
      open: r.open,
      paused: r.paused,
      overdue: r.openOverdue,
      customer: r.customerCaused,
      rate: r.rate,
    }),
  );
  return toXlsx(columns, rows, { sheetName: `${t.onTimeSheet} ${report.from}~${report.to}` });
}

/** `sla-resolution-2026-03-01_2026-03-31.xlsx`, with a Chinese name for browsers that read filename*. */
export function dispositionOf(kind: 'resolution' | 'on-time', report: { from: string; to: string }): string {
  const ascii = `sla-${kind}-${report.from}_${report.to}.xlsx`;
  const zh = `${kind === 'resolution' ? '解决率报表' : '按时率报表'}-${report.from}_${report.to}.xlsx`;
  return attachment(ascii, zh);
}
