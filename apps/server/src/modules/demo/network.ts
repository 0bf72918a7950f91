import type { ServiceType } from '@aftercare/contracts';
import type { Insertable } from 'kysely';
import type {
  BrandCategoriesTable,
  BrandOutletsTable,
  BrandsTable,
  OutletAuthorizationsTable,
  OutletCoverageTable,
  RegionsTable,
  ServiceCentersTable,
} from '../../platform/db/schema.ts';
import {
  BIG_REGIONS,
  BRANDS,
  GROUP_SERVICE_TYPES,
  KIND_WORD,
  PROVINCES,
  ROADS,
  SMALL_REGIONS,
  TIER_SERVICE_TYPES,
  TRADE_NAMES,
} from './catalog.ts';
import { type County, cityShortName, type DivisionIndex, postalPrefix, shortName, type Town } from './divisions.ts';
import { landline, personName, shanghaiDate } from './names.ts';
import type { OutletSeed, Tier } from './placement.ts';
import type { Rng } from './random.ts';

/** An outlet row; its search tsvector is computed at insert time. */
export interface OutletRow {
  id: string;
  code: string;
  name: string;
  tier: Tier;
  parent_outlet_id: string | null;
  status: string;
  capacity_per_day: number;
  division_code: string;
  address: string;
  lat: number;
  lng: number;
  phone: string;
  dealer_hotline: string | null;
  contact_name: string;
  created_at: Date;
  updated_at: Date;
}

export interface Skill {
  category_code: string;
  service_type: ServiceType;
}

export interface NetworkRows {
  brands: Insertable<BrandsTable>[];
  categories: Insertable<BrandCategoriesTable>[];
  regions: Insertable<RegionsTable>[];
  centers: Insertable<ServiceCentersTable>[];
  outlets: OutletRow[];
  brandOutlets: Insertable<BrandOutletsTable>[];
  coverage: Insertable<OutletCoverageTable>[];
  authorizations: Insertable<OutletAuthorizationsTable>[];
  /** What each outlet is authorized for (over all its brands), for technicians' skills. */
  outletSkills: Map<string, Skill[]>;
  brandIds: Map<string, string>;
  regionIds: Map<string, string>; // `${brandCode}:${regionCode}`
  heroOutletId: string;
}

interface Deps {
  index: DivisionIndex;
  towns: Map<string, Town[]>;
  rng: Rng;
  id: () => string;
  now: Date;
  mobile: () => string;
}

function street(rng: Rng): string {
  return `${rng.pick(ROADS)}${rng.int(1, 899)}号`;
}

function brandRows(d: Deps, out: NetworkRows) {
  for (const b of BRANDS) {
    const id = d.id();
    out.brandIds.set(b.code, id);
    out.brands.push({
      id,
      code: b.code,
      name: b.name,
      name_en: b.nameEn,
      hotlines: b.hotlines,
      policy_pack: b.policyPack,
      created_at: d.now,
      updated_at: d.now,
    });
    for (const c of b.categories) out.categories.push({ brand_id: id, code: c.code, name: c.name, name_en: c.nameEn });
  }
}

/** Regions and service management centers; returns lookups from brand + province. */
function regionRows(d: Deps, out: NetworkRows) {
  const regionOf = new Map<string, string>();
  const centerOf = new Map<string, string>();
  const capitalCounty = (provinceCode: string): County | undefined => {
    const p = PROVINCES.find((x) => x.code === provinceCode);
    const city = d.index.citiesByProvince.get(provinceCode)?.find((c) => c.code === p?.capital);
    const counties = city ? (d.index.countiesByCity.get(city.code) ?? []) : [];
    return counties.find((c) => c.urban) ?? counties[0];
  };
  for (const b of BRANDS) {
    const brandId = out.brandIds.get(b.code)!;
    for (const plan of b.big ? BIG_REGIONS : SMALL_REGIONS) {
      const regionId = d.id();
      out.regionIds.set(`${b.code}:${plan.code}`, regionId);
      out.regions.push({
        id: regionId,
        brand_id: brandId,
        code: plan.code,
        name: plan.name,
        province_codes: plan.provinces,
        manager_name: personName(d.rng, 0.2),
        phone: d.mobile(),
        created_at: d.now,
        updated_at: d.now,
      });
      // Big brands run a management center per province, the smaller ones one per region.
      const provinces = b.big ? plan.provinces : plan.provinces.slice(0, 1);
      for (const provinceCode of provinces) {
        const county = capitalCounty(provinceCode);
        const province = PROVINCES.find((x) => x.code === provinceCode)!;
        const city = county ? cityShortName(d.index, county, province.short) : province.short;
        const centerId = d.id();
        out.centers.push({
          id: centerId,
          brand_id: brandId,
          region_id: regionId,
          code: `SC${province.capital}`,
          name: `${city}服务管理中心`,
          division_code: county?.code ?? null,
          address: county ? `${postalPrefix(county.fullName)}${street(d.rng)}` : null,
          phone: landline(d.rng, province.areaCode),
          created_at: d.now,
          updated_at: d.now,
        });
        for (const pc of b.big ? [provinceCode] : plan.provinces) centerOf.set(`${b.code}:${pc}`, centerId);
      }
      for (const pc of plan.provinces) regionOf.set(`${b.code}:${pc}`, regionId);
    }
  }
  return { regionOf, centerOf };
}

function uniqueName(taken: Set<string>, rng: Rng, make: (trade: string) => string): string {
  const start = rng.int(0, TRADE_NAMES.length - 1);
  for (let i = 0; i < TRADE_NAMES.length; i++) {
    const name = make(TRADE_NAMES[(start + i) % TRADE_NAMES.length]!);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  const name = `${make(TRADE_NAMES[start]!)}${taken.size}`;
  taken.add(name);
  return name;
}

const STATUS_WEIGHTS: Record<Tier, readonly (readonly [string, number])[]> = {
  service_center: [
    ['active', 92],
    ['probation', 8],
  ],
  specialist: [
    ['active', 88],
    ['probation', 8],
    ['suspended', 4],
  ],
  authorized: [
    ['active', 82],
    ['probation', 9],
    ['suspended', 6],
    ['terminated', 3],
  ],
};

const CAPACITY: Record<Tier, [number, number]> = {
  service_center: [40, 80],
  specialist: [20, 40],
  authorized: [8, 20],
};

function pickTown(rng: Rng, towns: Town[], tier: Tier): Town | undefined {
  const preferred = towns.filter((t) => (tier === 'authorized' ? t.kind === 'town' : t.kind === 'street'));
  return preferred.length ? rng.pick(preferred) : towns.length ? rng.pick(towns) : undefined;
}

function authorizationsOf(seed: OutletSeed, rng: Rng) {
  const rows: { brandCode: string; category: string; serviceType: ServiceType }[] = [];
  for (const code of seed.brandCodes) {
    const brand = BRANDS.find((b) => b.code === code)!;
    let cats = brand.categories.filter(
      (c) => c.kinds.includes(seed.kind) && (!c.centerOnly || seed.tier === 'service_center'),
    );
    if (seed.tier === 'specialist' && seed.kind === 'appliance') {
      const ac = cats.filter((c) => c.group === 'ac');
      if (ac.length) cats = ac;
    }
    if (seed.tier === 'authorized' && cats.length > 1) {
      const kept = cats.filter(() => rng.chance(0.7));
      cats = kept.length ? kept : cats.slice(0, 1);
    }
    for (const c of cats) {
      for (const t of GROUP_SERVICE_TYPES[c.group]) {
        if (TIER_SERVICE_TYPES[seed.tier].has(t)) rows.push({ brandCode: code, category: c.code, serviceType: t });
      }
    }
  }
  return rows;
}

/** Builds every network row from the placed outlets and the townships of their counties. */
export function buildNetwork(seeds: OutletSeed[], d: Deps): NetworkRows {
  const out: NetworkRows = {
    brands: [],
    categories: [],
    regions: [],
    centers: [],
    outlets: [],
    brandOutlets: [],
    coverage: [],
    authorizations: [],
    outletSkills: new Map(),
    brandIds: new Map(),
    regionIds: new Map(),
    heroOutletId: '',
  };
  brandRows(d, out);
  const { regionOf, centerOf } = regionRows(d, out);
  const names = new Set<string>();
  const perCounty = new Map<string, number>();
  const { rng } = d;

  for (const seed of seeds) {
    const id = d.id();
    const { county, province, tier } = seed;
    const n = (perCounty.get(county.code) ?? 0) + 1;
    perCounty.set(county.code, n);
    const code = `W${county.code}${String(n).padStart(2, '0')}`;
    const city = cityShortName(d.index, county, province.short);
    const words = KIND_WORD[seed.kind];
    const name = uniqueName(names, rng, (trade) =>
      tier === 'service_center'
        ? `${city}${trade}${words.center}`
        : tier === 'specialist'
          ? `${city}${trade}${words.specialist}`
          : `${shortName(county.name)}${trade}${words.point}`,
    );
    const town = pickTown(rng, d.towns.get(county.code) ?? [], tier);
    const [lo, hi] = CAPACITY[tier];
    const jitter = () => (rng.next() * 2 - 1) * province.spread;
    const hasLandline = seed.inCapital && tier !== 'authorized';
    const dealer = seed.inCapital && rng.chance(seed.kind === 'sanitary' ? 0.7 : 0.15);
    out.outlets.push({
      id,
      code,
      name,
      tier,
      parent_outlet_id: seed.parent === null ? null : out.outlets[seed.parent]!.id,
      status: seed.hero ? 'active' : rng.weighted(STATUS_WEIGHTS[tier]),
      capacity_per_day: rng.int(lo / 2, hi / 2) * 2,
      division_code: town?.code ?? county.code,
      address: `${postalPrefix(town?.fullName ?? county.fullName)}${street(rng)}`,
      lat: Math.round((province.lat + jitter()) * 1e6) / 1e6,
      lng: Math.round((province.lng + jitter()) * 1e6) / 1e6,
      phone: hasLandline ? landline(rng, province.areaCode) : d.mobile(),
      dealer_hotline: dealer ? landline(rng, province.areaCode) : null,
      contact_name: personName(rng),
      created_at: d.now,
      updated_at: d.now,
    });
    if (seed.hero) out.heroOutletId = id;

    for (const brandCode of seed.brandCodes) {
      out.brandOutlets.push({
        brand_id: out.brandIds.get(brandCode)!,
        outlet_id: id,
        region_id: regionOf.get(`${brandCode}:${province.code}`) ?? null,
        center_id: centerOf.get(`${brandCode}:${province.code}`) ?? null,
        since: shanghaiDate(d.now, -rng.int(60, 3000)),
      });
    }

    const coverage = new Set(seed.coverageCounties);
    if (seed.townCoverageFrom) {
      const across = d.towns.get(seed.townCoverageFrom) ?? [];
      const rural = across.filter((t) => t.kind === 'town' || t.kind === 'township');
      for (const t of rng.sample(rural.length ? rural : across, rng.int(2, 3))) coverage.add(t.code);
    }
    for (const division of coverage) out.coverage.push({ outlet_id: id, division_code: division });

    const skills = new Map<string, Skill>();
    for (const a of authorizationsOf(seed, rng)) {
      out.authorizations.push({
        outlet_id: id,
        brand_id: out.brandIds.get(a.brandCode)!,
        category_code: a.category,
        service_type: a.serviceType,
      });
      skills.set(`${a.category}:${a.serviceType}`, { category_code: a.category, service_type: a.serviceType });
    }
    out.outletSkills.set(id, [...skills.values()]);
  }
  return out;
}
