import { describe, expect, it } from 'vitest';
import { divisionAncestors, type OutletFacts, type PinFacts, rankCandidates } from './dispatch.rank.ts';

const T4 = { code: '310115004', level: 4 };
const C3 = { code: '310115', level: 3 };
const P1 = { code: '310000', level: 1 };

function outlet(code: string, over: Partial<OutletFacts> = {}): OutletFacts {
  return {
    id: code,
    code,
    name: code,
    tier: 'service_center',
    status: 'active',
    capacityPerDay: 10,
    openOrders: 0,
    kpiScore: 80,
    lastOfferedAt: null,
    authorized: true,
    coverage: [C3],
    ...over,
  };
}

const pin = (outletId: string, over: Partial<PinFacts> = {}): PinFacts => ({
  outletId,
  kind: 'customer',
  divisionLevel: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  label: 'key account',
  ...over,
});

const order = (outlets: OutletFacts[], pins: PinFacts[] = [], excluded: string[] = []) =>
  rankCandidates({ outlets, pins, excluded: new Set(excluded) }).map((r) => r.outlet.code);

describe('rankCandidates', () => {
  const cases: [string, OutletFacts[], PinFacts[], string[], string[]][] = [
    [
      'the most specific covering level wins; wider levels drop out',
      [outlet('prov', { coverage: [P1] }), outlet('town', { coverage: [T4], tier: 'authorized' }), outlet('county')],
      [],
      [],
      ['town'],
    ],
    [
      'county beats province',
      [outlet('prov', { coverage: [P1] }), outlet('county', { tier: 'authorized' })],
      [],
      [],
      ['county'],
    ],
    [
      'an outlet covering several levels counts at its most specific',
      [outlet('both', { coverage: [P1, T4] }), outlet('county')],
      [],
      [],
      ['both'],
    ],
    [
      'tier: service center, specialist, authorized',
      [outlet('a', { tier: 'authorized' }), outlet('s', { tier: 'specialist' }), outlet('c')],
      [],
      [],
      ['c', 's', 'a'],
    ],
    [
      'load against capacity within a tier',
      [
        outlet('busy', { openOrders: 5 }),
        outlet('idle', { openOrders: 1 }),
        outlet('big', { openOrders: 10, capacityPerDay: 50 }),
      ],
      [],
      [],
      ['idle', 'big', 'busy'],
    ],
    [
      'over capacity goes last, even of a higher tier',
      [outlet('full', { openOrders: 10 }), outlet('zero', { capacityPerDay: 0 }), outlet('a', { tier: 'authorized' })],
      [],
      [],
      ['a', 'full', 'zero'],
    ],
    [
      'KPI score breaks equal load',
      [outlet('low', { kpiScore: 60 }), outlet('high', { kpiScore: 95 })],
      [],
      [],
      ['high', 'low'],
    ],
    [
      'rotation: never offered, then the longest since the last offer',
      [
        outlet('recent', { lastOfferedAt: new Date('2026-03-15T01:00:00Z') }),
        outlet('older', { lastOfferedAt: new Date('2026-03-14T01:00:00Z') }),
        outlet('never'),
      ],
      [],
      [],
      ['never', 'older', 'recent'],
    ],
    [
      'refused or expired outlets, unauthorized and suspended ones are left out',
      [
        outlet('refused'),
        outlet('noauth', { authorized: false }),
        outlet('susp', { status: 'suspended' }),
        outlet('term', { status: 'terminated' }),
        outlet('ok', { tier: 'authorized' }),
      ],
      [],
      ['refused'],
      ['ok'],
    ],
    [
      'probation only when no active outlet covers the address',
      [outlet('prob', { status: 'probation', coverage: [T4] }), outlet('act', { tier: 'authorized' })],
      [],
      [],
      ['act'],
    ],
    [
      'probation as the fallback',
      [outlet('prob', { status: 'probation' }), outlet('gone', { status: 'suspended' })],
      [],
      [],
      ['prob'],
    ],
    [
      'a pinned outlet goes first, without coverage, ahead of a better tier',
      [outlet('c'), outlet('pinned', { tier: 'authorized', coverage: [] })],
      [pin('pinned')],
      [],
      ['pinned', 'c'],
    ],
    [
      'a pin to an inactive, probation, unauthorized or refused outlet is ignored',
      [
        outlet('c'),
        outlet('p1', { status: 'suspended' }),
        outlet('p2', { status: 'probation' }),
        outlet('p3', { authorized: false }),
        outlet('p4'),
      ],
      [pin('p1'), pin('p2'), pin('p3'), pin('p4')],
      ['p4'],
      ['c'],
    ],
    [
      'a customer pin beats a tag pin, a narrower division a wider one',
      [outlet('tag', { coverage: [] }), outlet('cust', { coverage: [] }), outlet('narrow', { coverage: [] })],
      [
        pin('tag', { kind: 'tag' }),
        pin('narrow', { kind: 'tag', divisionLevel: 3 }),
        pin('cust', { createdAt: new Date('2026-02-01T00:00:00Z') }),
      ],
      [],
      ['cust', 'narrow', 'tag'],
    ],
    ['nobody covers the address', [outlet('x', { coverage: [] })], [], [], []],
  ];
  for (const [name, outlets, pins, excluded, want] of cases) {
    it(name, () => expect(order(outlets, pins, excluded)).toEqual(want));
  }

  it('numbers the ranks and says why', () => {
    const r = rankCandidates({
      outlets: [outlet('a', { openOrders: 10 }), outlet('b', { status: 'probation' })],
      pins: [],
      excluded: new Set(),
    });
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({
      rank: 1,
      pinned: false,
      coverageLevel: 3,
      coverageCode: '310115',
      overCapacity: true,
    });
    expect(r[0]!.why).toEqual([
      'covers 310115 (level 3)',
      'tier service_center',
      'load 10/10 (over capacity)',
      'kpi 80',
      'never offered',
    ]);
  });

  it('lists the divisions that hold an address', () => {
    expect(divisionAncestors('310115004')).toEqual(['310115004', '310115', '310100', '310000']);
    expect(divisionAncestors('440106')).toEqual(['440106', '440100', '440000']);
    expect(divisionAncestors('440000')).toEqual(['440000']);
  });
});
