import type { Insertable } from 'kysely';
import type { ExtendedWarrantyContractsTable, InstalledProductsTable } from '../customers/customers.tables.ts';
import { INSTALLED, PROJECT_CATEGORIES, SERIAL_PREFIX, SERIAL_RULE } from './customers-demo.data.ts';
import type { Plan, World } from './customers-demo.places.ts';
import { addDays, addYears, minDate, onDay, storeName } from './customers-demo.text.ts';
import type { Rng } from './random.ts';

/** Whole-unit warranty in years as the policy packs give it (AUX air conditioners 6 years, else the 三包 year). */
export function wholeUnitYears(brandCode: string, categoryCode: string): number {
  return brandCode === 'AUX' && categoryCode === 'air_conditioner' ? 6 : 1;
}

/**
 * How a product's production date is recorded: without an invoice (where the date matters for the
 * warranty) and with a serial the brand's rule reads, the first of the serial's month, read from the
 * serial; otherwise the date as the factory gave it.
 */
export function productionRecord(
  brandCode: string,
  serial: string | null,
  production: string,
  invoice: boolean,
): { production_date: string; production_date_source: 'given' | 'serial'; production_date_rule: string | null } {
  const rule = SERIAL_RULE[brandCode];
  if (serial && !invoice && rule)
    return {
      production_date: `${production.slice(0, 7)}-01`,
      production_date_source: 'serial',
      production_date_rule: rule,
    };
  return { production_date: production, production_date_source: 'given', production_date_rule: null };
}

/** A purchase to record: what, when, where from, and whether it has an invoice or a contract. */
export interface ProductPlan {
  category: string;
  purchase: string;
  invoice: boolean;
  channel: string;
  forceHero: boolean;
  contract: boolean;
}

/** Running numbers of a brand's serials and contract numbers. */
export interface Sequences {
  serial: number;
  contract: number;
}

export interface ProductRows {
  products: Insertable<InstalledProductsTable>[];
  contracts: Insertable<ExtendedWarrantyContractsTable>[];
}

/** The customer's `k`-th purchase. */
export function productPlan(
  rng: Rng,
  w: World,
  plan: Plan,
  categories: readonly (readonly [string, number])[],
  k: number,
): ProductPlan {
  const { brand } = plan;
  const { today } = w;
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
function installerOf(rng: Rng, w: World, plan: Plan, category: string, forceHero: boolean): string | null {
  const can = (outletId: string) => w.installs.has(`${outletId}:${plan.brandId}:${category}`);
  if (forceHero || (can(plan.home.id) && rng.chance(0.85))) return plan.home.id;
  const near = new Set([
    ...(w.coveredBy.get(plan.place.divisionCode) ?? []),
    ...(w.coveredBy.get(plan.place.countyCode) ?? []),
  ]);
  const candidates = [...near].filter((o) => can(o) && w.outlets.get(o)!.status !== 'terminated').sort();
  if (candidates.length) return rng.pick(candidates);
  if (can(plan.home.id)) return plan.home.id;
  // No outlet covering the address installs the category: one from the same city or province
  // travels, or (now and then) the dealer's own installers did it and no outlet is on file.
  const authorized = w.installersOf.get(`${plan.brandId}:${category}`) ?? [];
  const city = authorized.filter((o) => o.division_code.startsWith(plan.place.cityCode.slice(0, 4)));
  const province = authorized.filter((o) => o.division_code.startsWith(plan.place.provinceCode.slice(0, 2)));
  const fallback = city.length ? city : province;
  return fallback.length && rng.chance(0.8) ? rng.pick(fallback).id : null;
}

/** The customer's installed products (machine records) and any extended-warranty contracts on them. */
export function addProducts(
  out: ProductRows,
  rng: Rng,
  w: World,
  plan: Plan,
  customerId: string,
  products: readonly ProductPlan[],
  seq: Sequences,
  id: () => string,
): void {
  const { brand, brandId, place, demo } = plan;
  const { today, now } = w;
  for (const p of products) {
    const productId = id();
    const models = w.modelsOf.get(`${brandId}:${p.category}`) ?? [];
    const model = models.length ? rng.pick(models) : null;
    const production = addDays(p.purchase, -rng.int(15, 150));
    seq.serial++;
    const serial = rng.chance(0.03)
      ? null
      : `${SERIAL_PREFIX[brand.code] ?? 'SN'}${production.slice(2, 4)}${production.slice(5, 7)}${rng.digits(3)}${String(seq.serial).padStart(6, '0')}`;
    const installed = INSTALLED.has(p.category);
    const shipped = p.channel === 'ecommerce';
    const delivery =
      installed || shipped || rng.chance(0.3)
        ? minDate(addDays(p.purchase, shipped ? rng.int(1, 4) : rng.int(0, 3)), today)
        : null;
    const installation = installed ? minDate(addDays(delivery ?? p.purchase, rng.int(0, 2)), today) : null;
    const installer = installed ? installerOf(rng, w, plan, p.category, p.forceHero) : null;
    const createdAtP = onDay(rng, p.purchase);
    const at = createdAtP < now ? createdAtP : now;
    out.products.push({
      id: productId,
      brand_id: brandId,
      customer_id: customerId,
      category_code: p.category,
      model_code: model,
      serial,
      ...productionRecord(brand.code, serial, production, p.invoice),
      purchase_date: p.purchase,
      has_invoice: p.invoice,
      invoice_photo_url: null,
      channel: p.channel,
      store: storeName(rng, p.channel, brand, place, w.cityName(place), w.countyName(place)),
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
      seq.contract++;
      const starts = addYears(p.purchase, wholeUnitYears(brand.code, p.category));
      const years = p.contract ? 3 : rng.int(1, 3);
      out.contracts.push({
        id: id(),
        product_id: productId,
        brand_id: brandId,
        contract_no: `YB${brand.code}${p.purchase.slice(0, 4)}${String(seq.contract).padStart(5, '0')}`,
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
