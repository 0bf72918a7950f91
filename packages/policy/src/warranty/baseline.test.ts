// National 三包 baseline, clause by clause, with the boundary days.
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
  performanceFault: true,
  ...over,
});
const kinds = (facts: WarrantyFactsInput) => evaluateWarranty(base(), facts).remedies.map((r) => r.kind);

describe('三包 return / exchange windows (performance fault)', () => {
  test.each([
    ['2026-03-15', ['return', 'exchange', 'repair']], // purchase day
    ['2026-03-22', ['return', 'exchange', 'repair']], // day 7
    ['2026-03-23', ['exchange', 'repair']], // day 8
    ['2026-03-30', ['exchange', 'repair']], // day 15
    ['2026-03-31', ['repair']], // day 16
  ])('fault on %s → %o', (faultDate, expected) => {
    expect(kinds(ac({ faultDate }))).toEqual(expected);
  });

  test('the window clause and explanation are given', () => {
    const v = evaluateWarranty(base(), ac({ faultDate: '2026-03-22' }));
    const ret = v.remedies.find((r) => r.kind === 'return')!;
    expect(ret.clause).toMatchObject({ pack: { id: 'cn-baseline', version: 1 }, path: 'returns.returnWithin' });
    expect(ret.explanation['zh-CN']).toContain('7天');
    expect(ret.explanation['en-US']).toContain('until 2026-03-22');
  });

  test('a fault at 23:30 UTC on day 7 is day 8 in Shanghai', () => {
    expect(kinds(ac({ faultDate: '2026-03-22T15:59:00Z' }))).toContain('return');
    expect(kinds(ac({ faultDate: '2026-03-22T23:30:00Z' }))).not.toContain('return');
  });

  test('not for a fault that is not a performance fault, nor without an invoice, nor for an excluded cause', () => {
    expect(kinds(ac({ faultDate: '2026-03-16', performanceFault: false }))).toEqual(['repair']);
    expect(kinds(ac({ faultDate: '2026-03-16', invoice: false, productionDate: '2026-01-10' }))).toEqual(['repair']);
    expect(kinds(ac({ faultDate: '2026-03-16', cause: 'user-damage' }))).toEqual(['repair']);
  });
});

describe('三包 terms per component', () => {
  test.each([
    // [fault, parts, labor, parts, on-site]
    ['2027-03-15', ['compressor'], true, true, true], // last day of the whole-unit year
    ['2027-03-16', ['compressor'], false, true, false], // year 2: main part free, repair charged
    ['2029-03-15', ['compressor'], false, true, false], // last day of the main-part term
    ['2029-03-16', ['compressor'], false, false, false],
    ['2027-03-16', ['remote-control'], false, false, false], // an ordinary part follows the whole unit
    ['2026-09-01', [], true, true, true], // no part named: the whole unit
  ])('fault %s parts %o → labor %s, parts %s, on-site %s', (faultDate, parts, labor, partsCovered, onSite) => {
    const v = evaluateWarranty(base(), ac({ faultDate, parts }));
    expect(v.components.labor.covered).toBe(labor);
    expect(v.components.parts.covered).toBe(partsCovered);
    expect(v.components.onSite.covered).toBe(onSite);
    expect(v.components.transport.covered).toBe(onSite);
  });

  test('each component says until when, under which clause, in both languages', () => {
    const v = evaluateWarranty(base(), ac({ faultDate: '2027-06-01', parts: ['compressor'] }));
    expect(v.components.parts).toMatchObject({
      covered: true,
      until: '2029-03-15',
      clause: { path: 'warranty.categories.air-conditioner.mainParts.term', ref: '主要部件三包有效期三年' },
    });
    expect(v.components.labor.until).toBe('2027-03-15');
    expect(v.components.labor.explanation['zh-CN']).toContain('收费');
    expect(v.components.labor.explanation['en-US']).toContain('charged');
    expect(v.pack).toEqual({ id: 'cn-baseline', version: 1 });
  });

  test('PCs: whole unit 1 year, main parts 2 years', () => {
    const pc = (faultDate: string) =>
      evaluateWarranty(base(), {
        category: 'pc',
        purchaseDate: '2026-03-15',
        invoice: true,
        faultDate,
        parts: ['mainboard'],
      });
    expect(pc('2028-03-15').components.parts.covered).toBe(true);
    expect(pc('2028-03-16').components.parts.covered).toBe(false);
  });

  test('a 29 February purchase: the year ends on 28 February', () => {
    const f = (faultDate: string) => evaluateWarranty(base(), ac({ purchaseDate: '2024-02-29', faultDate }));
    expect(f('2025-02-28').components.labor.covered).toBe(true);
    expect(f('2025-03-01').components.labor.covered).toBe(false);
  });

  test('an unknown category is not covered and says why', () => {
    const v = evaluateWarranty(base(), ac({ category: 'yacht' }));
    expect(v.covered).toBe(false);
    expect(v.components.parts.explanation['en-US']).toContain('yacht');
  });
});

describe('warranty start', () => {
  test('from the invoice purchase date', () => {
    expect(evaluateWarranty(base(), ac()).start).toMatchObject({ date: '2026-03-15', basis: 'purchase' });
  });

  test('without an invoice: production date plus the 3-month grace', () => {
    const v = evaluateWarranty(base(), ac({ invoice: false, productionDate: '2025-11-30', faultDate: '2027-02-28' }));
    expect(v.start).toMatchObject({ date: '2026-02-28', basis: 'production' });
    expect(v.components.labor.covered).toBe(true);
    expect(
      evaluateWarranty(base(), ac({ invoice: false, productionDate: '2025-11-30', faultDate: '2027-03-01' })).components
        .labor.covered,
    ).toBe(false);
  });

  test('without invoice or production date: nothing is covered', () => {
    const v = evaluateWarranty(base(), ac({ invoice: false }));
    expect(v.start).toBeNull();
    expect(v.covered).toBe(false);
    expect(v.components.parts.explanation['zh-CN']).toContain('无发票');
  });

  test('an exchanged unit starts a new warranty on the exchange date', () => {
    const v = evaluateWarranty(base(), ac({ exchangeDate: '2026-12-01', faultDate: '2027-11-30' }));
    expect(v.start).toMatchObject({ date: '2026-12-01', basis: 'exchange' });
    expect(v.components.labor).toMatchObject({ covered: true, until: '2027-12-01' });
  });

  test('days in repair extend every term', () => {
    const repairs = [{ date: '2026-08-01', daysInRepair: 10, faultCode: 'E1' }];
    const v = evaluateWarranty(base(), ac({ faultDate: '2027-03-25', repairs }));
    expect(v.start?.extensionDays).toBe(10);
    expect(v.components.labor).toMatchObject({ covered: true, until: '2027-03-25' });
    expect(evaluateWarranty(base(), ac({ faultDate: '2027-03-26', repairs })).components.labor.covered).toBe(false);
  });

  test('a paid (out-of-warranty) repair does not extend it', () => {
    const repairs = [{ date: '2027-08-01', daysInRepair: 10, paid: true }];
    const v = evaluateWarranty(base(), ac({ faultDate: '2029-03-20', parts: ['compressor'], repairs }));
    expect(v.start?.extensionDays).toBe(0);
    expect(v.components.parts).toMatchObject({ covered: false, until: '2029-03-15' });
  });
});

describe('exclusions', () => {
  test.each(['user-damage', 'natural-disaster', 'unauthorized-repair'] as const)('%s: nothing covered', (cause) => {
    const v = evaluateWarranty(base(), ac({ cause, faultDate: '2026-05-01' }));
    expect(v.covered).toBe(false);
    expect(v.components.parts.clause.path).toBe('warranty.exclusions');
    expect(v.notes[0]!.explanation['en-US']).toContain('excludes');
  });
});

describe('exchange after repeated failure of a serious fault, and after an overrun repair', () => {
  const serious = (date: string) => ({ date, faultCode: 'E5', serious: true, daysInRepair: 2 });

  test.each([
    [[serious('2026-05-01')], false],
    [[serious('2026-05-01'), serious('2026-06-01')], true],
    [[serious('2026-05-01'), { ...serious('2026-06-01'), faultCode: 'E7' }], false], // not the same fault
    [[serious('2026-05-01'), { ...serious('2026-06-01'), serious: false }], false], // not serious
  ])('repairs %j → exchange %s', (repairs, exchange) => {
    expect(kinds(ac({ faultDate: '2026-07-01', faultCode: 'E5', repairs })).includes('exchange')).toBe(exchange);
  });

  test('no unit of the same model: return instead of exchange', () => {
    const repairs = [serious('2026-05-01'), serious('2026-06-01')];
    expect(kinds(ac({ faultDate: '2026-07-01', faultCode: 'E5', repairs, sameModelAvailable: false }))).toEqual([
      'return',
      'repair',
    ]);
  });

  test('not once the warranty has ended', () => {
    const repairs = [serious('2027-01-01'), serious('2027-02-01')];
    expect(kinds(ac({ faultDate: '2029-04-01', faultCode: 'E5', repairs }))).toEqual(['repair']);
  });

  test.each([
    [30, false, false],
    [31, false, true], // the repairer's own delay: more than 30 days
    [90, true, false],
    [91, true, true], // waiting for the maker's parts: more than 90 days
  ])('%i days in repair (waiting for parts %s) → exchange %s', (daysInRepair, waitingForMakerParts, exchange) => {
    const repairs = [{ date: '2026-05-01', daysInRepair, waitingForMakerParts }];
    const v = evaluateWarranty(base(), ac({ faultDate: '2026-09-01', repairs }));
    expect(v.remedies.some((r) => r.kind === 'exchange')).toBe(exchange);
    if (exchange) expect(v.remedies[0]!.clause.path).toBe('returns.repairOverrun');
  });
});

describe('territory', () => {
  test('the baseline covers in China only', () => {
    const v = evaluateWarranty(base(), ac({ country: 'JP' }));
    expect(v.covered).toBe(false);
    expect(v.components.labor.clause.path).toBe('warranty.territory');
  });
});

describe('extended-warranty contracts', () => {
  test('cover what they list while they run', () => {
    const extendedWarranties = [
      { id: 'EW-1', from: '2027-03-16', to: '2029-03-15', covers: ['labor' as const, 'onSite' as const] },
    ];
    const v = evaluateWarranty(base(), ac({ faultDate: '2028-01-01', parts: ['compressor'], extendedWarranties }));
    expect(v.components.labor).toMatchObject({ covered: true, until: '2029-03-15', clause: { contract: 'EW-1' } });
    expect(v.components.parts.clause.path).toBe('warranty.categories.air-conditioner.mainParts.term');
    expect(v.components.transport.covered).toBe(false);
    const after = evaluateWarranty(base(), ac({ faultDate: '2029-03-16', extendedWarranties }));
    expect(after.covered).toBe(false);
  });

  test('do not cover an excluded cause', () => {
    const extendedWarranties = [{ id: 'EW-1', from: '2027-03-16', to: '2029-03-15' }];
    expect(
      evaluateWarranty(base(), ac({ faultDate: '2028-01-01', cause: 'user-damage', extendedWarranties })).covered,
    ).toBe(false);
  });
});
