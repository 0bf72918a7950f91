import { describe, expect, it } from 'vitest';
import { buildDispatchPins, PINS_PER_BRAND } from './dispatch-pins-demo.ts';

describe('demo dispatch pins', () => {
  it('pins key accounts to their installer when it is active and may repair the category, a few per brand', () => {
    let n = 0;
    const customers = [
      { id: 'c1', brand_id: 'b', tags: ['key_account'] },
      { id: 'c2', brand_id: 'b', tags: ['vip'] },
      { id: 'c3', brand_id: 'b', tags: ['key_account'] },
      { id: 'c4', brand_id: 'b', tags: ['key_account'] },
      ...Array.from({ length: 5 }, (_, i) => ({ id: `k${i}`, brand_id: 'b', tags: ['key_account'] })),
    ];
    const products = [
      { customer_id: 'c1', brand_id: 'b', category_code: 'ac', installing_outlet_id: 'o1' },
      { customer_id: 'c2', brand_id: 'b', category_code: 'ac', installing_outlet_id: 'o1' },
      { customer_id: 'c3', brand_id: 'b', category_code: 'ac', installing_outlet_id: 'o2' },
      { customer_id: 'c4', brand_id: 'b', category_code: 'washer', installing_outlet_id: 'o1' },
      ...Array.from({ length: 5 }, (_, i) => ({
        customer_id: `k${i}`,
        brand_id: 'b',
        category_code: 'ac',
        installing_outlet_id: 'o1',
      })),
    ];
    const pins = buildDispatchPins({
      customers,
      products,
      outlets: [
        { id: 'o1', status: 'active' },
        { id: 'o2', status: 'suspended' },
      ],
      authorizations: [{ outlet_id: 'o1', brand_id: 'b', category_code: 'ac', service_type: 'repair' }],
      id: () => `p${++n}`,
      now: new Date('2026-03-15T02:00:00Z'),
    });
    expect(pins.map((p) => p.customer_id)).toEqual(['c1', 'k0', 'k1']);
    expect(pins).toHaveLength(PINS_PER_BRAND);
    expect(pins.every((p) => p.outlet_id === 'o1' && p.brand_id === 'b')).toBe(true);
  });
});
