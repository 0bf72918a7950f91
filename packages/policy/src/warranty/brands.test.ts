// Brand terms from the seeds, each evaluated through the shipped pack resolved over cn-baseline.
import { describe, expect, test } from 'vitest';
import { shipped } from '../../test/packs.ts';
import type { WarrantyFactsInput } from '../facts.ts';
import { evaluateWarranty } from './evaluate.ts';

const facts = (over: Partial<WarrantyFactsInput> & { category: string }): WarrantyFactsInput => ({
  purchaseDate: '2026-03-15',
  invoice: true,
  faultDate: '2026-04-01',
  ...over,
});

describe('AUX (seeds/002)', () => {
  const aux = (over: Partial<WarrantyFactsInput>) =>
    evaluateWarranty(shipped('aux'), facts({ category: 'air-conditioner', ...over }));

  test.each([
    ['2032-03-15', ['remote-control'], true], // last day of the 6 years, an ordinary part included
    ['2032-03-16', ['remote-control'], false],
    ['2032-03-15', ['compressor'], true],
    ['2032-03-16', ['compressor'], false],
  ])('whole unit 6 years: fault %s parts %o → every cost covered %s', (faultDate, parts, covered) => {
    const v = aux({ faultDate, parts });
    for (const k of ['labor', 'parts', 'onSite', 'transport'] as const) expect(v.components[k].covered).toBe(covered);
  });

  test.each([
    ['2032-03-15T15:59:59Z', true], // 23:59:59 on the last day in Shanghai
    ['2032-03-15T16:00:00Z', false], // 00:00 the day after
  ])('the 6 years end at 24:00 Shanghai time: fault at %s → covered %s', (faultDate, covered) => {
    expect(aux({ faultDate, parts: ['compressor'] }).components.parts.covered).toBe(covered);
  });

  test.each([
    ['2026-03-22', ['return', 'exchange', 'repair']],
    ['2026-03-23', ['exchange', 'repair']],
    ['2026-03-30', ['exchange', 'repair']],
    ['2026-03-31', ['repair']],
  ])('7/15 days: fault on %s → %o', (faultDate, expected) => {
    expect(aux({ faultDate }).remedies.map((r) => r.kind)).toEqual(expected);
  });

  test('cites the AUX pack for the 6 years and the baseline for the 7-day return', () => {
    const v = aux({ faultDate: '2026-03-20', parts: ['thermostat'] });
    expect(v.components.parts.clause.pack).toEqual({ id: 'aux', version: 2 });
    expect(v.components.parts.until).toBe('2032-03-15');
    expect(v.remedies.map((r) => r.kind)).toEqual(['return', 'exchange', 'repair']);
    expect(v.remedies[0]!.clause.pack.id).toBe('aux');
    expect(v.chain.map((c) => c.id)).toEqual(['cn-baseline', 'aux']);
  });

  test('waiting more than 15 days for parts gives exchange or return', () => {
    const wait = (daysInRepair: number) =>
      aux({ faultDate: '2027-09-01', repairs: [{ date: '2027-08-01', daysInRepair, waitingForMakerParts: true }] });
    expect(wait(15).remedies.map((r) => r.kind)).toEqual(['repair']);
    expect(wait(16).remedies.map((r) => r.kind)).toEqual(['return', 'exchange', 'repair']);
    expect(wait(16).remedies[0]!.clause).toMatchObject({ pack: { id: 'aux' }, path: 'returns.repairOverrun' });
  });

  test('free yearly check-up for 10 years: one per year, counted per year', () => {
    const checkup = (faultDate: string, usage: string[] = []) =>
      aux({ faultDate, entitlementUsage: usage.map((date) => ({ id: 'aux-yearly-checkup', date })) }).entitlements.find(
        (e) => e.id === 'aux-yearly-checkup',
      )!;
    expect(checkup('2026-03-20')).toMatchObject({ available: true, remaining: 1, until: '2027-03-15' });
    expect(checkup('2026-03-20', ['2026-03-18'])).toMatchObject({ available: false, used: 1 });
    expect(checkup('2027-03-16', ['2026-03-18'])).toMatchObject({ available: true, until: '2028-03-15' });
    expect(checkup('2036-03-15', [])).toMatchObject({ available: true, until: '2036-03-15' });
    expect(checkup('2036-03-16', [])).toMatchObject({ available: false, until: '2036-03-15' });
  });
});

describe('Fujitsu "3+3" (seeds/004)', () => {
  const fj = (over: Partial<WarrantyFactsInput>) =>
    evaluateWarranty(shipped('fujitsu'), facts({ category: 'pc', ...over }));

  test.each([
    ['mainboard', '2029-03-15', true],
    ['mainboard', '2029-03-16', false],
    ['ac-adapter', '2028-03-15', true],
    ['ac-adapter', '2028-03-16', false],
    ['wireless-card', '2029-03-15', true],
    ['dvd-drive', '2029-03-15', true],
    ['internal-cable', '2029-03-16', false],
  ])('%s on %s → parts covered %s', (part, faultDate, covered) => {
    expect(fj({ faultDate, parts: [part] }).components.parts.covered).toBe(covered);
  });

  test('labor 3 years for a covered part (the baseline gives 1)', () => {
    const v = fj({ faultDate: '2028-12-01', parts: ['hard-disk'] });
    expect(v.components.labor).toMatchObject({
      covered: true,
      until: '2029-03-15',
      clause: { pack: { id: 'fujitsu' } },
    });
    expect(fj({ faultDate: '2028-12-01', parts: ['ac-adapter'] }).components.labor.covered).toBe(false);
  });

  test('first year worldwide, China only after it', () => {
    const abroad = (faultDate: string) => fj({ faultDate, parts: ['mainboard'], country: 'DE' });
    expect(abroad('2027-03-15').components.parts).toMatchObject({ covered: true, until: '2027-03-15' });
    const late = abroad('2027-03-16');
    expect(late.covered).toBe(false);
    expect(late.components.parts.clause).toMatchObject({ pack: { id: 'fujitsu' }, path: 'warranty.territory' });
    expect(fj({ faultDate: '2027-03-16', parts: ['mainboard'], country: 'CN' }).components.parts.covered).toBe(true);
  });
});

describe('Gome (seeds/000)', () => {
  const gome = (over: Partial<WarrantyFactsInput> & { category?: string }) =>
    evaluateWarranty(shipped('gome'), facts({ category: 'refrigerator', ...over }));

  test.each([
    ['2026-03-30', ['exchange', 'repair']], // day 15: 三包
    ['2026-04-15', ['exchange', 'repair']], // one month: Gome's unconditional exchange
    ['2026-04-16', ['repair']],
  ])('functional fault on %s → %o', (faultDate, expected) => {
    expect(gome({ faultDate }).remedies.map((r) => r.kind)).toEqual(expected);
  });

  test('the one-month exchange cites Gome', () => {
    const v = gome({ faultDate: '2026-04-10' });
    expect(v.remedies[0]!.clause).toMatchObject({ pack: { id: 'gome' }, path: 'returns.unconditionalExchangeWithin' });
    expect(v.remedies[0]!.explanation['zh-CN']).toContain('功能性故障');
  });

  test('PC main parts 3 years (the baseline gives 2)', () => {
    const pc = (faultDate: string) => gome({ category: 'pc', faultDate, parts: ['hard-disk'] });
    expect(pc('2029-03-15').components.parts.covered).toBe(true);
    expect(pc('2029-03-16').components.parts.covered).toBe(false);
  });

  test('air conditioners: refrigerant, maintenance and relocation once each in year one', () => {
    const v = gome({
      category: 'air-conditioner',
      faultDate: '2026-08-01',
      entitlementUsage: [{ id: 'gome-ac-relocation', date: '2026-06-01' }],
    });
    const by = Object.fromEntries(v.entitlements.map((e) => [e.id, e]));
    expect(by['gome-ac-refrigerant']).toMatchObject({ available: true, remaining: 1, until: '2027-03-15' });
    expect(by['gome-ac-maintenance']).toMatchObject({ available: true });
    expect(by['gome-ac-relocation']).toMatchObject({ available: false, used: 1 });
    expect(by['gome-pc-maintenance']).toBeUndefined();
    const later = gome({ category: 'air-conditioner', faultDate: '2027-03-16' });
    expect(later.entitlements.find((e) => e.id === 'gome-ac-refrigerant')!.available).toBe(false);
  });

  test('free delivery only within 80 km', () => {
    const delivery = (distanceKm?: number) =>
      gome({ faultDate: '2026-03-16', ...(distanceKm === undefined ? {} : { distanceKm }) }).entitlements.find(
        (e) => e.id === 'gome-free-delivery',
      )!;
    expect(delivery(80).available).toBe(true);
    expect(delivery(81).available).toBe(false);
    expect(delivery().available).toBe(false);
  });
});

describe('Midea (seeds/001)', () => {
  const midea = (over: Partial<WarrantyFactsInput> & { category?: string }) =>
    evaluateWarranty(shipped('midea'), facts({ category: 'washer', ...over }));

  test.each([
    ['2026-02-28', false],
    ['2026-03-01', true],
    ['2026-05-03', true],
    ['2026-05-04', false],
  ])('washer bought %s: 3-year promotion %s', (purchaseDate, promo) => {
    const v = midea({ purchaseDate, faultDate: '2028-02-01', parts: ['drain-pump'] });
    expect(v.components.parts.covered).toBe(promo);
    expect(v.components.labor.covered).toBe(promo);
    if (promo) expect(v.notes[0]!.clause).toMatchObject({ pack: { id: 'midea' }, path: 'warranty.promotions.0' });
  });

  test('the promotion ends on the last day of the third year, and skips the rural-subsidy channel', () => {
    expect(midea({ faultDate: '2029-03-15' }).components.labor.covered).toBe(true);
    expect(midea({ faultDate: '2029-03-16' }).components.labor.covered).toBe(false);
    expect(midea({ faultDate: '2028-01-01', channel: 'rural-subsidy' }).components.labor.covered).toBe(false);
    expect(midea({ category: 'refrigerator', faultDate: '2028-01-01' }).components.labor.covered).toBe(false);
  });

  const paid = (date: string, faultCode = 'E21') => ({ date, faultCode, paid: true });

  test.each([
    ['refrigerator', '2031-06-01', true], // 12 months
    ['refrigerator', '2031-06-02', false],
    ['washer', '2032-06-01', true], // 24 months for washers
    ['washer', '2032-06-02', false],
  ])('post-repair: %s, same fault on %s after the paid repair of 2030-06-01 → free %s', (category, faultDate, free) => {
    const v = midea({
      category,
      purchaseDate: '2024-01-10',
      faultDate,
      faultCode: 'E21',
      repairs: [paid('2030-06-01')],
    });
    expect(v.components.labor.covered).toBe(free);
    expect(v.components.parts.covered).toBe(free);
    if (free) expect(v.components.labor.clause.pack.id).toBe('midea');
  });

  test('post-repair: not for another fault, an unpaid repair, or user damage', () => {
    const base = { category: 'refrigerator', purchaseDate: '2024-01-10', faultDate: '2030-12-01', faultCode: 'E21' };
    expect(midea({ ...base, repairs: [paid('2030-06-01', 'E99')] }).covered).toBe(false);
    expect(midea({ ...base, repairs: [{ ...paid('2030-06-01'), paid: false }] }).covered).toBe(false);
    expect(midea({ ...base, cause: 'natural-disaster', repairs: [paid('2030-06-01')] }).covered).toBe(false);
    expect(midea({ ...base, repairs: [paid('2030-06-01')] }).covered).toBe(true);
  });
});

describe('Orlusa (seeds/003)', () => {
  test('sanitary ware: one year whole unit from the baseline rules', () => {
    const o = (faultDate: string) =>
      evaluateWarranty(shipped('orlusa'), facts({ category: 'sanitary-ware', faultDate, parts: ['valve-cartridge'] }));
    expect(o('2027-03-15').components.labor.covered).toBe(true);
    expect(o('2027-03-16').covered).toBe(false);
    expect(o('2026-03-20').remedies.map((r) => r.kind)).toEqual(['return', 'exchange', 'repair']);
  });
});

describe('service costs without a part', () => {
  test('Fujitsu: labor 3 years for a fault fixed without parts; the baseline 1 year', () => {
    const f = { category: 'pc', purchaseDate: '2026-03-15', invoice: true, faultDate: '2028-06-01' };
    expect(evaluateWarranty(shipped('fujitsu'), f).components.labor).toMatchObject({
      covered: true,
      until: '2029-03-15',
    });
    expect(evaluateWarranty(shipped('cn-baseline'), f).components.labor.covered).toBe(false);
  });
});
