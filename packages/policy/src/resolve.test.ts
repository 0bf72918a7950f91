import { describe, expect, test } from 'vitest';
import { shipped } from '../test/packs.ts';
import { parsePack } from './parse.ts';
import { isEffectiveOn, originOf, resolvePack, selectPack } from './resolve.ts';
import type { Pack } from './schema.ts';
import { evaluateWarranty } from './warranty/evaluate.ts';

function pack(yaml: string): Pack {
  const r = parsePack(yaml, 'inline.yaml');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.pack;
}

const child = (body: string, version = 1, from = '2026-01-01') =>
  pack(
    `id: brand-x\nversion: ${version}\nextends: cn-baseline\nname: { zh-CN: 某品牌, en-US: Brand X }\neffective: { from: ${from} }\n${body}`,
  );

describe('resolvePack', () => {
  test('a brand pack overrides one term and keeps the rest of the baseline', () => {
    const x = resolvePack(
      child('warranty:\n  categories:\n    washer:\n      wholeUnit: { years: 2 }\n'),
      shipped('cn-baseline'),
    );
    const washer = x.warranty!.categories!.washer!;
    expect(washer.wholeUnit).toEqual({ years: 2 });
    expect(washer.mainParts?.term).toMatchObject({ years: 3 });
    expect(x.returns?.returnWithin).toMatchObject({ days: 7 });
    expect(originOf(x, 'warranty.categories.washer.wholeUnit')).toEqual({ id: 'brand-x', version: 1 });
    expect(originOf(x, 'warranty.categories.washer.mainParts.term')).toEqual({ id: 'cn-baseline', version: 1 });
    expect(originOf(x, 'returns.returnWithin')).toEqual({ id: 'cn-baseline', version: 1 });
  });

  test('a term replaces the base term whole, its citation included', () => {
    const x = resolvePack(child('returns:\n  exchangeWithin: { days: 30 }\n'), shipped('cn-baseline'));
    expect(x.returns?.exchangeWithin).toEqual({ days: 30 });
  });

  test('refuses a pack without its base, or with the wrong base', () => {
    expect(() => resolvePack(child(''))).toThrow(/extends cn-baseline/);
    expect(() => resolvePack(child(''), shipped('aux'))).toThrow(/not aux/);
    expect(() => evaluateWarranty(child(''), { category: 'washer', faultDate: '2026-01-01' })).toThrow(/resolve/);
  });

  test('refuses a new category without a whole-unit term', () => {
    expect(() =>
      resolvePack(child('warranty:\n  categories:\n    boat:\n      labor: { years: 1 }\n'), shipped('cn-baseline')),
    ).toThrow(/boat/);
  });
});

describe('start basis', () => {
  const facts = {
    category: 'washer',
    purchaseDate: '2026-03-01',
    invoice: true,
    deliveryDate: '2026-03-05',
    installationDate: '2026-03-10',
    faultDate: '2027-03-05',
  };

  test.each([
    ['purchase', '2026-03-01', false],
    ['delivery', '2026-03-05', true],
    ['installation', '2026-03-10', true],
  ])('counted from %s', (basis, date, coveredOn0305) => {
    const x = resolvePack(child(`warranty:\n  start: { basis: ${basis} }\n`), shipped('cn-baseline'));
    const v = evaluateWarranty(x, facts);
    expect(v.start).toMatchObject({ date, basis });
    expect(v.components.labor.covered).toBe(coveredOn0305);
  });

  test('installation basis without the installation date falls back to the invoice', () => {
    const x = resolvePack(child('warranty:\n  start: { basis: installation }\n'), shipped('cn-baseline'));
    const { installationDate: _i, ...rest } = facts;
    expect(evaluateWarranty(x, rest).start).toMatchObject({ date: '2026-03-01', basis: 'purchase' });
  });
});

describe('versions and effective dates', () => {
  const v1 = child('', 1, '2026-01-01');
  const v2 = pack(
    'id: brand-x\nversion: 2\nextends: cn-baseline\nname: { zh-CN: 某品牌, en-US: Brand X }\neffective: { from: 2026-07-01, to: 2026-12-31 }\n',
  );

  test('the newest version effective on a date is chosen', () => {
    expect(selectPack([v1, v2], 'brand-x', '2026-06-30')?.version).toBe(1);
    expect(selectPack([v1, v2], 'brand-x', '2026-07-01')?.version).toBe(2);
    expect(selectPack([v1, v2], 'brand-x', '2027-01-01')?.version).toBe(1);
    expect(selectPack([v1, v2], 'brand-x', '2025-12-31')).toBeUndefined();
    expect(isEffectiveOn(v2, '2026-12-31')).toBe(true);
  });

  test('the verdict records the version it was judged under', () => {
    const v = evaluateWarranty(resolvePack(v2, shipped('cn-baseline')), {
      category: 'washer',
      faultDate: '2026-08-01',
    });
    expect(v.pack).toEqual({ id: 'brand-x', version: 2 });
    expect(v.chain).toEqual([
      { id: 'cn-baseline', version: 1 },
      { id: 'brand-x', version: 2 },
    ]);
  });
});
