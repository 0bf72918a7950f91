// The fee standard (明码标价): schema, prices by place, and quote math against a warranty verdict.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { shipped } from '../test/packs.ts';
import { type FeeStandard, feesSchema, itemPrice, QuoteError, type QuotePlace, quote } from './fees.ts';
import { parsePack } from './parse.ts';
import type { Verdict } from './warranty/verdict.ts';

const fees: FeeStandard = feesSchema.parse({
  items: [
    {
      code: 'labor',
      name: { 'zh-CN': '手工费', 'en-US': 'Labor' },
      component: 'labor',
      urbanFen: 5000,
      ruralFen: 4000,
    },
    {
      code: 'on-site',
      name: { 'zh-CN': '上门费', 'en-US': 'Call-out' },
      component: 'onSite',
      priceFen: 3000,
      regions: [
        { prefix: '31', priceFen: 4000 },
        { prefix: '3101', urbanFen: 4500, ruralFen: 5500, ref: '浦东' },
      ],
    },
    { code: 'transport', name: { 'zh-CN': '运输费', 'en-US': 'Transport' }, component: 'transport', priceFen: 2000 },
    {
      code: 'clean',
      name: { 'zh-CN': '清洗', 'en-US': 'Clean' },
      component: 'labor',
      categories: ['air-conditioner'],
      priceFen: 8000,
    },
  ],
  parts: { overrides: { 'P-FAN': 9900 }, ref: '风机特价' },
});

const clause = (path: string) => ({ pack: { id: 'x', version: 1 }, path });
const decision = (covered: boolean, path = 'warranty.x') => ({
  covered,
  until: null,
  clause: clause(path),
  explanation: { 'zh-CN': '', 'en-US': '' },
});
type CoverVerdict = Pick<Verdict, 'components' | 'parts'>;
const verdict = (
  c: Partial<Record<'labor' | 'parts' | 'onSite' | 'transport', boolean>>,
  parts: { part: string; covered: boolean }[] = [],
): CoverVerdict => ({
  components: {
    labor: decision(!!c.labor, 'warranty.labor'),
    parts: decision(!!c.parts, 'warranty.parts'),
    onSite: decision(!!c.onSite, 'warranty.onSite'),
    transport: decision(!!c.transport, 'warranty.transport'),
  },
  parts: parts.map((p) => ({ ...decision(p.covered, `warranty.parts.${p.part}`), part: p.part, main: false })),
});

const urban: QuotePlace = { urbanRural: 'urban', divisionCode: '440106', category: 'air-conditioner' };

describe('prices by place', () => {
  test.each([
    ['urban outside any region', { urbanRural: 'urban', divisionCode: '440106' }, 'labor', 5000],
    ['rural variant', { urbanRural: 'rural', divisionCode: '440106' }, 'labor', 4000],
    ['single price, no region', { urbanRural: 'rural', divisionCode: '440106' }, 'on-site', 3000],
    ['province prefix', { urbanRural: 'urban', divisionCode: '310230' }, 'on-site', 4000],
    ['city prefix beats province, urban', { urbanRural: 'urban', divisionCode: '310115004' }, 'on-site', 4500],
    ['city prefix beats province, rural', { urbanRural: 'rural', divisionCode: '310115125' }, 'on-site', 5500],
  ] as const)('%s', (_, place, code, fen) => {
    const item = fees.items.find((i) => i.code === code)!;
    expect(itemPrice(item, place).unitFen).toBe(fen);
  });
});

describe('quote', () => {
  test('out of warranty: every line is payable, with its clause', () => {
    const q = quote(
      fees,
      null,
      {
        items: [
          { code: 'labor', quantity: 1 },
          { code: 'on-site', quantity: 1 },
        ],
        parts: [{ code: 'P-COMP', name: '压缩机', catalogPriceFen: 45000, quantity: 1 }],
      },
      { urbanRural: 'urban', divisionCode: '310115004', category: 'air-conditioner' },
    );
    expect(q.lines.map((l) => [l.code, l.unitFen, l.amountFen, l.coveredFen, l.payableFen])).toEqual([
      ['labor', 5000, 5000, 0, 5000],
      ['on-site', 4500, 4500, 0, 4500],
      ['P-COMP', 45000, 45000, 0, 45000],
    ]);
    expect(q.lines[1]!.clause).toEqual({ path: 'fees.items.1.regions.1', ref: '浦东' });
    expect(q.lines[2]!.clause).toEqual({ path: 'catalog.parts.P-COMP' });
    expect(q).toMatchObject({ totalFen: 54500, coveredFen: 0, payableFen: 54500 });
  });

  test('the verdict zeroes covered components and parts: parts covered, labor and call-out charged', () => {
    const q = quote(
      fees,
      verdict({ parts: true }),
      {
        items: [
          { code: 'labor', quantity: 2 },
          { code: 'on-site', quantity: 1 },
        ],
        parts: [{ code: 'P-FAN', name: '风机', catalogPriceFen: 12000, quantity: 2 }],
      },
      urban,
    );
    const fan = q.lines.find((l) => l.code === 'P-FAN')!;
    expect(fan).toMatchObject({ unitFen: 9900, amountFen: 19800, coveredFen: 19800, payableFen: 0 });
    expect(fan.clause).toEqual({ path: 'fees.parts.overrides.P-FAN', ref: '风机特价' });
    expect(fan.coveredBy).toEqual({ path: 'warranty.parts' });
    expect(q).toMatchObject({ totalFen: 10000 + 3000 + 19800, coveredFen: 19800, payableFen: 13000 });
  });

  test('a part the verdict names is decided by its own term, not the parts component', () => {
    const q = quote(
      fees,
      verdict({ parts: true, labor: true }, [{ part: 'P-BOARD', covered: false }]),
      {
        items: [{ code: 'labor', quantity: 1 }],
        parts: [
          { code: 'P-BOARD', name: '电脑板', catalogPriceFen: 30000, quantity: 1 },
          { code: 'P-OTHER', name: '传感器', catalogPriceFen: 1500, quantity: 1 },
        ],
      },
      urban,
    );
    expect(q.lines.map((l) => [l.code, l.payableFen])).toEqual([
      ['labor', 0],
      ['P-BOARD', 30000],
      ['P-OTHER', 0],
    ]);
  });

  test('fully covered: nothing payable', () => {
    const q = quote(
      fees,
      verdict({ labor: true, parts: true, onSite: true, transport: true }),
      {
        items: [
          { code: 'labor', quantity: 1 },
          { code: 'transport', quantity: 1 },
        ],
        parts: [],
      },
      urban,
    );
    expect(q).toMatchObject({ totalFen: 7000, coveredFen: 7000, payableFen: 0 });
  });

  test('an unknown item, or one for another category, is refused', () => {
    const req = (code: string) => ({ items: [{ code, quantity: 1 }], parts: [] });
    expect(() => quote(fees, null, req('nope'), urban)).toThrow(QuoteError);
    try {
      quote(fees, null, req('clean'), { ...urban, category: 'washer' });
      expect.unreachable();
    } catch (e) {
      expect((e as QuoteError).problem).toEqual({ kind: 'item_not_for_category', code: 'clean', category: 'washer' });
    }
    expect(quote(fees, null, req('clean'), urban).totalFen).toBe(8000);
  });

  test('the schema wants a price for every place and unique codes', () => {
    const name = { 'zh-CN': 'x', 'en-US': 'x' };
    expect(feesSchema.safeParse({ items: [{ code: 'a', name, component: 'labor', urbanFen: 1 }] }).success).toBe(false);
    expect(
      feesSchema.safeParse({
        items: [
          { code: 'a', name, component: 'labor', priceFen: 1 },
          { code: 'a', name, component: 'onSite', priceFen: 1 },
        ],
      }).success,
    ).toBe(false);
    expect(
      feesSchema.safeParse({ items: [{ code: 'a', name, component: 'parts', priceFen: 1 }] }).success,
      'parts are priced from the catalog, not as items',
    ).toBe(false);
  });
});

describe('properties', () => {
  const codes = fees.items.filter((i) => !i.categories).map((i) => i.code);
  const arb = fc.record({
    cover: fc.record({ labor: fc.boolean(), parts: fc.boolean(), onSite: fc.boolean(), transport: fc.boolean() }),
    named: fc.array(fc.record({ part: fc.constantFrom('P1', 'P2', 'P-FAN'), covered: fc.boolean() }), { maxLength: 3 }),
    items: fc.array(fc.record({ code: fc.constantFrom(...codes), quantity: fc.integer({ min: 1, max: 9 }) }), {
      maxLength: 5,
    }),
    parts: fc.array(
      fc.record({
        code: fc.constantFrom('P1', 'P2', 'P3', 'P-FAN'),
        name: fc.constant('件'),
        catalogPriceFen: fc.integer({ min: 0, max: 500_000 }),
        quantity: fc.integer({ min: 1, max: 9 }),
      }),
      { maxLength: 5 },
    ),
    place: fc.record({
      urbanRural: fc.constantFrom('urban' as const, 'rural' as const),
      divisionCode: fc.constantFrom('110105', '310115004', '310230', '440106'),
    }),
  });

  test('payable never exceeds the total; covered + payable = total; amounts are non-negative integers', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const q = quote(fees, verdict(a.cover, a.named), { items: a.items, parts: a.parts }, a.place);
        expect(q.payableFen).toBeLessThanOrEqual(q.totalFen);
        expect(q.coveredFen + q.payableFen).toBe(q.totalFen);
        for (const l of q.lines) {
          expect(Number.isInteger(l.payableFen) && l.payableFen >= 0).toBe(true);
          expect(l.amountFen).toBe(l.unitFen * l.quantity);
        }
      }),
    );
  });

  test('a covered component is never charged', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const v = verdict(a.cover, a.named);
        const q = quote(fees, v, { items: a.items, parts: a.parts }, a.place);
        for (const l of q.lines) {
          const own = l.kind === 'part' ? v.parts.find((p) => p.part === l.code) : undefined;
          const covered = own ? own.covered : v.components[l.component].covered;
          if (covered) expect(l.payableFen).toBe(0);
          else expect(l.payableFen).toBe(l.amountFen);
        }
      }),
    );
  });
});

describe('shipped fee standards', () => {
  test.each(['cn-baseline', 'midea', 'aux'])('%s prices a minor repair with a call-out in Shanghai', (id) => {
    const pack = shipped(id);
    const q = quote(
      pack.fees,
      null,
      {
        items: [
          { code: 'labor-minor', quantity: 1 },
          { code: 'on-site', quantity: 1 },
        ],
        parts: [],
      },
      { urbanRural: 'urban', divisionCode: '310115004', category: 'air-conditioner' },
    );
    expect(q.totalFen).toBeGreaterThan(0);
    expect(q.lines.every((l) => l.clause.path.startsWith('fees.items.'))).toBe(true);
  });

  test('a bad fee item points at its line', () => {
    const text = [
      'id: x',
      'version: 1',
      'name: { zh-CN: 测试, en-US: Test }',
      'effective: { from: 2026-01-01 }',
      'fees:',
      '  items:',
      '    - code: a',
      '      name: { zh-CN: 甲, en-US: A }',
      '      component: labor',
      '      priceFen: -1',
    ].join('\n');
    const r = parsePack(text, 'x.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 10 });
  });
});
