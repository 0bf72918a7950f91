import { describe, expect, test } from 'vitest';
import { durationText, minutesToDue, nameIn } from './sla-format.ts';

const t = ((key: string, o: Record<string, unknown>) => `${key}:${JSON.stringify(o)}`) as never;

describe('SLA formatting', () => {
  test('durations pick days, hours or minutes', () => {
    expect(durationText(t, 45.9)).toBe('milestones.duration.m:{"m":45}');
    expect(durationText(t, 125)).toBe('milestones.duration.h:{"h":2,"m":"05"}');
    expect(durationText(t, 1440 * 2 + 180)).toBe('milestones.duration.d:{"d":2,"h":3}');
    expect(durationText(t, -5)).toBe('milestones.duration.m:{"m":0}');
  });
  test('minutes to due are negative once late, null without a due time', () => {
    const now = Date.parse('2026-03-15T02:00:00Z');
    expect(minutesToDue('2026-03-15T02:30:00Z', now)).toBe(30);
    expect(minutesToDue('2026-03-15T01:00:00Z', now)).toBe(-60);
    expect(minutesToDue(null, now)).toBeNull();
    expect(minutesToDue('nonsense', now)).toBeNull();
  });
  test('names follow the language, falling back to the other one', () => {
    expect(nameIn({ 'zh-CN': '上门', 'en-US': 'On site' }, 'en-US')).toBe('On site');
    expect(nameIn({ 'zh-CN': '上门', 'en-US': '' }, 'en-US')).toBe('上门');
    expect(nameIn({ 'zh-CN': '上门', 'en-US': 'On site' }, 'zh-CN')).toBe('上门');
    expect(nameIn(null, 'zh-CN')).toBe('');
  });
});
