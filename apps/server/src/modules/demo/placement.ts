import { KIND_BRAND_SETS, type OutletKind, PROVINCES, type Province } from './catalog.ts';
import type { City, County, DivisionIndex } from './divisions.ts';
import type { Rng } from './random.ts';

export type Tier = 'service_center' | 'specialist' | 'authorized';

/** Where an outlet sits in the network, decided before any row is built. */
export interface OutletSeed {
  tier: Tier;
  kind: OutletKind;
  province: Province;
  county: County;
  /** Index of the service center above it in the tower; null for the core operators. */
  parent: number | null;
  brandCodes: string[];
  /** County-level coverage: its own county plus neighbours. */
  coverageCounties: string[];
  /** A neighbouring county some of whose townships it also covers (authorized points). */
  townCoverageFrom: string | null;
  inCapital: boolean;
  /** The outlet the outlet.manager and technician demo logins work at. */
  hero: boolean;
}

/** The demo outlet: the first service center in Zhejiang (AUX's home province), serving three brands. */
const HERO_PROVINCE = '330000';
const HERO_BRANDS = ['AUX', 'MIDEA', 'GOME'];

function subset(rng: Rng, items: string[], keep: number): string[] {
  const kept = items.filter(() => rng.chance(keep));
  return kept.length ? kept : [items[0]!];
}

/** The next n counties after this one in its city, wrapping around (neighbours by code). */
export function neighbours(index: DivisionIndex, county: County, n: number): County[] {
  const list = index.countiesByCity.get(county.cityCode) ?? [];
  const at = list.findIndex((c) => c.code === county.code);
  const out: County[] = [];
  for (let i = 1; i < list.length && out.length < n; i++) out.push(list[(at + i) % list.length]!);
  return out;
}

class CountyPicker {
  private readonly used = new Set<string>();
  private readonly index: DivisionIndex;
  private readonly rng: Rng;
  constructor(index: DivisionIndex, rng: Rng) {
    this.index = index;
    this.rng = rng;
  }

  /** An unused county of the city (urban districts or rural counties first), else of the province. */
  pick(city: City, cities: City[], prefer: 'urban' | 'rural'): County {
    const tryCity = (c: City) => {
      const all = (this.index.countiesByCity.get(c.code) ?? []).filter((x) => !this.used.has(x.code));
      const preferred = all.filter((x) => (prefer === 'urban' ? x.urban : !x.urban));
      return preferred.length ? preferred : all;
    };
    let candidates = tryCity(city);
    for (const other of cities) {
      if (candidates.length) break;
      candidates = tryCity(other);
    }
    const county = candidates.length
      ? this.rng.pick(candidates)
      : this.rng.pick(this.index.countiesByCity.get(city.code) ?? []);
    this.used.add(county.code);
    return county;
  }
}

/**
 * Places the three-tier network province by province: service centers (one in the capital, the
 * others in other prefecture cities), an optional specialist shop in the same city, and 2–5
 * authorized repair points under each center in the counties around it.
 */
export function placeOutlets(index: DivisionIndex, rng: Rng): OutletSeed[] {
  const seeds: OutletSeed[] = [];
  for (const province of PROVINCES) {
    const cities = index.citiesByProvince.get(province.code) ?? [];
    if (cities.length === 0) continue;
    const capital = cities.find((c) => c.code === province.capital) ?? cities[0]!;
    // Centers go to prefecture cities, not to a municipality's outlying counties (重庆's 县).
    const others = rng.shuffle(cities.filter((c) => c !== capital && c.name !== '县'));
    const picker = new CountyPicker(index, rng);
    for (let k = 0; k < province.centers; k++) {
      const city = k === 0 ? capital : (others[k - 1] ?? capital);
      const hero = province.code === HERO_PROVINCE && k === 0;
      const kind: OutletKind = hero
        ? 'appliance'
        : rng.weighted<OutletKind>([
            ['appliance', 70],
            ['pc', 15],
            ['sanitary', 15],
          ]);
      const brandCodes = hero ? HERO_BRANDS : rng.weighted(KIND_BRAND_SETS[kind]);
      const base = { kind, province, inCapital: city.code === province.capital };
      const county = picker.pick(city, cities, 'urban');
      const centerIndex = seeds.length;
      seeds.push({
        ...base,
        tier: 'service_center',
        county,
        parent: null,
        brandCodes,
        coverageCounties: [county.code, ...neighbours(index, county, rng.int(2, 3)).map((c) => c.code)],
        townCoverageFrom: null,
        hero,
      });
      if (rng.chance(0.6)) {
        const own = picker.pick(city, cities, 'urban');
        seeds.push({
          ...base,
          tier: 'specialist',
          county: own,
          parent: centerIndex,
          brandCodes: subset(rng, brandCodes, 0.8),
          coverageCounties: [own.code, ...neighbours(index, own, 1).map((c) => c.code)],
          townCoverageFrom: null,
          hero: false,
        });
      }
      const points = rng.int(2, 5);
      for (let j = 0; j < points; j++) {
        const own = picker.pick(city, cities, 'rural');
        const across = neighbours(index, own, 1)[0];
        seeds.push({
          ...base,
          inCapital: own.cityCode === province.capital,
          tier: 'authorized',
          county: own,
          parent: centerIndex,
          brandCodes: subset(rng, brandCodes, 0.7),
          coverageCounties: [own.code],
          townCoverageFrom: across?.code ?? null,
          hero: false,
        });
      }
    }
  }
  // A center always comes before the outlets under it, so the tower's foreign keys hold batch by batch.
  return seeds;
}
