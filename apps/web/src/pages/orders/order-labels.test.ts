import { DISPOSITIONS, ORDER_ACTIONS, ORDER_CHANNELS, ORDER_STATUSES, ORDER_TYPES } from '@aftercare/contracts';
import { describe, expect, test } from 'vitest';
import { ordersEnUS } from '../../i18n/orders.en-US.ts';
import { ordersZhCN } from '../../i18n/orders.zh-CN.ts';
import { STATUS_COLORS, STEP_FORMS } from './order-values.ts';

/** Every value of the contracts' enums has a label in both languages (no raw codes on screen). */
describe('order labels', () => {
  const cases = [
    ['types', ORDER_TYPES],
    ['channels', ORDER_CHANNELS],
    ['statuses', ORDER_STATUSES],
    ['actions', ORDER_ACTIONS],
    ['dispositions', DISPOSITIONS],
  ] as const;
  test.each(cases)('%s: a label for every value, in zh-CN and en-US', (group, values) => {
    for (const lang of [ordersZhCN, ordersEnUS]) {
      const labels = lang.orders[group] as Record<string, string>;
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const v of values) expect(labels[v]?.trim()).toBeTruthy();
    }
    // The Chinese labels are Chinese, not the English ones copied.
    for (const v of values) {
      expect((ordersZhCN.orders[group] as Record<string, string>)[v]).not.toBe(
        (ordersEnUS.orders[group] as Record<string, string>)[v],
      );
    }
  });

  test('every status has a tag colour; every step form names a known action', () => {
    for (const s of ORDER_STATUSES) expect(STATUS_COLORS[s]).toBeTruthy();
    for (const a of Object.keys(STEP_FORMS)) expect(ORDER_ACTIONS).toContain(a);
  });
});
