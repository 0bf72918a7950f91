// Who gets an order first (section F), pure: the repository gathers the facts, this decides.
//
// 1. Eligible: outlets of the order's brand authorized for its category and service type, that have
//    not already refused (or let expire) an offer for this order, status 'active' — or, only when no
//    active outlet covers the address, 'probation' (a probation outlet works, but never ahead of an
//    active one; suspended and terminated outlets never get offers).
// 2. Pins first: a key account (customer) or tagged customers (institution:hospital …), optionally within
//    a division, go to the pinned outlet when it is active and authorized (coverage is not required:
//    the pin is the brand's decision). A customer pin beats a tag pin, a narrower division a wider one.
// 3. Coverage: the most specific covering level wins — an outlet covering the township beats one
//    covering the county, which beats the city and the province; only that level's outlets remain.
// 4. Order: outlets at or over capacity (open orders held ≥ capacity_per_day) last; then tier
//    (service_center, specialist, authorized); then load (open ÷ capacity) ascending; then KPI score
//    descending; then rotation (longest since the last offer first, never offered first); code as tie.

export const TIERS = ['service_center', 'specialist', 'authorized'] as const;
export type Tier = (typeof TIERS)[number];

export interface OutletFacts {
  id: string;
  code: string;
  name: string;
  tier: Tier;
  status: string;
  capacityPerDay: number;
  /** Open orders the outlet holds now (offered to it or owned, not yet resolved). */
  openOrders: number;
  kpiScore: number;
  lastOfferedAt: Date | null;
  /** Authorized for the order's brand, category and service type. */
  authorized: boolean;
  /** The divisions of the order's address (itself and its ancestors) this outlet covers, with level 1–4. */
  coverage: { code: string; level: number }[];
}

export interface PinFacts {
  outletId: string;
  kind: 'customer' | 'tag';
  /** The pin's division level (null: anywhere in the brand). */
  divisionLevel: number | null;
  createdAt: Date;
  label: string;
}

export interface RankInput {
  outlets: OutletFacts[];
  pins: PinFacts[];
  /** Outlets that refused or let expire an offer for this order. */
  excluded: ReadonlySet<string>;
}

export interface Ranked {
  rank: number;
  outlet: OutletFacts;
  pinned: boolean;
  coverageLevel: number | null;
  coverageCode: string | null;
  overCapacity: boolean;
  why: string[];
}

const tierIndex = (t: Tier) => TIERS.indexOf(t);
export const isOverCapacity = (o: Pick<OutletFacts, 'openOrders' | 'capacityPerDay'>) =>
  o.openOrders >= o.capacityPerDay;
const loadOf = (o: OutletFacts) => (o.capacityPerDay > 0 ? o.openOrders / o.capacityPerDay : Number.POSITIVE_INFINITY);
const bestCoverage = (o: OutletFacts) =>
  o.coverage.reduce<{ code: string; level: number } | null>((b, c) => (!b || c.level > b.level ? c : b), null);

/** Pins in the order they apply: customer before tag, narrower division first, older first. */
function pinOrder(a: PinFacts, b: PinFacts): number {
  if (a.kind !== b.kind) return a.kind === 'customer' ? -1 : 1;
  const la = a.divisionLevel ?? 0;
  const lb = b.divisionLevel ?? 0;
  if (la !== lb) return lb - la;
  return a.createdAt.getTime() - b.createdAt.getTime();
}

export function compareOutlets(a: OutletFacts, b: OutletFacts): number {
  const oa = isOverCapacity(a);
  const ob = isOverCapacity(b);
  if (oa !== ob) return oa ? 1 : -1;
  const t = tierIndex(a.tier) - tierIndex(b.tier);
  if (t !== 0) return t;
  const l = loadOf(a) - loadOf(b);
  if (l !== 0 && !Number.isNaN(l)) return l;
  if (a.kpiScore !== b.kpiScore) return b.kpiScore - a.kpiScore;
  const ra = a.lastOfferedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const rb = b.lastOfferedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.code.localeCompare(b.code);
}

function reasons(o: OutletFacts, extra: string[]): string[] {
  return [
    ...extra,
    `tier ${o.tier}`,
    `load ${o.openOrders}/${o.capacityPerDay}${isOverCapacity(o) ? ' (over capacity)' : ''}`,
    `kpi ${o.kpiScore}`,
    o.lastOfferedAt ? `last offered ${o.lastOfferedAt.toISOString()}` : 'never offered',
  ];
}

export function rankCandidates(input: RankInput): Ranked[] {
  const eligible = input.outlets.filter(
    (o) => o.authorized && !input.excluded.has(o.id) && (o.status === 'active' || o.status === 'probation'),
  );
  const byId = new Map(eligible.map((o) => [o.id, o]));

  const pinned: Ranked[] = [];
  for (const pin of [...input.pins].sort(pinOrder)) {
    const o = byId.get(pin.outletId);
    if (!o) continue;
    if (o.status !== 'active' || pinned.some((p) => p.outlet.id === o.id)) continue;
    const cov = bestCoverage(o);
    pinned.push({
      rank: 0,
      outlet: o,
      pinned: true,
      coverageLevel: cov?.level ?? null,
      coverageCode: cov?.code ?? null,
      overCapacity: isOverCapacity(o),
      why: reasons(o, [`pinned (${pin.label})`]),
    });
  }

  const covering = eligible.filter((o) => o.coverage.length > 0 && !pinned.some((p) => p.outlet.id === o.id));
  const active = covering.filter((o) => o.status === 'active');
  const pool = active.length > 0 ? active : covering.filter((o) => o.status === 'probation');
  const level = Math.max(0, ...pool.map((o) => bestCoverage(o)!.level));
  const ranked = pool
    .filter((o) => bestCoverage(o)!.level === level)
    .sort(compareOutlets)
    .map((o): Ranked => {
      const cov = bestCoverage(o)!;
      const extra = [`covers ${cov.code} (level ${cov.level})`];
      if (o.status === 'probation') extra.push('on probation: no active outlet covers the address');
      return {
        rank: 0,
        outlet: o,
        pinned: false,
        coverageLevel: cov.level,
        coverageCode: cov.code,
        overCapacity: isOverCapacity(o),
        why: reasons(o, extra),
      };
    });
  return [...pinned, ...ranked].map((r, i) => ({ ...r, rank: i + 1 }));
}

/** The order's service type is its request type (the same list; call-center types have no outlets). */
export const serviceTypeOf = (orderType: string) => orderType;

/** The division codes that hold `code`: itself, its county, city and province (GB/T 2260 prefixes). */
export function divisionAncestors(code: string): string[] {
  const county = code.slice(0, 6);
  const list = [code, county, `${county.slice(0, 4)}00`, `${county.slice(0, 2)}0000`];
  return [...new Set(list)];
}
