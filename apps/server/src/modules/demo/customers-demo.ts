import type { Insertable } from 'kysely';
import { normalizePhone } from '../../platform/phone.ts';
import type {
  CustomerAddressesTable,
  CustomerPhonesTable,
  CustomersTable,
  ExtendedWarrantyContractsTable,
  InstalledProductsTable,
} from '../customers/customers.tables.ts';
import { BRANDS, type DemoBrand, FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from './catalog.ts';
import { CATEGORY_WEIGHT, INSTITUTIONS, NOTES, PER_BRAND } from './customers-demo.data.ts';
import { buildWorld, type Plan, type World, type WorldDeps } from './customers-demo.places.ts';
import { addProducts, type ProductPlan, productPlan, type Sequences } from './customers-demo.products.ts';
import { addressDetail, institutionName, landlineRaw, mobileRaw, onDay, pad } from './customers-demo.text.ts';
import { mobileSource } from './names.ts';
import type { OutletRow } from './network.ts';
import type { Rng } from './random.ts';

export { CITY_AREA_CODES } from './customers-demo.data.ts';
export { wholeUnitYears } from './customers-demo.products.ts';

/**
 * Demo customers (用户档案) and their installed products (机器档案): a few hundred customers per brand
 * living where the brand's outlets are, with phones in the forms people type them, addresses on the
 * real divisions, tags, consents, and 1–3 products each from the demo catalog, bought over the last
 * eight years (so some are in warranty, some out, and some about to run out), most installed by an
 * outlet of the brand that covers the address.
 *
 * Every draw comes from the brand's forked Rng in a fixed order; the generated rows depend on it.
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

interface Deps extends WorldDeps {
  rng: Rng;
  id: () => string;
  /** The `customer` demo login's phone: the demo customer's primary number. */
  customerUserPhone: string;
}

/** What every customer of one brand draws from. */
interface BrandRun {
  brand: DemoBrand;
  brandId: string;
  rng: Rng;
  /** Outlets of the brand with how often a customer deals with each. */
  weights: (readonly [OutletRow, number])[];
  /** The demo outlet (the demo customer's home outlet). */
  hero: OutletRow;
  categories: (readonly [string, number])[];
  mobile: () => string;
  seq: Sequences;
}

export function buildCustomers(d: Deps): CustomerRows {
  const out: CustomerRows = {
    customers: [],
    phones: [],
    addresses: [],
    products: [],
    contracts: [],
    searchText: new Map(),
    demoCustomerId: '',
  };
  const w = buildWorld(d);
  for (const brand of BRANDS) {
    const run = startBrand(d, w, brand);
    const count = PER_BRAND[brand.code] ?? 300;
    for (let i = 0; i < count; i++) addCustomer(out, d, w, run, brand.code === 'AUX' && i === 0);
  }
  if (!out.demoCustomerId) throw new Error('demo data: no demo customer');
  return out;
}

function startBrand(d: Deps, w: World, brand: DemoBrand): BrandRun {
  const { network } = d;
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
  const hero = w.outlets.get(network.heroOutletId)!;
  const categories = brand.categories.map((c) => [c.code, CATEGORY_WEIGHT[`${brand.code}:${c.code}`] ?? 10] as const);
  const mobile = mobileSource(rng.fork('mobiles'));
  return { brand, brandId, rng, weights, hero, categories, mobile, seq: { serial: 0, contract: 0 } };
}

/** One customer with their phones, addresses and products. */
function addCustomer(out: CustomerRows, d: Deps, w: World, run: BrandRun, demo: boolean): void {
  const { brand, brandId, rng } = run;
  const home = demo ? run.hero : rng.weighted(run.weights);
  const place = w.placeNear(rng, home);
  const institution = !demo && rng.chance(0.05) ? rng.weighted(INSTITUTIONS) : null;
  const plan: Plan = { brand, brandId, home, place, institution, demo };
  const customerId = d.id();

  // ---------- the person or institution ----------
  const female = !institution && rng.chance(0.42);
  let name: string;
  if (demo) name = `张${rng.pick(MALE_GIVEN)}`;
  else if (institution) name = institutionName(rng, institution, w.cityName(place), w.countyName(place));
  else name = rng.pickSkewed(SURNAMES, 1.8) + (female ? rng.pick(FEMALE_GIVEN) : rng.pick(MALE_GIVEN));
  const tags: string[] = [];
  if (institution) tags.push(institution);
  if (!institution && rng.chance(0.07)) tags.push('vip');
  if (institution === 'institution:enterprise' || (institution && rng.chance(0.3)) || rng.chance(0.015)) {
    tags.push('key_account');
  }

  // ---------- products first: the customer is registered with the first purchase ----------
  const products = purchases(rng, w, plan, run.categories);
  const since = onDay(rng, products[0]!.purchase);
  const createdAt = since < w.now ? since : w.now;

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

  addPhones(out, d, w, run, plan, customerId, createdAt);
  const addresses = addAddresses(out, d, w, run, plan, customerId, createdAt);
  // refreshSearch: the name, then each address's detail and division name (primary first).
  out.searchText.set(customerId, [name, ...addresses.flatMap((a) => [a.detail, a.place.fullName])]);
  addProducts(out, rng, w, plan, customerId, products, run.seq, d.id);
}

/** The customer's purchases (two or three for institutions, three for the demo customer), oldest first. */
function purchases(rng: Rng, w: World, plan: Plan, categories: readonly (readonly [string, number])[]): ProductPlan[] {
  const productCount = plan.institution
    ? rng.int(2, 3)
    : plan.demo
      ? 3
      : rng.weighted([
          [1, 45],
          [2, 35],
          [3, 20],
        ] as const);
  const products = Array.from({ length: productCount }, (_, k) => productPlan(rng, w, plan, categories, k));
  products.sort((a, b) => (a.purchase < b.purchase ? -1 : a.purchase > b.purchase ? 1 : 0));
  return products;
}

/** A primary number (mobile, or a landline for some), and for some a second one. */
function addPhones(
  out: CustomerRows,
  d: Deps,
  w: World,
  run: BrandRun,
  plan: Plan,
  customerId: string,
  createdAt: Date,
): void {
  const { rng, mobile } = run;
  const { institution, demo } = plan;
  const areaCode = w.areaCodeOf(plan.place);
  const numbers: string[] = [];
  const wantLandline = areaCode !== null && (institution ? rng.chance(0.85) : rng.chance(0.12));
  if (demo) numbers.push(d.customerUserPhone);
  else if (wantLandline && (institution || rng.chance(0.3))) numbers.push(landlineRaw(rng, areaCode!, !!institution));
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
      brand_id: run.brandId,
      raw,
      normalized: n.normalized,
      kind: n.kind,
      is_primary: k === 0,
      created_at: createdAt,
    });
  });
}

/** The home (or the institution), sometimes a second one; returned primary first. */
function addAddresses(
  out: CustomerRows,
  d: Deps,
  w: World,
  run: BrandRun,
  plan: Plan,
  customerId: string,
  createdAt: Date,
) {
  const { rng } = run;
  const { place, institution } = plan;
  const addresses = [{ place, detail: addressDetail(rng, place, !!institution) }];
  if (!institution && rng.chance(0.08)) {
    const other = w.placeNear(rng, plan.home);
    addresses.push({ place: other, detail: addressDetail(rng, other, false) });
  }
  addresses.forEach((a, k) => {
    out.addresses.push({
      id: d.id(),
      customer_id: customerId,
      brand_id: run.brandId,
      division_code: a.place.divisionCode,
      detail: a.detail,
      urban_rural_override: null,
      is_primary: k === 0,
      created_at: createdAt,
    });
  });
  return addresses;
}
