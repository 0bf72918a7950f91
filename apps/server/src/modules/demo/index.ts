import { type InsertObject, sql, type Transaction } from 'kysely';
import type { Tx } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { searchTokens } from '../../platform/text-search.ts';
import { hashPassword } from '../auth/passwords.ts';
import { buildCatalog } from './catalog-demo.ts';
import { buildCustomers } from './customers-demo.ts';
import { DEMO_PASSWORD } from './demo-users.ts';
import { buildDispatchPins } from './dispatch-pins-demo.ts';
import { loadDivisionIndex, loadTowns } from './divisions.ts';
import { buildFaultCodes } from './fault-codes-demo.ts';
import { mobileSource } from './names.ts';
import { buildNetwork } from './network.ts';
import { seedDemoOrdersWithPacks } from './orders-demo.ts';
import { buildPeople } from './people.ts';
import { placeOutlets } from './placement.ts';
import { idSource, Rng } from './random.ts';
import { buildUsers } from './users.ts';

export { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './demo-users.ts';

export interface DemoCounts {
  brands: number;
  regions: number;
  centers: number;
  outlets: number;
  technicians: number;
  users: number;
  models: number;
  parts: number;
  customers: number;
  products: number;
  contracts: number;
  /** Demo work orders (only when seeded with the packs, as the server does). */
  orders?: number;
}

/** Changing the seed changes every generated name, phone and placement. */
export const DEMO_SEED = 'aftercare-demo-v1';
// pg_advisory_xact_lock key: two processes starting on one empty database seed it once.
const LOCK_KEY = 0x41465443;

async function hasData(db: Tx): Promise<boolean> {
  const brand = await db.selectFrom('brands').select('id').limit(1).executeTakeFirst();
  if (brand) return true;
  const user = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return user !== undefined;
}

/** Multi-row inserts, sized to stay well under PostgreSQL's 65 535 parameters per statement. */
async function insertAll<T extends keyof DB & string>(trx: Transaction<DB>, table: T, rows: InsertObject<DB, T>[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const batch = Math.max(1, Math.floor(20_000 / columns));
  for (let i = 0; i < rows.length; i += batch) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + batch) as never)
      .execute();
  }
}

const tsvector = (...texts: string[]) => sql<string>`to_tsvector('simple', ${searchTokens(...texts)})`;

/**
 * Creates the demo data set on an empty database (no brands and no users): the seed programs' brands
 * (AUX, Gome, Midea, Fujitsu, Orlusa), their regions and management centers, a three-tier outlet
 * network on the real divisions, technicians, the demo logins, a product catalog, and ≈ 2 000
 * customers with ≈ 3 500 installed products where the brands' outlets are (the `customer` login is
 * one of them). Deterministic: the same divisions and clock give the same rows. Returns null when
 * there was already data.
 */
export async function seedDemoData(
  ctx: Pick<AppContext, 'db' | 'clock'> & Partial<Pick<AppContext, 'packs' | 'config'>>,
): Promise<DemoCounts | null> {
  if (await hasData(ctx.db)) return null;
  // Hashed once (argon2 is deliberately slow) and shared by every demo login.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const counts = await ctx.db.transaction().execute(async (trx): Promise<DemoCounts | null> => {
    await sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    if (await hasData(trx)) return null;
    const now = ctx.clock.now();
    const root = new Rng(DEMO_SEED);
    const id = idSource(root.fork('ids'), now);
    const mobile = mobileSource(root.fork('phones'));

    const index = await loadDivisionIndex(trx);
    const seeds = placeOutlets(index, root.fork('placement'));
    if (!seeds.some((s) => s.hero)) {
      throw new Error('demo data needs the national administrative divisions; load them first');
    }
    const towns = await loadTowns(
      trx,
      seeds.flatMap((s) => (s.townCoverageFrom ? [s.county.code, s.townCoverageFrom] : [s.county.code])),
    );
    const network = buildNetwork(seeds, { index, towns, rng: root.fork('network'), id, now, mobile });
    const people = buildPeople(
      network.outlets.map((row, i) => ({
        row,
        kind: seeds[i]!.kind,
        skills: network.outletSkills.get(row.id) ?? [],
      })),
      network.heroOutletId,
      { rng: root.fork('people'), id, now, mobile },
    );
    const hero = network.outlets.find((o) => o.id === network.heroOutletId)!;
    const users = buildUsers(network, hero.contact_name, people.heroTechnician, passwordHash, { id, now, mobile });
    // Drawn after everything else, so the catalog leaves the network's ids and names as they were.
    const catalog = buildCatalog(network.brandIds, { rng: root.fork('catalog'), id, now });
    // Customers live where the outlets are: the townships of every county an outlet covers.
    const coveredCounties = [...new Set(network.coverage.map((c) => c.division_code.slice(0, 6)))];
    const customerTowns = new Map([...towns, ...(await loadTowns(trx, coveredCounties))]);
    const customerUser = users.find((u) => u.username === 'customer')!;
    const customers = buildCustomers({
      network,
      catalog,
      index,
      towns: customerTowns,
      rng: root.fork('customers'),
      id,
      now,
      customerUserPhone: customerUser.phone!,
    });
    customerUser.customer_id = customers.demoCustomerId;

    await insertAll(trx, 'brands', network.brands);
    await insertAll(trx, 'brand_categories', network.categories);
    await insertAll(trx, 'regions', network.regions);
    await insertAll(trx, 'service_centers', network.centers);
    await insertAll(
      trx,
      'outlets',
      network.outlets.map((o) => ({ ...o, search: tsvector(o.name, o.code) })),
    );
    await insertAll(trx, 'brand_outlets', network.brandOutlets);
    await insertAll(trx, 'outlet_coverage', network.coverage);
    await insertAll(trx, 'outlet_authorizations', network.authorizations);
    await insertAll(
      trx,
      'technicians',
      people.technicians.map((t) => ({ ...t, search: tsvector(t.name, t.code) })),
    );
    await insertAll(trx, 'technician_skills', people.skills);
    await insertAll(trx, 'technician_trainings', people.trainings);
    await insertAll(trx, 'users', users);
    const searchOf = (rowId: string) => tsvector(...catalog.searchText.get(rowId)!);
    await insertAll(
      trx,
      'product_models',
      catalog.models.map((m) => ({ ...m, search: searchOf(m.id) })),
    );
    await insertAll(
      trx,
      'parts',
      catalog.parts.map((p) => ({ ...p, search: searchOf(p.id) })),
    );
    await insertAll(trx, 'model_parts', catalog.modelParts);
    await insertAll(trx, 'fault_codes', buildFaultCodes(network.brandIds));
    await insertAll(
      trx,
      'customers',
      customers.customers.map((c) => ({ ...c, search: tsvector(...customers.searchText.get(c.id)!) })),
    );
    await insertAll(trx, 'customer_phones', customers.phones);
    await insertAll(trx, 'customer_addresses', customers.addresses);
    await insertAll(trx, 'installed_products', customers.products);
    await insertAll(trx, 'extended_warranty_contracts', customers.contracts);
    await insertAll(trx, 'dispatch_pins', buildDispatchPins({ ...customers, ...network, id, now }));

    return {
      brands: network.brands.length,
      regions: network.regions.length,
      centers: network.centers.length,
      outlets: network.outlets.length,
      technicians: people.technicians.length,
      users: users.length,
      models: catalog.models.length,
      parts: catalog.parts.length,
      customers: customers.customers.length,
      products: customers.products.length,
      contracts: customers.contracts.length,
    };
  });
  // Work orders go through the real commands after the commit, with the packs loaded (section G's clocks).
  if (counts && ctx.packs && ctx.config)
    counts.orders = (await seedDemoOrdersWithPacks({ ...ctx, packs: ctx.packs, config: ctx.config })).orders.length;
  return counts;
}
