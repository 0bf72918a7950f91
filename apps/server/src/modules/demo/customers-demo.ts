import type { Insertable } from 'kysely';
import { normalizePhone } from '../../platform/phone.ts';
import type {
  CustomerAddressesTable,
  CustomerPhonesTable,
  CustomersTable,
  ExtendedWarrantyContractsTable,
  InstalledProductsTable,
} from '../customers/customers.tables.ts';
import {
  BRANDS,
  type DemoBrand,
  FEMALE_GIVEN,
  MALE_GIVEN,
  PROVINCES,
  ROADS,
  SURNAMES,
  TRADE_NAMES,
} from './catalog.ts';
import type { CatalogRows } from './catalog-demo.ts';
import { cityShortName, type DivisionIndex, shortName, type Town } from './divisions.ts';
import { landline, mobileSource, shanghaiDate } from './names.ts';
import type { NetworkRows, OutletRow } from './network.ts';
import type { Rng } from './random.ts';

/**
 * Demo customers (用户档案) and their installed products (机器档案): a few hundred customers per brand
 * living where the brand's outlets are, with phones in the forms people type them, addresses on the
 * real divisions, tags, consents, and 1–3 products each from the demo catalog, bought over the last
 * eight years (so some are in warranty, some out, and some about to run out), most installed by an
 * outlet of the brand that covers the address.
 */

export type CustomerRow = Omit<Insertable<CustomersTable>, 'search'>;

export interface CustomerRows {
  customers: CustomerRow[];
  phones: Insertable<CustomerPhonesTable>[];
  addresses: Insertable<CustomerAddressesTable>[];
  products: Insertable<InstalledProductsTable>[];
  contracts: Insertable<ExtendedWarrantyContractsTable>[];
  /** The texts of each customer's search vector, in the order refreshSearch reads them. */
  searchText: Map<string, string[]>;
  /** The customer the `customer` demo login is. */
  demoCustomerId: string;
}

interface Deps {
  network: NetworkRows;
  catalog: CatalogRows;
  index: DivisionIndex;
  /** Townships of every county the outlets cover. */
  towns: Map<string, Town[]>;
  rng: Rng;
  id: () => string;
  now: Date;
  /** The `customer` demo login's phone: the demo customer's primary number. */
  customerUserPhone: string;
}

/** Customers per brand (≈ 2 000 in all). */
const PER_BRAND: Record<string, number> = { AUX: 520, GOME: 460, MIDEA: 480, FUJITSU: 260, ORLUSA: 280 };

/** How often each category is bought (default 10). */
const CATEGORY_WEIGHT: Record<string, number> = {
  'AUX:air_conditioner': 80,
  'AUX:central_air_conditioner': 4,
  'AUX:heat_pump_water_heater': 16,
  'GOME:air_conditioner': 20,
  'GOME:refrigerator': 15,
  'GOME:washer': 15,
  'GOME:television': 15,
  'GOME:computer': 8,
  'GOME:sanitary_ware': 6,
  'MIDEA:air_conditioner': 30,
  'MIDEA:refrigerator': 15,
  'MIDEA:washer': 15,
  'MIDEA:dishwasher': 5,
  'FUJITSU:laptop': 55,
  'FUJITSU:desktop': 25,
  'FUJITSU:server': 4,
  'FUJITSU:scanner': 14,
  'ORLUSA:smart_toilet': 35,
  'ORLUSA:toilet': 20,
  'ORLUSA:faucet_shower': 20,
  'ORLUSA:shower_room': 8,
  'ORLUSA:bathroom_cabinet': 15,
};

/** Categories bought mostly by institutions and companies. */
const PROJECT_CATEGORIES = new Set(['central_air_conditioner', 'server']);

/** Categories that are delivered and installed by an outlet (the others are carried home or shipped). */
const INSTALLED = new Set([
  'air_conditioner',
  'central_air_conditioner',
  'heat_pump_water_heater',
  'water_heater',
  'kitchen_appliance',
  'dishwasher',
  'washer',
  'television',
  'sanitary_ware',
  'smart_toilet',
  'toilet',
  'faucet_shower',
  'shower_room',
  'bathroom_cabinet',
  'server',
]);

/** Whole-unit warranty in years as the policy packs give it (AUX air conditioners 6 years, else the 三包 year). */
export function wholeUnitYears(brandCode: string, categoryCode: string): number {
  return brandCode === 'AUX' && categoryCode === 'air_conditioner' ? 6 : 1;
}

const SERIAL_PREFIX: Record<string, string> = { AUX: 'AX', GOME: 'GM', MIDEA: 'MD', FUJITSU: 'FJ', ORLUSA: 'OL' };

/** Telephone area codes of prefecture cities beyond the provincial capitals (PROVINCES has those). */
export const CITY_AREA_CODES: Record<string, string> = {
  '330200': '0574', // 宁波
  '330300': '0577', // 温州
  '330400': '0573', // 嘉兴
  '330500': '0572', // 湖州
  '330600': '0575', // 绍兴
  '330700': '0579', // 金华
  '330800': '0570', // 衢州
  '330900': '0580', // 舟山
  '331000': '0576', // 台州
  '331100': '0578', // 丽水
  '320200': '0510', // 无锡
  '320500': '0512', // 苏州
  '350200': '0592', // 厦门
  '370200': '0532', // 青岛
  '210200': '0411', // 大连
  '440300': '0755', // 深圳
};
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

const ESTATES = [
  ...['阳光花园', '锦绣华庭', '翠苑', '金色家园', '新城花园', '桂花苑', '万科城', '碧桂园', '东方名苑', '世纪花园'],
  ...['天元小区', '幸福里', '紫金苑', '绿洲家园', '滨江花苑', '和平新村', '书香门第', '学府名邸', '春天华府'],
];
const VILLAGE_SUFFIX = ['村', '庄', '湾', '坞', '店村'];
const NOTES = [
  '老人独居，上门前请先电话联系家属',
  '白天上班，周末或晚上7点后方便上门',
  '小区需登记，师傅到门口打电话',
  '曾投诉安装不规范，上门注意服务态度',
  '家中有婴儿，上门请勿大声敲门',
  '高层外机，需高空作业',
];
const ONLINE_STORES = ['京东自营旗舰店', '天猫官方旗舰店', '拼多多官方旗舰店', '苏宁易购官方店', '抖音官方旗舰店'];
const INSTITUTIONS = [
  ['institution:hospital', 30],
  ['institution:school', 30],
  ['institution:nursing_home', 10],
  ['institution:government', 10],
  ['institution:enterprise', 15],
  ['institution:other', 5],
] as const;

const DAY = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Same calendar day `years` later or earlier (29 February → 28 February). */
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-');
  const day = m === '02' && d === '29' ? '28' : d;
  return `${Number(y) + years}-${m}-${day}`;
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/** A time on a Shanghai calendar day (09:00–20:59 local) as an instant. */
function onDay(rng: Rng, date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + (9 * 60 + rng.int(0, 12 * 60 - 1)) * 60_000);
}

interface Place {
  divisionCode: string;
  fullName: string;
  countyCode: string;
  cityCode: string;
  provinceCode: string;
  rural: boolean;
}

interface Plan {
  brand: DemoBrand;
  brandId: string;
  home: OutletRow;
  place: Place;
  institution: string | null;
  demo: boolean;
}

export function buildCustomers(d: Deps): CustomerRows {
  const { network, catalog, index, towns, now } = d;
  const out: CustomerRows = {
    customers: [],
    phones: [],
    addresses: [],
    products: [],
    contracts: [],
    searchText: new Map(),
    demoCustomerId: '',
  };
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

  /** A division the outlet covers: mostly its own county, mostly down to a township of it. */
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

  for (const brand of BRANDS) {
    const rng = d.rng.fork(brand.code);
    const brandId = network.brandIds.get(brand.code)!;
    const own = new Set(network.brandOutlets.filter((l) => l.brand_id === brandId).map((l) => l.outlet_id));
    const brandOutlets = network.outlets.filter((o) => own.has(o.id));
    // The demo outlet gets a good share of its brands' customers, so the outlet manager sees some.
    const weights = brandOutlets.map(
      (o) =>
        [
          o,
          o.id === network.heroOutletId
            ? 12
            : o.status === 'terminated'
              ? 0.3
              : o.tier === 'service_center'
                ? 2
                : o.tier === 'specialist'
                  ? 1.5
                  : 1,
        ] as const,
    );
    const hero = outlets.get(network.heroOutletId)!;
    const categories = brand.categories.map((c) => [c.code, CATEGORY_WEIGHT[`${brand.code}:${c.code}`] ?? 10] as const);
    const mobile = mobileSource(rng.fork('mobiles'));
    let serialSeq = 0;
    let contractSeq = 0;

    const count = PER_BRAND[brand.code] ?? 300;
    for (let i = 0; i < count; i++) {
      const demo = brand.code === 'AUX' && i === 0;
      const home = demo ? hero : rng.weighted(weights);
      const place = placeNear(rng, home);
      const institution = !demo && rng.chance(0.05) ? rng.weighted(INSTITUTIONS) : null;
      const plan: Plan = { brand, brandId, home, place, institution, demo };
      const customerId = d.id();

      // ---------- the person or institution ----------
      const female = !institution && rng.chance(0.42);
      let name: string;
      if (demo) name = `张${rng.pick(MALE_GIVEN)}`;
      else if (institution) name = institutionName(rng, institution, cityName(place), countyName(place));
      else name = rng.pickSkewed(SURNAMES, 1.8) + (female ? rng.pick(FEMALE_GIVEN) : rng.pick(MALE_GIVEN));
      const tags: string[] = [];
      if (institution) tags.push(institution);
      if (!institution && rng.chance(0.07)) tags.push('vip');
      if (institution === 'institution:enterprise' || (institution && rng.chance(0.3)) || rng.chance(0.015)) {
        tags.push('key_account');
      }

      // ---------- products first: the customer is registered with the first purchase ----------
      const productCount = institution
        ? rng.int(2, 3)
        : demo
          ? 3
          : rng.weighted([
              [1, 45],
              [2, 35],
              [3, 20],
            ] as const);
      const products = Array.from({ length: productCount }, (_, k) => productPlan(rng, plan, categories, k));
      products.sort((a, b) => (a.purchase < b.purchase ? -1 : a.purchase > b.purchase ? 1 : 0));
      const since = onDay(rng, products[0]!.purchase);
      const createdAt = since < now ? since : now;

      const explicitConsent = rng.chance(0.7);
      const consents = explicitConsent
        ? { serviceMessages: rng.chance(0.95), marketing: rng.chance(0.3), at: createdAt.toISOString() }
        : { serviceMessages: true, marketing: false, at: null };
      const language =
        place.provinceCode === '440000' && rng.chance(0.35)
          ? '粤语'
          : place.provinceCode === '310000' && rng.chance(0.15)
            ? '上海话'
            : rng.chance(0.03)
              ? '普通话'
              : null;
      out.customers.push({
        id: customerId,
        brand_id: brandId,
        name,
        gender: institution ? null : demo ? 'male' : rng.chance(0.9) ? (female ? 'female' : 'male') : null,
        tags,
        language,
        birthday:
          !institution && (demo || rng.chance(0.12))
            ? `${rng.int(1950, 2002)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`
            : null,
        consents: JSON.stringify(consents),
        notes: !institution && rng.chance(0.04) ? rng.pick(NOTES) : null,
        created_at: createdAt,
        updated_at: createdAt,
      });
      if (demo) out.demoCustomerId = customerId;

      // ---------- phones ----------
      const areaCode = areaCodeOf(place);
      const numbers: string[] = [];
      const wantLandline = areaCode !== null && (institution ? rng.chance(0.85) : rng.chance(0.12));
      if (demo) numbers.push(d.customerUserPhone);
      else if (wantLandline && (institution || rng.chance(0.3)))
        numbers.push(landlineRaw(rng, areaCode!, !!institution));
      else numbers.push(mobileRaw(rng, mobile()));
      if (institution || rng.chance(0.28)) {
        numbers.push(
          wantLandline && !numbers[0]!.startsWith('0') && !numbers[0]!.startsWith('(')
            ? landlineRaw(rng, areaCode!, !!institution)
            : mobileRaw(rng, mobile()),
        );
      }
      const seen = new Set<string>();
      numbers.forEach((raw, k) => {
        const n = normalizePhone(raw);
        if (!n) throw new Error(`demo data: ${raw} is not a phone number`);
        if (seen.has(n.normalized)) return;
        seen.add(n.normalized);
        out.phones.push({
          id: d.id(),
          customer_id: customerId,
          brand_id: brandId,
          raw,
          normalized: n.normalized,
          kind: n.kind,
          is_primary: k === 0,
          created_at: createdAt,
        });
      });

      // ---------- addresses: the home (or the institution), sometimes a second one ----------
      const addresses = [{ place, detail: addressDetail(rng, place, !!institution) }];
      if (!institution && rng.chance(0.08)) {
        const other = placeNear(rng, home);
        addresses.push({ place: other, detail: addressDetail(rng, other, false) });
      }
      addresses.forEach((a, k) => {
        out.addresses.push({
          id: d.id(),
          customer_id: customerId,
          brand_id: brandId,
          division_code: a.place.divisionCode,
          detail: a.detail,
          urban_rural_override: null,
          is_primary: k === 0,
          created_at: createdAt,
        });
      });
      // refreshSearch: the name, then each address's detail and division name (primary first).
      out.searchText.set(customerId, [name, ...addresses.flatMap((a) => [a.detail, a.place.fullName])]);

      // ---------- installed products ----------
      for (const p of products) {
        const productId = d.id();
        const models = modelsOf.get(`${brandId}:${p.category}`) ?? [];
        const model = models.length ? rng.pick(models) : null;
        const production = addDays(p.purchase, -rng.int(15, 150));
        serialSeq++;
        const serial = rng.chance(0.03)
          ? null
          : `${SERIAL_PREFIX[brand.code] ?? 'SN'}${production.slice(2, 4)}${production.slice(5, 7)}${rng.digits(3)}${String(serialSeq).padStart(6, '0')}`;
        const installed = INSTALLED.has(p.category);
        const shipped = p.channel === 'ecommerce';
        const delivery =
          installed || shipped || rng.chance(0.3)
            ? minDate(addDays(p.purchase, shipped ? rng.int(1, 4) : rng.int(0, 3)), today)
            : null;
        const installation = installed ? minDate(addDays(delivery ?? p.purchase, rng.int(0, 2)), today) : null;
        const installer = installed ? installerOf(rng, plan, p.category, p.forceHero) : null;
        const createdAtP = onDay(rng, p.purchase);
        const at = createdAtP < now ? createdAtP : now;
        out.products.push({
          id: productId,
          brand_id: brandId,
          customer_id: customerId,
          category_code: p.category,
          model_code: model,
          serial,
          production_date: production,
          purchase_date: p.purchase,
          has_invoice: p.invoice,
          invoice_photo_url: null,
          channel: p.channel,
          store: storeName(rng, p.channel, brand, place, cityName(place), countyName(place)),
          delivery_date: delivery,
          installation_date: installation,
          installing_outlet_id: installer,
          warranty_start_override: null,
          // Some of the oldest machines have been scrapped.
          status: p.purchase < addYears(today, -7) && rng.chance(0.2) ? 'retired' : 'active',
          created_at: at,
          updated_at: at,
        });
        if (p.contract || (!demo && p.purchase > addYears(today, -4) && rng.chance(0.04))) {
          contractSeq++;
          const starts = addYears(p.purchase, wholeUnitYears(brand.code, p.category));
          const years = p.contract ? 3 : rng.int(1, 3);
          out.contracts.push({
            id: d.id(),
            product_id: productId,
            brand_id: brandId,
            contract_no: `YB${brand.code}${p.purchase.slice(0, 4)}${String(contractSeq).padStart(5, '0')}`,
            starts_on: starts,
            ends_on: addDays(addYears(starts, years), -1),
            covers: JSON.stringify(
              rng.chance(0.5)
                ? { plan: `延保${years}年（全保）` }
                : { plan: `延保${years}年（配件+人工）`, parts: true, labor: true },
            ),
            created_at: at,
          });
        }
      }
    }
  }

  interface ProductPlan {
    category: string;
    purchase: string;
    invoice: boolean;
    channel: string;
    forceHero: boolean;
    contract: boolean;
  }

  function productPlan(
    rng: Rng,
    plan: Plan,
    categories: readonly (readonly [string, number])[],
    k: number,
  ): ProductPlan {
    const { brand } = plan;
    let category = rng.weighted(categories);
    if (PROJECT_CATEGORIES.has(category) && !plan.institution && rng.chance(0.8)) category = rng.weighted(categories);
    if (plan.institution && rng.chance(0.3)) {
      const project = brand.categories.find((c) => PROJECT_CATEGORIES.has(c.code));
      if (project) category = project.code;
    }
    const years = wholeUnitYears(brand.code, category);
    let purchase: string;
    let contract = false;
    if (plan.demo) {
      // The demo customer: an air conditioner bought last year, one whose six years run out within
      // the month, and a water heater out of its year but under an extended-warranty contract.
      category = ['air_conditioner', 'air_conditioner', 'heat_pump_water_heater'][k]!;
      purchase = [addDays(today, -200), addDays(addYears(today, -6), 12), addDays(today, -600)][k]!;
      contract = k === 2;
    } else if (rng.chance(0.07)) {
      // The whole-unit warranty ends within the next 30 days.
      purchase = addDays(addYears(today, -years), rng.int(3, 27));
    } else {
      purchase = addDays(today, -(1 + Math.floor(rng.next() ** 1.25 * 8 * 365)));
    }
    const channel = plan.institution
      ? rng.weighted([
          ['project', 70],
          ['dealer', 20],
          ['store', 10],
        ] as const)
      : rng.weighted([
          ['store', 45],
          ['ecommerce', 35],
          ['dealer', 14],
          ['other', 6],
        ] as const);
    const invoiceOdds: Record<string, number> = { project: 1, ecommerce: 0.95, store: 0.85, dealer: 0.55, other: 0.3 };
    return {
      category,
      purchase,
      invoice: plan.demo || rng.chance(invoiceOdds[channel] ?? 0.5),
      channel,
      forceHero: plan.demo,
      contract,
    };
  }

  /** The home outlet when it installs the category, else another outlet of the brand covering the address. */
  function installerOf(rng: Rng, plan: Plan, category: string, forceHero: boolean): string | null {
    const can = (outletId: string) => installs.has(`${outletId}:${plan.brandId}:${category}`);
    if (forceHero || (can(plan.home.id) && rng.chance(0.85))) return plan.home.id;
    const near = new Set([
      ...(coveredBy.get(plan.place.divisionCode) ?? []),
      ...(coveredBy.get(plan.place.countyCode) ?? []),
    ]);
    const candidates = [...near].filter((o) => can(o) && outlets.get(o)!.status !== 'terminated').sort();
    if (candidates.length) return rng.pick(candidates);
    if (can(plan.home.id)) return plan.home.id;
    // No outlet covering the address installs the category: one from the same city or province
    // travels, or (now and then) the dealer's own installers did it and no outlet is on file.
    const authorized = installersOf.get(`${plan.brandId}:${category}`) ?? [];
    const city = authorized.filter((o) => o.division_code.startsWith(plan.place.cityCode.slice(0, 4)));
    const province = authorized.filter((o) => o.division_code.startsWith(plan.place.provinceCode.slice(0, 2)));
    const fallback = city.length ? city : province;
    return fallback.length && rng.chance(0.8) ? rng.pick(fallback).id : null;
  }

  if (!out.demoCustomerId) throw new Error('demo data: no demo customer');
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A mobile number as people type it: plain, spaced, dashed or with +86. */
function mobileRaw(rng: Rng, n: string): string {
  const spaced = `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  return rng.weighted<() => string>([
    [() => n, 60],
    [() => spaced, 15],
    [() => `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`, 10],
    [() => `+86 ${spaced}`, 8],
    [() => `+86${n}`, 7],
  ])();
}

/** A landline as written on a card or a form: 0571-87654321, (0571)87654321, an extension at institutions. */
function landlineRaw(rng: Rng, areaCode: string, institution: boolean): string {
  const number = landline(rng, areaCode);
  if (institution && rng.chance(0.3)) return `${number}转${rng.int(800, 8999)}`;
  return rng.chance(0.2) ? `(${areaCode})${number.slice(areaCode.length + 1)}` : number;
}

function addressDetail(rng: Rng, place: Place, institution: boolean): string {
  if (institution) return `${rng.pick(ROADS)}${rng.int(1, 899)}号`;
  if (place.rural && rng.chance(0.7)) {
    return `${rng.pickSkewed(SURNAMES, 1.8)}家${rng.pick(VILLAGE_SUFFIX)}${rng.int(1, 260)}号`;
  }
  return `${rng.pick(ROADS)}${rng.int(1, 899)}号${rng.pick(ESTATES)}${rng.int(1, 30)}幢${rng.int(1, 4)}单元${rng.int(1, 32)}0${rng.int(1, 4)}室`;
}

function institutionName(rng: Rng, kind: string, city: string, county: string): string {
  const n = ['一', '二', '三', '四', '五', '六', '七', '八'];
  switch (kind) {
    case 'institution:hospital':
      return rng.chance(0.5)
        ? `${city}市第${rng.pick(n)}人民医院`
        : `${county}${rng.pick(['中医院', '妇幼保健院', '人民医院'])}`;
    case 'institution:school':
      return rng.chance(0.5)
        ? `${county}第${rng.pick(n)}中学`
        : `${city}市${rng.pick(ROADS).replace(/[路街道大]+$/u, '')}小学`;
    case 'institution:nursing_home':
      return `${county}${rng.pick(TRADE_NAMES)}养老院`;
    case 'institution:government':
      return `${county}${rng.pick(['政务服务中心', '人民法院', '税务局', '市场监督管理局'])}`;
    case 'institution:enterprise':
      return `${city}${rng.pick(TRADE_NAMES)}${rng.pick(['实业有限公司', '酒店管理有限公司', '物业服务有限公司', '科技有限公司'])}`;
    default:
      return `${county}${rng.pick(['图书馆', '文化馆', '体育馆', '博物馆'])}`;
  }
}

function storeName(
  rng: Rng,
  channel: string,
  brand: DemoBrand,
  place: Place,
  city: string,
  county: string,
): string | null {
  switch (channel) {
    case 'ecommerce':
      return rng.chance(0.6) ? `${brand.name}${rng.pick(ONLINE_STORES)}` : rng.pick(ONLINE_STORES);
    case 'store':
      return rng.weighted<() => string>([
        [() => `国美电器${city}${rng.pick(ROADS)}店`, 30],
        [() => `苏宁易购${city}${county}店`, 30],
        [() => `${brand.name}专卖店（${county}）`, 25],
        [() => `${city}${rng.pick(TRADE_NAMES)}家电商场`, 15],
      ])();
    case 'dealer':
      return `${place.rural ? county : city}${rng.pick(TRADE_NAMES)}电器商行`;
    case 'project':
      return `${brand.name}${city}工程渠道`;
    default:
      return null;
  }
}
