import type { OnTimeReport, ResolutionReport } from '@aftercare/contracts';

/** ECharts options of the SLA reports page, built from the API's answers (pure, tested). */

type Lang = 'zh-CN' | 'en-US';

export interface ChartText {
  none: string;
  within: (days: number) => string;
  target: (days: number) => string;
  onTimeRate: string;
}

const PALETTE = ['#1677ff', '#52c41a', '#faad14', '#722ed1', '#13c2c2', '#eb2f96'];

/** A fraction as a percentage with one decimal (null stays a gap in the chart). */
export function percent(rate: number | null | undefined): number | null {
  return rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
}

const PERIODS = new Set(['day', 'week', 'month']);

/** The one target every group shares for these days, if any (a single brand, or all brands alike). */
export function sharedTarget(report: ResolutionReport, days: number): number | null {
  const targets = new Set(
    [...report.rows, report.total].flatMap((r) => {
      const target = r.within.find((w) => w.days === days)?.target;
      return target === null || target === undefined ? [] : [target];
    }),
  );
  return targets.size === 1 ? [...targets][0]! : null;
}

export function resolutionOption(report: ResolutionReport, text: ChartText) {
  const line = PERIODS.has(report.groupBy);
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 48 },
    xAxis: {
      type: 'category',
      data: report.rows.map((r) => r.label ?? text.none),
      axisLabel: { interval: 0, rotate: report.rows.length > 8 ? 30 : 0 },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: report.days.map((days, k) => {
      const target = sharedTarget(report, days);
      return {
        name: text.within(days),
        type: line ? 'line' : 'bar',
        connectNulls: false,
        data: report.rows.map((r) => percent(r.within.find((w) => w.days === days)?.rate)),
        ...(target === null
          ? {}
          : {
              markLine: {
                symbol: 'none',
                lineStyle: { type: 'dashed', color: PALETTE[k % PALETTE.length] },
                label: { formatter: `${text.target(days)} ${percent(target)}%`, position: 'insideEndTop' },
                data: [{ yAxis: percent(target) }],
              },
            }),
      };
    }),
  };
}

export function onTimeOption(report: OnTimeReport, lang: Lang, text: ChartText) {
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`) },
    grid: { left: 48, right: 24, top: 24, bottom: 48 },
    xAxis: {
      type: 'category',
      data: report.totals.map((r) => r.milestoneName[lang]),
      axisLabel: { interval: 0, rotate: report.totals.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: text.onTimeRate,
        type: 'bar',
        barMaxWidth: 48,
        label: { show: true, position: 'top', formatter: '{c}%' },
        data: report.totals.map((r) => percent(r.rate)),
      },
    ],
  };
}
