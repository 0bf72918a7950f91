// Every shipped pack in policies/ parses, resolves over its base and states its seed's promises.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { POLICIES_DIR, packFiles, readPack, shipped } from '../test/packs.ts';
import { addTermCivil } from './dates.ts';
import { loadPackSet } from './load.ts';

describe('shipped packs', () => {
  test('the seven packs are there', () => {
    expect(packFiles()).toEqual([
      'aux.yaml',
      'cn-baseline.yaml',
      'fujitsu.yaml',
      'gome.yaml',
      'midea.yaml',
      'orlusa.yaml',
      'qixi.yaml',
    ]);
  });

  test('the policies/ folder loads as one set without errors, every brand pack over cn-baseline', () => {
    const set = loadPackSet(
      packFiles().map((fileName) => ({ fileName, text: readFileSync(join(POLICIES_DIR, fileName), 'utf8') })),
    );
    expect(set.errors).toEqual([]);
    expect(set.packs.map((p) => `${p.id}@${p.version}`).sort()).toEqual([
      'aux@2',
      'cn-baseline@1',
      'fujitsu@1',
      'gome@2',
      'midea@2',
      'orlusa@2',
      'qixi@1',
    ]);
    for (const p of set.packs) if (p.id !== 'cn-baseline') expect(p.resolved.chain[0]!.id).toBe('cn-baseline');
  });

  test.each(packFiles())('%s parses, is named after its id and resolves', (file) => {
    const pack = readPack(file);
    expect(`${pack.id}.yaml`).toBe(file);
    expect(pack.name['zh-CN']).not.toBe('');
    if (pack.id !== 'cn-baseline') expect(pack.extends).toBe('cn-baseline');
    const resolved = shipped(pack.id);
    for (const [cat, terms] of Object.entries(resolved.warranty?.categories ?? {}))
      expect(terms.wholeUnit, cat).toBeDefined();
  });

  test('cn-baseline: whole unit 1 year, main parts 3 years (PCs 2), 7/15 days, two repairs, 30/90 days', () => {
    const b = shipped('cn-baseline');
    for (const cat of ['air-conditioner', 'refrigerator', 'washer', 'water-heater', 'tv']) {
      expect(b.warranty?.categories?.[cat]?.wholeUnit).toMatchObject({ years: 1 });
      expect(b.warranty?.categories?.[cat]?.mainParts?.term).toMatchObject({ years: 3 });
    }
    expect(b.warranty?.categories?.['air-conditioner']?.mainParts?.ids).toContain('compressor');
    expect(b.warranty?.categories?.pc?.mainParts?.term).toMatchObject({ years: 2 });
    expect(b.returns).toMatchObject({
      returnWithin: { days: 7 },
      exchangeWithin: { days: 15 },
      repeatedFailure: { repairs: 2 },
      repairOverrun: { ownDelayDays: 30, partsWaitDays: 90 },
    });
    expect(b.warranty?.exclusions?.causes).toEqual(['user-damage', 'natural-disaster', 'unauthorized-repair']);
    expect(b.warranty?.repairExtends?.enabled).toBe(true);
    expect(b.warranty?.exchangeRestarts?.enabled).toBe(true);
  });

  test('AUX: whole unit 6 years, every cost, 15-day parts wait, 10 yearly check-ups', () => {
    const ac = shipped('aux').warranty?.categories?.['air-conditioner'];
    for (const k of ['wholeUnit', 'labor', 'onSite', 'transport'] as const) expect(ac?.[k]).toMatchObject({ years: 6 });
    expect(ac?.mainParts?.ids).toEqual(['compressor', 'fan-motor', 'thermostat']);
    expect(shipped('aux').returns?.repairOverrun).toMatchObject({
      partsWaitDays: 15,
      remedies: ['exchange', 'return'],
    });
    expect(shipped('aux').entitlements?.find((e) => e.id === 'aux-yearly-checkup')).toMatchObject({
      count: 1,
      every: { years: 1 },
      within: { years: 10 },
    });
  });

  test('Fujitsu: 3+3, adapter 2 years, internal parts 3 years, first year worldwide', () => {
    const f = shipped('fujitsu');
    const pc = f.warranty?.categories?.pc;
    expect(pc?.mainParts?.term).toMatchObject({ years: 3 });
    expect(pc?.labor).toMatchObject({ years: 3 });
    expect(pc?.parts?.['ac-adapter']).toMatchObject({ years: 2 });
    for (const p of ['dvd-drive', 'wireless-card', 'touchpad', 'bluetooth', 'inverter', 'internal-cable'])
      expect(pc?.parts?.[p], p).toMatchObject({ years: 3 });
    expect(f.warranty?.territory?.abroad).toMatchObject({ years: 1 });
  });

  test('Gome: one-month exchange, three retail brands, free AC services in year one', () => {
    const g = shipped('gome');
    expect(g.returns?.unconditionalExchangeWithin).toMatchObject({ months: 1 });
    expect(g.retailBrands?.map((b) => b.hotline)).toEqual(['4008-11-3333', '4008-11-3336', '4008-11-3339']);
    const ac = g.entitlements?.filter((e) => e.categories?.includes('air-conditioner')).map((e) => e.service);
    expect(ac).toEqual(['refrigerant-top-up', 'maintenance', 'relocation']);
    expect(g.entitlements?.find((e) => e.service === 'delivery')?.maxDistanceKm).toBe(80);
  });

  test('Midea: washer promotion 1 March – 3 May for 3 years; post-repair 12 months, washers 24', () => {
    const m = shipped('midea');
    const promo = m.warranty?.promotions?.[0];
    expect(promo).toMatchObject({
      categories: ['washer'],
      wholeUnit: { years: 3 },
      excludeChannels: ['rural-subsidy'],
    });
    expect(promo?.purchased.from.slice(5)).toBe('03-01');
    expect(promo?.purchased.to.slice(5)).toBe('05-03');
    expect(m.warranty?.postRepair?.term).toMatchObject({ months: 12 });
    expect(m.warranty?.categories?.washer?.postRepair).toMatchObject({ months: 24 });
    expect(addTermCivil('2026-03-01', m.warranty!.categories!.washer!.postRepair!)).toBe('2028-03-01');
  });

  test('Orlusa: a sanitary-ware category on the baseline rules', () => {
    expect(shipped('orlusa').warranty?.categories?.['sanitary-ware']?.wholeUnit).toMatchObject({ years: 1 });
    expect(shipped('orlusa').returns?.returnWithin).toMatchObject({ days: 7 });
  });
});
