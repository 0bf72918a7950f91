// Every category the demo brands sell has warranty terms in the brand's pack, so no demo product
// gets a verdict of "no terms for this category".
import { decodeProductionDate, evaluateWarranty } from '@aftercare/policy';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/env.ts';
import { choosePack, packCategory } from '../warranty/index.ts';
import { loadPolicies } from '../warranty/warranty.packs.ts';
import { BRANDS } from './catalog.ts';
import { SERIAL_PREFIX } from './customers-demo.data.ts';
import { productionRecord } from './customers-demo.products.ts';

const policies = loadPolicies(loadConfig({}).policiesDir);

describe('demo categories and the shipped packs', () => {
  const cases = BRANDS.flatMap((b) => b.categories.map((c) => [b.code, b.policyPack, c.code] as const));

  it.each(cases)('%s %s: %s has terms and a verdict that covers a fault in month one', (_brand, packId, code) => {
    const pack = choosePack(policies, packId, '2026-06-01')!.pack;
    const category = packCategory(code);
    expect(pack.warranty?.categories?.[category]?.wholeUnit).toBeDefined();
    const verdict = evaluateWarranty(pack, {
      category,
      purchaseDate: '2026-06-01',
      invoice: true,
      faultDate: '2026-06-20',
    });
    expect(verdict.components.parts.clause.path).toBe(`warranty.categories.${category}.wholeUnit`);
    expect(verdict.covered).toBe(true);
  });

  it('AUX heat-pump water heaters carry the national terms: whole unit 1 year, compressor 3 years', () => {
    const pack = choosePack(policies, 'aux', '2026-06-01')!.pack;
    const base = { category: 'heat-pump-water-heater', purchaseDate: '2026-06-01', invoice: true };
    const late = evaluateWarranty(pack, { ...base, faultDate: '2027-07-01', parts: ['compressor'] });
    expect(late.components.parts).toMatchObject({ covered: true, until: '2029-06-01' });
    expect(late.components.labor.covered).toBe(false);
    const whole = evaluateWarranty(pack, { ...base, faultDate: '2027-07-01' });
    expect(whole.covered).toBe(false);
  });
});

describe('demo serials and the packs’ serial rules', () => {
  it.each(BRANDS.map((b) => [b.code, b.policyPack, b.categories[0]!.code] as const))(
    '%s: a demo product without an invoice carries the date its pack reads from the serial',
    (brand, packId, code) => {
      const serial = `${SERIAL_PREFIX[brand]}2503123000045`;
      const record = productionRecord(brand, serial, '2025-03-17', false);
      const pack = choosePack(policies, packId, '2026-06-01')!.pack;
      const decoded = decodeProductionDate(pack, { category: packCategory(code), serial });
      expect(record).toEqual({
        production_date: decoded.date,
        production_date_source: 'serial',
        production_date_rule: decoded.date ? decoded.rule : 'none',
      });
      expect(productionRecord(brand, serial, '2025-03-17', true)).toEqual({
        production_date: '2025-03-17',
        production_date_source: 'given',
        production_date_rule: null,
      });
    },
  );
});
