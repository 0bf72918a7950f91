import { type DemoBrand, PROVINCES } from './catalog.ts';
import type { CatalogRows } from './catalog-demo.ts';
import { CITY_AREA_CODES, MUNICIPALITIES } from './customers-demo.data.ts';
import { cityShortName, type DivisionIndex, shortName, type Town } from './divisions.ts';
import { shanghaiDate } from './names.ts';
import type { NetworkRows, OutletRow } from './network.ts';
import type { Rng } from './random.ts';

/** Where a customer lives: a division (a township, or a county) with its county, city and province. */
export interface Place {
  divisionCode: string;
  fullName: string;
  countyCode: string;
  cityCode: string;
  provinceCode: string;
  rural: boolean;
}

/** One customer to generate: the brand, the outlet they deal with, where they live, what they are. */
export interface Plan {
  brand: DemoBrand;
  brandId: string;
  home: OutletRow;
  place: Place;
  institution: string | null;
  demo: boolean;
}

/** Lookups over the network, the catalog and the divisions shared by every brand's customers. */
export interface World {
  now: Date;
  /** Today as a Shanghai calendar date. */
  today: string;
  outlets: Map<string, OutletRow>;
  /** Outlets covering each division. */
  coveredBy: Map<string, Set<string>>;
  /** `outlet:brand:category` for every installation authorization. */
  installs: Set<string>;
  /** Outlets (not terminated) authorized to install each `brand:category`. */
  installersOf: Map<string, OutletRow[]>;
  /** Model codes of each `brand:category`. */
  modelsOf: Map<string, string[]>;
  /** A division the outlet covers: mostly its own county, mostly down to a township of it. */
  placeNear(rng: Rng, outlet: OutletRow): Place;
  areaCodeOf(place: Place): string | null;
  cityName(place: Place): string;
  countyName(place: Place): string;
}

export interface WorldDeps {
  network: NetworkRows;
  catalog: CatalogRows;
  index: DivisionIndex;
  /** Townships of every county the outlets cover. */
  towns: Map<string, Town[]>;
  now: Date;
}

export function buildWorld({ network, catalog, index, towns, now }: WorldDeps): World {
  const today = shanghaiDate(now);
  const outlets = new Map(network.outlets.map((o) => [o.id, o]));
  const coverage = new Map<string, string[]>();
  const coveredBy = new Map<string, Set<string>>();
  for (const c of network.coverage) {
    coverage.set(c.outlet_id, [...(coverage.get(c.outlet_id) ?? []), c.division_code]);
    const set = coveredBy.get(c.division_code) ?? new Set<string>();
    set.add(c.outlet_id);
    coveredBy.set(c.division_code, set);
  }
  const installs = new Set(
    network.authorizations
      .filter((a) => a.service_type === 'installation')
      .map((a) => `${a.outlet_id}:${a.brand_id}:${a.category_code}`),
  );
  const installersOf = new Map<string, OutletRow[]>();
  for (const a of network.authorizations) {
    const outlet = outlets.get(a.outlet_id);
    if (a.service_type !== 'installation' || !outlet || outlet.status === 'terminated') continue;
    const key = `${a.brand_id}:${a.category_code}`;
    installersOf.set(key, [...(installersOf.get(key) ?? []), outlet]);
  }
  const townByCode = new Map<string, Town>();
  for (const list of towns.values()) for (const t of list) townByCode.set(t.code, t);
  const modelsOf = new Map<string, string[]>();
  for (const m of catalog.models) {
    const key = `${m.brand_id}:${m.category_code}`;
    modelsOf.set(key, [...(modelsOf.get(key) ?? []), m.code]);
  }

  const placeOf = (code: string): Place | null => {
    const town = townByCode.get(code);
    const county = index.counties.get(town ? town.countyCode : code);
    if (!county) return null;
    return {
      divisionCode: code,
      fullName: town ? town.fullName : county.fullName,
      countyCode: county.code,
      cityCode: county.cityCode,
      provinceCode: county.provinceCode,
      rural: town ? town.kind !== 'street' : !county.urban,
    };
  };

  const placeNear = (rng: Rng, outlet: OutletRow): Place => {
    const own = outlet.division_code.slice(0, 6);
    const covered = coverage.get(outlet.id) ?? [own];
    const code = rng.chance(0.55) ? own : rng.pick(covered);
    const inCounty = towns.get(code);
    const division = code.length === 6 && inCounty?.length && rng.chance(0.85) ? rng.pick(inCounty).code : code;
    return placeOf(division) ?? placeOf(own)!;
  };

  const areaCodeOf = (place: Place): string | null => {
    const province = PROVINCES.find((p) => p.code === place.provinceCode);
    if (!province) return null;
    if (MUNICIPALITIES.has(place.provinceCode.slice(0, 2)) || place.cityCode === province.capital) {
      return province.areaCode;
    }
    return CITY_AREA_CODES[place.cityCode] ?? null;
  };

  const cityName = (place: Place) => {
    const county = index.counties.get(place.countyCode)!;
    const province = PROVINCES.find((p) => p.code === place.provinceCode);
    return cityShortName(index, county, province?.short ?? '');
  };
  const countyName = (place: Place) => shortName(index.counties.get(place.countyCode)!.name);

  return {
    now,
    today,
    outlets,
    coveredBy,
    installs,
    installersOf,
    modelsOf,
    placeNear,
    areaCodeOf,
    cityName,
    countyName,
  };
}
