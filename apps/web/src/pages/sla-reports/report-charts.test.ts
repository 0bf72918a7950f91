import type { ResolutionReport } from '@aftercare/contracts';
import { describe, expect, it } from 'vitest';
import { onTimeOption, percent, resolutionOption, sharedTarget } from './report-charts.ts';

const text = {
  none: '（未分配）',
  within: (d: number) => `${d}天`,
  target: (d: number) => `目标${d}天`,
  onTimeRate: '按时率',
};

const within = (days: number, rate: number | null, target: number | null) => ({
  days,
  resolved: 0,
  base: 0,
  rate,
  target,
  met: null,
});

function report(groupBy: ResolutionReport['groupBy'], targets: (number | null)[]): ResolutionReport {
  return {
    from: '2026-03-01',
    to: '2026-03-31',
    groupBy,
    generatedAt: '2026-04-01T00:00:00Z',
    days: [1, 2],
    brands: [],
    rows: targets.map((target, k) => ({
      key: k === 0 ? null : `g${k}`,
      label: k === 0 ? null : `组${k}`,
      orders: 1,
      resolved: 1,
      open: 0,
      within: [within(1, 0.8234, target), within(2, null, null)],
    })),
    total: {
      key: null,
      label: null,
      orders: 2,
      resolved: 2,
      open: 0,
      within: [within(1, 0.5, null), within(2, 1, null)],
    },
  };
}

describe('SLA report charts', () => {
  it('shows rates as percentages with gaps for no data', () => {
    expect(percent(0.8234)).toBe(82.3);
    expect(percent(null)).toBeNull();
    const option = resolutionOption(report('outlet', [0.8, 0.8]), text);
    expect(option.xAxis.data).toEqual(['（未分配）', '组1']);
    expect(option.series.map((s) => s.type)).toEqual(['bar', 'bar']);
    expect(option.series[0]!.data).toEqual([82.3, 82.3]);
    expect(option.series[1]!.data).toEqual([null, null]);
  });

  it('draws a target line only when every group shares it', () => {
    expect(sharedTarget(report('day', [0.8, 0.8]), 1)).toBe(0.8);
    expect(sharedTarget(report('brand', [0.8, 0.9]), 1)).toBeNull();
    const same = resolutionOption(report('day', [0.8, 0.8]), text);
    expect(same.series[0]).toMatchObject({ type: 'line', markLine: { data: [{ yAxis: 80 }] } });
    expect(same.series[1]).not.toHaveProperty('markLine');
    expect(resolutionOption(report('brand', [0.8, 0.9]), text).series[0]).not.toHaveProperty('markLine');
  });

  it('plots the on-time rate of each milestone by its name', () => {
    const row = {
      key: null,
      label: null,
      milestoneKey: 'on_site',
      milestoneName: { 'zh-CN': '上门', 'en-US': 'On site' },
      total: 4,
      met: 3,
      missed: 1,
      open: 0,
      paused: 0,
      openOverdue: 0,
      customerCaused: 0,
      rate: 0.75,
    };
    const option = onTimeOption(
      { from: '', to: '', groupBy: 'brand', generatedAt: '', brands: [], rows: [row], totals: [row] },
      'en-US',
      text,
    );
    expect(option.xAxis.data).toEqual(['On site']);
    expect(option.series[0]!.data).toEqual([75]);
  });
});
