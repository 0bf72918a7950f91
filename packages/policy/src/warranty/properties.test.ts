// Properties of the warranty engine over random facts (fast-check).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { shipped } from '../../test/packs.ts';
import { addDays } from '../dates.ts';
import type { WarrantyFactsInput } from '../facts.ts';
import type { ResolvedPack } from '../resolve.ts';
import { COMPONENTS, type TermSpec } from '../schema.ts';
import { evaluateWarranty } from './evaluate.ts';

const PACKS = ['cn-baseline', 'aux', 'fujitsu', 'gome', 'midea', 'orlusa', 'qixi'];
const CATEGORIES = ['air-conditioner', 'washer', 'refrigerator', 'pc', 'sanitary-ware'];
const PARTS = [
  'compressor',
  'fan-motor',
  'motor',
  'mainboard',
  'ac-adapter',
  'hard-disk',
  'remote-control',
  'valve-cartridge',
];

const date = fc.integer({ min: 19_000, max: 21_000 }).map((n) => addDays('1970-01-01', n));

/** Facts whose repairs all happen within `repairWindow` days after purchase. */
const factsArb = (repairWindow: number) =>
  fc.record({
    category: fc.constantFrom(...CATEGORIES),
    purchaseDate: date,
    invoice: fc.boolean(),
    productionDate: date,
    channel: fc.constantFrom(undefined, 'rural-subsidy'),
    faultOffset: fc.integer({ min: 0, max: 4000 }),
    country: fc.constantFrom('CN', 'CN', 'DE'),
    parts: fc.subarray(PARTS, { maxLength: 2 }),
    faultCode: fc.constantFrom('E1', 'E2'),
    cause: fc.constantFrom('quality', 'quality', 'user-damage'),
    performanceFault: fc.boolean(),
    sameModelAvailable: fc.boolean(),
    repairs: fc.array(
      fc.record({
        offset: fc.integer({ min: 0, max: repairWindow }),
        faultCode: fc.constantFrom('E1', 'E2'),
        paid: fc.boolean(),
        serious: fc.boolean(),
        daysInRepair: fc.integer({ min: 0, max: 120 }),
        waitingForMakerParts: fc.boolean(),
      }),
      { maxLength: 3 },
    ),
  });

type Arb = ReturnType<typeof factsArb> extends fc.Arbitrary<infer T> ? T : never;

function toFacts(a: Arb, faultOffset = a.faultOffset): WarrantyFactsInput {
  return {
    category: a.category,
    purchaseDate: a.purchaseDate,
    invoice: a.invoice,
    productionDate: a.productionDate,
    ...(a.channel ? { channel: a.channel } : {}),
    faultDate: addDays(a.purchaseDate, faultOffset),
    country: a.country,
    parts: a.parts,
    faultCode: a.faultCode,
    cause: a.cause as WarrantyFactsInput['cause'],
    performanceFault: a.performanceFault,
    sameModelAvailable: a.sameModelAvailable,
    repairs: a.repairs.map(({ offset, ...r }) => ({ ...r, date: addDays(a.purchaseDate, offset) })),
  };
}

function covered(pack: ResolvedPack, facts: WarrantyFactsInput) {
  const v = evaluateWarranty(pack, facts);
  return { components: COMPONENTS.filter((k) => v.components[k].covered), remedies: v.remedies.map((r) => r.kind) };
}

/** The pack with every term of every category lengthened by `extra` years. */
function lengthened(pack: ResolvedPack, extra: number): ResolvedPack {
  const longer = (t?: TermSpec): TermSpec | undefined =>
    t && {
      years: (t.years ?? 0) + extra,
      ...(t.months ? { months: t.months } : {}),
      ...(t.days ? { days: t.days } : {}),
    };
  const categories = Object.fromEntries(
    Object.entries(pack.warranty?.categories ?? {}).map(([id, c]) => [
      id,
      {
        ...c,
        wholeUnit: longer(c.wholeUnit),
        labor: longer(c.labor),
        onSite: longer(c.onSite),
        transport: longer(c.transport),
        mainParts: c.mainParts && { ...c.mainParts, term: longer(c.mainParts.term) },
        parts: c.parts && Object.fromEntries(Object.entries(c.parts).map(([p, t]) => [p, longer(t)!])),
      },
    ]),
  );
  return { ...pack, warranty: { ...pack.warranty, categories } } as ResolvedPack;
}

describe('warranty properties', () => {
  test('a longer term never covers less', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PACKS), factsArb(4000), fc.integer({ min: 1, max: 5 }), (id, a, extra) => {
        const pack = shipped(id);
        const facts = toFacts(a);
        const short = covered(pack, facts);
        const long = covered(lengthened(pack, extra), facts);
        for (const k of short.components) expect(long.components).toContain(k);
        for (const r of short.remedies) expect(long.remedies).toContain(r);
      }),
      { numRuns: 300 },
    );
  });

  test('a later fault date never gains cover (repairs before both dates)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PACKS),
        factsArb(0),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 1500 }),
        (id, a, early, gap) => {
          const pack = shipped(id);
          const before = covered(pack, toFacts(a, early));
          const after = covered(pack, toFacts(a, early + gap));
          for (const k of after.components) expect(before.components).toContain(k);
          for (const r of after.remedies) expect(before.remedies).toContain(r);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('every verdict names its pack, and every component a clause and both languages', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PACKS), factsArb(4000), (id, a) => {
        const v = evaluateWarranty(shipped(id), toFacts(a));
        expect(v.pack).toEqual({ id, version: shipped(id).version });
        for (const k of COMPONENTS) {
          expect(v.components[k].clause.path.length).toBeGreaterThan(0);
          expect(v.components[k].explanation['zh-CN'].length).toBeGreaterThan(0);
          expect(v.components[k].explanation['en-US'].length).toBeGreaterThan(0);
        }
        expect(v.remedies.some((r) => r.kind === 'repair')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
