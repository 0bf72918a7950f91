// What the product record and the catalog add to the pack's terms: a recorded warranty-start
// override, and a catalog part's own term (the longer of it and the pack's term applies).
import { describe, expect, test } from 'vitest';
import { shipped } from '../../test/packs.ts';
import type { WarrantyFactsInput } from '../facts.ts';
import { evaluateWarranty } from './evaluate.ts';

const base = () => shipped('cn-baseline');
const ac = (over: Partial<WarrantyFactsInput> = {}): WarrantyFactsInput => ({
  category: 'air-conditioner',
  purchaseDate: '2026-03-15',
  invoice: true,
  faultDate: '2026-04-01',
  ...over,
});

describe('warranty start override recorded on the product', () => {
  test.each([
    // [override, fault, whole unit covered, until]
    ['2026-06-01', '2027-06-01', true, '2027-06-01'], // last day of the year counted from the override
    ['2026-06-01', '2027-06-02', false, '2027-06-01'], // the day after
    ['2025-12-01', '2026-12-02', false, '2026-12-01'], // an earlier override shortens it too
  ])('override %s, fault %s → covered %s until %s', (override, faultDate, covered, until) => {
    const v = evaluateWarranty(base(), ac({ warrantyStartOverride: override, faultDate }));
    expect(v.start).toMatchObject({ date: override, basis: 'override' });
    expect(v.components.parts).toMatchObject({ covered, until });
  });

  test('is cited as a recorded override, explained in both languages', () => {
    const v = evaluateWarranty(base(), ac({ warrantyStartOverride: '2026-06-01' }));
    expect(v.start!.clause).toEqual({
      pack: { id: 'cn-baseline', version: 1 },
      path: 'warrantyStartOverride',
      record: 'warrantyStartOverride',
    });
    expect(v.start!.explanation['zh-CN']).toContain('人工更正');
    expect(v.start!.explanation['zh-CN']).toContain('2026-06-01');
    expect(v.start!.explanation['en-US']).toContain('override');
  });

  test('wins over invoice, installation and production dates, and works without an invoice', () => {
    const v = evaluateWarranty(
      base(),
      ac({
        invoice: false,
        purchaseDate: undefined,
        productionDate: '2025-01-01',
        warrantyStartOverride: '2026-02-01',
      }),
    );
    expect(v.start).toMatchObject({ basis: 'override', date: '2026-02-01' });
  });

  test('a later exchange still starts the replacement anew; an exchange before the override does not', () => {
    const later = evaluateWarranty(base(), ac({ warrantyStartOverride: '2026-03-20', exchangeDate: '2026-03-25' }));
    expect(later.start).toMatchObject({ basis: 'exchange', date: '2026-03-25' });
    const earlier = evaluateWarranty(base(), ac({ warrantyStartOverride: '2026-03-20', exchangeDate: '2026-03-18' }));
    expect(earlier.start).toMatchObject({ basis: 'override', date: '2026-03-20' });
  });

  test('time in repair still extends a term counted from the override', () => {
    const v = evaluateWarranty(
      base(),
      ac({
        warrantyStartOverride: '2026-06-01',
        faultDate: '2027-06-05',
        repairs: [{ date: '2026-09-01', daysInRepair: 5 }],
      }),
    );
    expect(v.start!.extensionDays).toBe(5);
    expect(v.components.parts).toMatchObject({ covered: true, until: '2027-06-06' });
  });
});

describe("a catalog part's own term", () => {
  const fault = (faultDate: string, months: number, part = 'AC-RC') =>
    evaluateWarranty(base(), ac({ faultDate, parts: [part], partTerms: [{ part, months }] }));

  test.each([
    ['2028-03-15', true], // last day of 24 months
    ['2028-03-16', false], // the day after
  ])('a remote control with 24 months, fault %s → covered %s', (faultDate, covered) => {
    const p = fault(faultDate, 24).parts[0]!;
    expect(p).toMatchObject({ part: 'AC-RC', covered, until: '2028-03-15' });
    expect(p.clause).toEqual({
      pack: { id: 'cn-baseline', version: 1 },
      path: 'catalog.parts.AC-RC',
      catalogPart: 'AC-RC',
    });
    expect(p.explanation['zh-CN']).toContain('产品目录');
    expect(p.explanation['en-US']).toContain('catalog term');
  });

  test('a catalog term shorter than the pack gives never shortens cover: the whole-unit year applies', () => {
    const p = fault('2027-01-10', 6).parts[0]!;
    expect(p).toMatchObject({ covered: true, until: '2027-03-15' });
    expect(p.clause.path).toBe('warranty.categories.air-conditioner.wholeUnit');
  });

  test("the pack's own term for a part it names comes first (Fujitsu's adapter 2 years)", () => {
    const v = evaluateWarranty(shipped('fujitsu'), {
      category: 'pc',
      purchaseDate: '2026-03-15',
      invoice: true,
      faultDate: '2028-06-01',
      parts: ['ac-adapter'],
      partTerms: [{ part: 'ac-adapter', months: 36 }],
    });
    expect(v.parts[0]).toMatchObject({ covered: false, until: '2028-03-15' });
    expect(v.parts[0]!.clause.path).toBe('warranty.categories.pc.parts.ac-adapter');
  });

  test('a part without a catalog term keeps the pack term', () => {
    const v = evaluateWarranty(base(), ac({ faultDate: '2027-06-01', parts: ['X'], partTerms: [] }));
    expect(v.parts[0]).toMatchObject({ covered: false, until: '2027-03-15' });
  });
});
