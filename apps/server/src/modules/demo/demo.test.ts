import { ROLE_SCOPE } from '@aftercare/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/template.ts';
import { loadConfig } from '../../config/env.ts';
import { ManualClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { buildApp } from '../../platform/http/app.ts';
import { normalizePhone } from '../../platform/phone.ts';
import { searchQuery } from '../../platform/text-search.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { refreshSearch } from '../customers/customers.repository.ts';
import { registerRoutes } from '../index.ts';
import { PackStore } from '../policies/index.ts';
import { PROVINCES } from './catalog.ts';
import { CITY_AREA_CODES, wholeUnitYears } from './customers-demo.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts';
import { postalPrefix, shortName } from './divisions.ts';
import { type DemoCounts, seedDemoData } from './index.ts';
import { idSource, Rng } from './random.ts';

const NOW = '2026-03-15T02:00:00Z';

/** What must come out the same from every run. */
async function fingerprint(db: Database) {
  const outlets = await db.selectFrom('outlets').select(['code', 'name', 'division_code']).orderBy('code').execute();
  const phones = await db.selectFrom('technicians').select(['code', 'phone']).orderBy('code').execute();
  const parts = await db
    .selectFrom('parts')
    .select(['id', 'code', 'price_fen'])
    .orderBy('brand_id')
    .orderBy('code')
    .execute();
  const customers = await db
    .selectFrom('customers')
    .select(['id', 'name', 'tags', 'created_at'])
    .orderBy('id')
    .execute();
  const customerPhones = await db
    .selectFrom('customer_phones')
    .select(['customer_id', 'raw', 'normalized'])
    .orderBy('id')
    .execute();
  const addresses = await db
    .selectFrom('customer_addresses')
    .select(['customer_id', 'division_code', 'detail'])
    .orderBy('id')
    .execute();
  const products = await db
    .selectFrom('installed_products')
    .select(['id', 'serial', 'model_code', 'purchase_date', 'installing_outlet_id'])
    .orderBy('id')
    .execute();
  return { outlets, phones, parts, customers, customerPhones, addresses, products };
}

describe('demo data', () => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: Database;
  let counts: DemoCounts | null;
  let first: Awaited<ReturnType<typeof fingerprint>>;
  const clock = new ManualClock(NOW);

  beforeAll(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    counts = await seedDemoData({ db, clock });
    first = await fingerprint(db);
  });
  afterAll(async () => {
    await handle?.drop();
  });

  it('creates the seed programs’ brands, with regions and management centers', async () => {
    expect(counts).not.toBeNull();
    const brands = await db.selectFrom('brands').select(['id', 'code', 'policy_pack', 'hotlines']).execute();
    expect(brands.length).toBeGreaterThanOrEqual(3);
    expect(brands.map((b) => b.code).sort()).toEqual(['AUX', 'FUJITSU', 'GOME', 'MIDEA', 'ORLUSA']);
    for (const b of brands) {
      expect(b.policy_pack).toBe(b.code.toLowerCase());
      expect(b.hotlines.every((h) => /^400\d{7}$/.test(h))).toBe(true);
    }
    const cats = await db.selectFrom('brand_categories').select(['brand_id', 'code']).execute();
    const aux = brands.find((b) => b.code === 'AUX')!;
    expect(cats.filter((c) => c.brand_id === aux.id).map((c) => c.code)).toContain('air_conditioner');

    const regions = await db.selectFrom('regions').select(['brand_id', 'name', 'province_codes']).execute();
    expect(regions.length).toBeGreaterThanOrEqual(10);
    for (const code of ['AUX', 'GOME', 'MIDEA']) {
      const id = brands.find((b) => b.code === code)!.id;
      expect(regions.filter((r) => r.brand_id === id).length).toBeGreaterThanOrEqual(10);
    }
    // Every province code of every region is a real province.
    const provinces = new Set(
      (await db.selectFrom('divisions').select('code').where('level', '=', 1).execute()).map((d) => d.code),
    );
    for (const r of regions) for (const p of r.province_codes) expect(provinces.has(p)).toBe(true);
    expect(counts!.centers).toBeGreaterThan(regions.length);
  });

  it('builds a three-tier network of 200+ outlets on real divisions', async () => {
    const byTier = await db
      .selectFrom('outlets')
      .select(['tier', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('tier')
      .execute();
    const n = Object.fromEntries(byTier.map((r) => [r.tier, Number(r.n)]));
    expect(n.service_center).toBeGreaterThan(0);
    expect(n.specialist).toBeGreaterThan(0);
    expect(n.authorized).toBeGreaterThan(0);
    expect(Object.values(n).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(200);

    const orphans = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM outlets o
      WHERE NOT EXISTS (SELECT 1 FROM divisions d WHERE d.code = o.division_code)`.execute(db);
    expect(orphans.rows[0]!.n).toBe(0);

    // The tower: every lower-tier outlet sits under a service center; statuses are mostly active.
    const tower = await sql<{ tier: string; parent_tier: string | null }>`
      SELECT o.tier, p.tier AS parent_tier FROM outlets o LEFT JOIN outlets p ON p.id = o.parent_outlet_id`.execute(db);
    for (const r of tower.rows) {
      expect(r.parent_tier).toBe(r.tier === 'service_center' ? null : 'service_center');
    }
    const statuses = await db.selectFrom('outlets').select('status').execute();
    const active = statuses.filter((s) => s.status === 'active').length;
    expect(active / statuses.length).toBeGreaterThan(0.75);
    expect(new Set(statuses.map((s) => s.status)).size).toBeGreaterThan(1);

    // Many-to-many brands, each link placed in the brand's region and center.
    const links = await db.selectFrom('brand_outlets').selectAll().execute();
    const perOutlet = new Map<string, number>();
    for (const l of links) perOutlet.set(l.outlet_id, (perOutlet.get(l.outlet_id) ?? 0) + 1);
    expect([...perOutlet.values()].filter((c) => c >= 2).length).toBeGreaterThan(50);
    expect(perOutlet.size).toBe(statuses.length);
    expect(links.every((l) => l.region_id && l.center_id)).toBe(true);

    // Coverage holds the outlet's own county; authorizations exist for every brand link.
    const uncovered = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM outlets o
      WHERE NOT EXISTS (SELECT 1 FROM outlet_coverage c WHERE c.outlet_id = o.id
                        AND c.division_code = left(o.division_code, 6))`.execute(db);
    expect(uncovered.rows[0]!.n).toBe(0);
    const unauthorized = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM brand_outlets bo
      WHERE NOT EXISTS (SELECT 1 FROM outlet_authorizations a
                        WHERE a.outlet_id = bo.outlet_id AND a.brand_id = bo.brand_id)`.execute(db);
    expect(unauthorized.rows[0]!.n).toBe(0);

    // The search column is filled: a two-character city name finds outlets.
    const found = await db
      .selectFrom('outlets')
      .select('name')
      .where(sql<boolean>`search @@ to_tsquery('simple', ${searchQuery('杭州')})`)
      .execute();
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((o) => o.name.includes('杭州'))).toBe(true);
  });

  it('gives every brand category a few models and parts, main parts flagged, prices in fen', async () => {
    expect(counts!.models).toBeGreaterThanOrEqual(50);
    expect(counts!.parts).toBeGreaterThanOrEqual(80);
    const uncatalogued = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM brand_categories c
      WHERE NOT EXISTS (SELECT 1 FROM product_models m WHERE m.brand_id = c.brand_id AND m.category_code = c.code)
         OR NOT EXISTS (SELECT 1 FROM parts p WHERE p.brand_id = c.brand_id AND p.category_code = c.code
                        AND p.is_main_part)`.execute(db);
    expect(uncatalogued.rows[0]!.n).toBe(0);
    const compressors = await db
      .selectFrom('parts')
      .innerJoin('brands', 'brands.id', 'parts.brand_id')
      .select(['brands.code as brand', 'parts.price_fen', 'parts.is_main_part'])
      .where('parts.category_code', '=', 'air_conditioner')
      .where('parts.name', '=', '变频压缩机')
      .execute();
    expect(compressors.map((c) => c.brand).sort()).toEqual(['AUX', 'GOME', 'MIDEA']);
    expect(compressors.every((c) => c.is_main_part && Number.isInteger(c.price_fen) && c.price_fen > 100_000)).toBe(
      true,
    );
    const fitted = await db.selectFrom('model_parts').select('part_id').execute();
    expect(fitted.length).toBeGreaterThan(counts!.parts);
    const found = await db
      .selectFrom('product_models')
      .select('name')
      .where(sql<boolean>`search @@ to_tsquery('simple', ${searchQuery('挂机')})`)
      .execute();
    expect(found.length).toBeGreaterThan(0);
  });

  it('staffs the outlets with 1000+ licensed technicians', async () => {
    const techs = await db
      .selectFrom('technicians')
      .select(['id', 'name', 'phone', 'licence_no', 'licence_valid_until'])
      .execute();
    expect(techs.length).toBeGreaterThanOrEqual(1000);
    expect(techs.every((t) => /^1[3-9]\d{9}$/.test(t.phone))).toBe(true);
    expect(new Set(techs.map((t) => t.phone)).size).toBe(techs.length);
    expect(techs.every((t) => /^[\u4e00-\u9fff]{2,3}$/.test(t.name))).toBe(true);
    const day = (d: unknown) => new Date(d as string).getTime();
    const now = new Date(NOW).getTime();
    const expired = techs.filter((t) => t.licence_valid_until && day(t.licence_valid_until) < now - 86_400_000);
    const expiring = techs.filter(
      (t) =>
        t.licence_valid_until && day(t.licence_valid_until) > now && day(t.licence_valid_until) < now + 30 * 86_400_000,
    );
    expect(expired.length).toBeGreaterThan(10);
    expect(expiring.length).toBeGreaterThan(10);

    const skilled = await sql<{ n: number }>`
      SELECT count(DISTINCT technician_id)::int AS n FROM technician_skills`.execute(db);
    expect(skilled.rows[0]!.n).toBe(techs.length);
    const trained = await sql<{ n: number }>`
      SELECT count(DISTINCT technician_id)::int AS n FROM technician_trainings`.execute(db);
    expect(trained.rows[0]!.n).toBe(techs.length);
  });

  it('creates every demo login with a complete scope', async () => {
    const users = await db.selectFrom('users').selectAll().execute();
    const brands = await db.selectFrom('brands').select(['id', 'code']).execute();
    const code = new Map(brands.map((b) => [b.id, b.code]));
    for (const demo of DEMO_USERS) {
      const u = users.find((x) => x.username === demo.username);
      expect(u, demo.username).toBeDefined();
      expect(u!.role).toBe(demo.role);
      const kind = ROLE_SCOPE[demo.role];
      if (kind === 'brand') expect(u!.brand_ids.length, demo.username).toBeGreaterThan(0);
      if (kind === 'outlet') expect(u!.outlet_id, demo.username).not.toBeNull();
      if (kind === 'technician') {
        expect(u!.technician_id).not.toBeNull();
        const tech = await db
          .selectFrom('technicians')
          .select(['outlet_id', 'licence_valid_until', 'status'])
          .where('id', '=', u!.technician_id!)
          .executeTakeFirstOrThrow();
        expect(tech.outlet_id).toBe(u!.outlet_id);
        expect(tech.status).toBe('active');
        expect(new Date(tech.licence_valid_until!).getTime()).toBeGreaterThan(new Date(NOW).getTime());
      }
      if (demo.username.startsWith('aux.')) expect(u!.brand_ids.map((id) => code.get(id))).toEqual(['AUX']);
    }
    const byName = (n: string) => users.find((u) => u.username === n)!;
    expect(
      byName('gome.agent')
        .brand_ids.map((id) => code.get(id))
        .sort(),
    ).toEqual(['GOME', 'MIDEA', 'ORLUSA']);
    // The customer login is one of the demo customers, with machines on file.
    const own = await db
      .selectFrom('installed_products')
      .select('id')
      .where('customer_id', '=', byName('customer').customer_id!)
      .execute();
    expect(own.length).toBeGreaterThanOrEqual(2);

    const east = await db
      .selectFrom('regions')
      .select(['id', 'brand_id', 'name'])
      .where('id', '=', byName('aux.east.manager').region_ids[0]!)
      .executeTakeFirstOrThrow();
    expect(code.get(east.brand_id)).toBe('AUX');
    expect(east.name).toBe('华东大区');

    // The outlet manager's outlet serves AUX and another brand, inside AUX's east region.
    const links = await db
      .selectFrom('brand_outlets')
      .select(['brand_id', 'region_id'])
      .where('outlet_id', '=', byName('outlet.manager').outlet_id!)
      .execute();
    expect(links.map((l) => code.get(l.brand_id))).toContain('AUX');
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(links.find((l) => code.get(l.brand_id) === 'AUX')!.region_id).toBe(east.id);

    // One hash for everyone, and it is the demo password.
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(1);
    expect(await verifyPassword(users[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('creates ≈ 2 000 customers per brand with normalized phones and addresses on real divisions', async () => {
    expect(counts!.customers).toBeGreaterThanOrEqual(1800);
    const perBrand = await sql<{ code: string; n: number }>`
      SELECT b.code, count(*)::int AS n FROM customers c JOIN brands b ON b.id = c.brand_id GROUP BY b.code`.execute(
      db,
    );
    expect(perBrand.rows.length).toBe(5);
    for (const r of perBrand.rows) expect(r.n, r.code).toBeGreaterThanOrEqual(200);

    // Every phone is stored exactly as the app normalizes what was typed; both kinds and several forms occur.
    const phones = await db.selectFrom('customer_phones').select(['raw', 'normalized', 'kind']).execute();
    for (const ph of phones) {
      expect(normalizePhone(ph.raw), ph.raw).toEqual({ normalized: ph.normalized, kind: ph.kind });
    }
    expect(phones.filter((p) => p.kind === 'landline').length).toBeGreaterThan(50);
    expect(phones.filter((p) => p.kind === 'mobile').length).toBeGreaterThan(phones.length * 0.7);
    expect(phones.filter((p) => p.raw !== p.normalized).length).toBeGreaterThan(100);
    // Landlines carry the real area code of a city the customer lives in.
    const areaCodes = [...PROVINCES.map((p) => p.areaCode), ...Object.values(CITY_AREA_CODES)];
    for (const ph of phones.filter((p) => p.kind === 'landline')) {
      expect(
        areaCodes.some((code) => ph.normalized.startsWith(code)),
        ph.raw,
      ).toBe(true);
    }

    // One primary phone and one primary address each; every address on an existing division.
    const shape = await sql<{ bad: number }>`
      SELECT count(*)::int AS bad FROM customers c
      WHERE (SELECT count(*) FROM customer_phones p WHERE p.customer_id = c.id AND p.is_primary) <> 1
         OR (SELECT count(*) FROM customer_addresses a WHERE a.customer_id = c.id AND a.is_primary) <> 1
         OR NOT EXISTS (SELECT 1 FROM installed_products ip WHERE ip.customer_id = c.id)`.execute(db);
    expect(shape.rows[0]!.bad).toBe(0);
    const orphans = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM customer_addresses a
      WHERE NOT EXISTS (SELECT 1 FROM divisions d WHERE d.code = a.division_code)`.execute(db);
    expect(orphans.rows[0]!.n).toBe(0);
    const townships = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM customer_addresses a JOIN divisions d ON d.code = a.division_code
      WHERE d.level = 4`.execute(db);
    expect(townships.rows[0]!.n).toBeGreaterThan(1000);

    const customers = await db.selectFrom('customers').select(['id', 'name', 'tags', 'birthday', 'consents']).execute();
    const tagged = (t: string) => customers.filter((c) => c.tags.includes(t)).length;
    expect(tagged('vip')).toBeGreaterThan(50);
    expect(tagged('key_account')).toBeGreaterThan(10);
    expect(tagged('institution:hospital')).toBeGreaterThan(5);
    expect(tagged('institution:school')).toBeGreaterThan(5);
    expect(customers.filter((c) => c.birthday).length).toBeGreaterThan(50);
    expect(customers.filter((c) => (c.consents as { marketing: boolean }).marketing).length).toBeGreaterThan(50);
    expect(customers.every((c) => /^[\u4e00-\u9fff（）]{2,}$/.test(c.name))).toBe(true);

    // The search column is what the app itself computes (refreshSearch) for the same record.
    const sample = customers.slice(0, 40).map((c) => c.id);
    const before = await sql<{ id: string; s: string }>`
      SELECT id, search::text AS s FROM customers WHERE id IN (${sql.join(sample)}) ORDER BY id`.execute(db);
    await db.transaction().execute(async (trx) => {
      for (const id of sample) await refreshSearch(trx, id);
      const after = await sql<{ id: string; s: string }>`
        SELECT id, search::text AS s FROM customers WHERE id IN (${sql.join(sample)}) ORDER BY id`.execute(trx);
      expect(after.rows).toEqual(before.rows);
    });
    const hangzhou = await db
      .selectFrom('customers')
      .select('id')
      .where(sql<boolean>`search @@ to_tsquery('simple', ${searchQuery('杭州')})`)
      .execute();
    expect(hangzhou.length).toBeGreaterThan(10);
  });

  it('gives them ≈ 3 500 catalogued products bought over eight years, installed by outlets of the brand', async () => {
    expect(counts!.products).toBeGreaterThanOrEqual(3000);
    expect(counts!.contracts).toBeGreaterThan(20);
    const uncatalogued = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM installed_products ip
      WHERE NOT EXISTS (SELECT 1 FROM product_models m WHERE m.brand_id = ip.brand_id
                          AND m.category_code = ip.category_code AND m.code = ip.model_code)`.execute(db);
    expect(uncatalogued.rows[0]!.n).toBe(0);
    // The installing outlet serves the brand, and mostly covers the customer's address (else it is nearby).
    const foreign = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM installed_products ip
      WHERE ip.installing_outlet_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM brand_outlets bo
        WHERE bo.outlet_id = ip.installing_outlet_id AND bo.brand_id = ip.brand_id)`.execute(db);
    expect(foreign.rows[0]!.n).toBe(0);
    const covering = await sql<{ installed: number; covering: number }>`
      SELECT count(*)::int AS installed,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM outlet_coverage oc WHERE oc.outlet_id = ip.installing_outlet_id
               AND oc.division_code IN (a.division_code, left(a.division_code, 6))))::int AS covering
      FROM installed_products ip
      JOIN customer_addresses a ON a.customer_id = ip.customer_id AND a.is_primary
      WHERE ip.installing_outlet_id IS NOT NULL`.execute(db);
    expect(covering.rows[0]!.installed).toBeGreaterThan(2000);
    expect(covering.rows[0]!.covering / covering.rows[0]!.installed).toBeGreaterThan(0.8);

    const products = await db
      .selectFrom('installed_products')
      .innerJoin('brands', 'brands.id', 'installed_products.brand_id')
      .select(['brands.code as brand', 'category_code', 'serial', 'purchase_date', 'installation_date', 'has_invoice'])
      .execute();
    const today = new Date(NOW).getTime();
    const day = (d: unknown) => new Date(d as string).getTime();
    const ends = (p: (typeof products)[number]) => {
      const at = new Date(p.purchase_date as unknown as string);
      at.setUTCFullYear(at.getUTCFullYear() + wholeUnitYears(p.brand, p.category_code));
      return at.getTime();
    };
    for (const p of products) {
      expect(day(p.purchase_date)).toBeLessThanOrEqual(today);
      expect(day(p.purchase_date)).toBeGreaterThan(today - (8 * 365 + 40) * 86_400_000);
      if (p.installation_date) expect(day(p.installation_date)).toBeGreaterThanOrEqual(day(p.purchase_date));
      if (p.serial) expect(p.serial).toMatch(/^[A-Z0-9]{8,}$/);
    }
    const inWarranty = products.filter((p) => ends(p) > today);
    const endingSoon = inWarranty.filter((p) => ends(p) < today + 30 * 86_400_000);
    expect(inWarranty.length).toBeGreaterThan(500);
    expect(products.length - inWarranty.length).toBeGreaterThan(500);
    expect(endingSoon.length).toBeGreaterThan(50);
    const invoiced = products.filter((p) => p.has_invoice).length;
    expect(invoiced).toBeGreaterThan(products.length / 2);
    expect(invoiced).toBeLessThan(products.length);

    const hero = await db
      .selectFrom('users')
      .select('outlet_id')
      .where('username', '=', 'outlet.manager')
      .executeTakeFirstOrThrow();
    const byHero = await db
      .selectFrom('installed_products')
      .select('customer_id')
      .distinct()
      .where('installing_outlet_id', '=', hero.outlet_id!)
      .execute();
    expect(byHero.length).toBeGreaterThanOrEqual(20);
  });

  it('shows the customer login its own record and the outlet manager the customers its outlet installed for', async () => {
    const config = loadConfig({ AFTERCARE_DEMO: 'true', LOG_LEVEL: 'silent' });
    const app = await buildApp(
      { config, handle, db, clock, packs: new PackStore(db, clock) },
      { logger: false, routes: registerRoutes, webDistDir: null },
    );
    const login = async (username: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: DEMO_PASSWORD },
      });
      expect(res.statusCode, username).toBe(200);
      return { aftercare_session: res.cookies.find((c) => c.name === 'aftercare_session')!.value };
    };
    try {
      const users = await db.selectFrom('users').select(['username', 'customer_id', 'outlet_id', 'phone']).execute();
      const me = users.find((u) => u.username === 'customer')!;
      const asCustomer = await login('customer');
      const mine = await app.inject({ method: 'GET', url: `/api/v1/customers/${me.customer_id}`, cookies: asCustomer });
      expect(mine.statusCode).toBe(200);
      expect(mine.json().id).toBe(me.customer_id);
      // Their primary number is the login's phone (shown masked, as to every customer).
      const primary = (mine.json().phones as { number: string; isPrimary: boolean }[]).find((p) => p.isPrimary)!;
      expect(primary.number.slice(-4)).toBe(me.phone!.slice(-4));
      expect(mine.json().addresses.length).toBeGreaterThan(0);
      // Their machines as the warranty engine sees them: one in its six years, one whose six years end
      // within the month, one past its year but under an extended-warranty contract.
      const products = await db
        .selectFrom('installed_products')
        .select('id')
        .where('customer_id', '=', me.customer_id!)
        .execute();
      const parts: { covered: boolean; until: string | null; clause: { contract?: string } }[] = [];
      for (const p of products) {
        const res = await app.inject({ method: 'GET', url: `/api/v1/products/${p.id}/warranty`, cookies: asCustomer });
        expect(res.statusCode).toBe(200);
        parts.push(res.json().verdict.components.parts);
      }
      expect(parts.every((c) => c.covered)).toBe(true);
      const soon = new Date(new Date(NOW).getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
      expect(parts.some((c) => !c.clause.contract && c.until! < soon)).toBe(true);
      expect(parts.some((c) => c.clause.contract)).toBe(true);
      const someoneElse = await db
        .selectFrom('customers')
        .select('id')
        .where('id', '<>', me.customer_id!)
        .limit(1)
        .executeTakeFirstOrThrow();
      const theirs = await app.inject({
        method: 'GET',
        url: `/api/v1/customers/${someoneElse.id}`,
        cookies: asCustomer,
      });
      expect(theirs.statusCode).toBe(404);

      const outletId = users.find((u) => u.username === 'outlet.manager')!.outlet_id!;
      const installed = new Set(
        (
          await db
            .selectFrom('installed_products')
            .select('customer_id')
            .where('installing_outlet_id', '=', outletId)
            .execute()
        ).map((r) => r.customer_id),
      );
      const asManager = await login('outlet.manager');
      const seen: string[] = [];
      for (let page = 1; ; page++) {
        const res = await app.inject({
          method: 'GET',
          url: `/api/v1/customers?pageSize=200&page=${page}`,
          cookies: asManager,
        });
        expect(res.statusCode).toBe(200);
        const items = res.json().items as { id: string }[];
        seen.push(...items.map((c) => c.id));
        if (items.length < 200) break;
      }
      expect(seen.length).toBeGreaterThanOrEqual(20);
      expect(seen.every((id) => installed.has(id))).toBe(true);
      expect(new Set(seen).size).toBe(installed.size);
    } finally {
      await app.close();
    }
  });

  it('lets every demo login sign in with the demo password and see its part', async () => {
    const config = loadConfig({ AFTERCARE_DEMO: 'true', LOG_LEVEL: 'silent' });
    const app = await buildApp(
      { config, handle, db, clock, packs: new PackStore(db, clock) },
      { logger: false, routes: registerRoutes, webDistDir: null },
    );
    try {
      const brandsSeenBy: Record<string, string[]> = {};
      for (const demo of DEMO_USERS) {
        const login = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: demo.username, password: DEMO_PASSWORD },
        });
        expect(login.statusCode, demo.username).toBe(200);
        expect(login.json().scope.kind).toBe(demo.username === 'aux.east.manager' ? 'region' : ROLE_SCOPE[demo.role]);
        const cookie = login.cookies.find((c) => c.name === 'aftercare_session')!;
        const res = await app.inject({
          method: 'GET',
          url: '/api/v1/brands?pageSize=50',
          cookies: { aftercare_session: cookie.value },
        });
        if (res.statusCode === 200) {
          brandsSeenBy[demo.username] = res
            .json()
            .items.map((b: { code: string }) => b.code)
            .sort();
        }
      }
      expect(brandsSeenBy.admin).toEqual(['AUX', 'FUJITSU', 'GOME', 'MIDEA', 'ORLUSA']);
      expect(brandsSeenBy['aux.manager']).toEqual(['AUX']);
      expect(brandsSeenBy['gome.agent']).toEqual(['GOME', 'MIDEA', 'ORLUSA']);
      expect(brandsSeenBy['outlet.manager']).toEqual(['AUX', 'GOME', 'MIDEA']);
    } finally {
      await app.close();
    }
  });

  it('does nothing on a database that already has data', async () => {
    const before = await fingerprint(db);
    expect(await seedDemoData({ db, clock })).toBeNull();
    expect(await fingerprint(db)).toEqual(before);
    const users = await db.selectFrom('users').select('id').execute();
    expect(users.length).toBe(counts!.users);
  });

  it('is deterministic: a second fresh database gets the same outlets, phones, customers and products', async () => {
    const other = await openTestDatabase();
    try {
      const again = await seedDemoData({ db: other.db, clock: new ManualClock(NOW) });
      expect(again).toEqual(counts);
      expect(await fingerprint(other.db)).toEqual(first);
    } finally {
      await other.drop();
    }
  });
});

describe('demo data helpers', () => {
  it('shortens division names the way people say them', () => {
    expect(shortName('天河区')).toBe('天河');
    expect(shortName('浦东新区')).toBe('浦东');
    expect(shortName('长阳土家族自治县')).toBe('长阳');
    expect(shortName('黔东南苗族侗族自治州')).toBe('黔东南');
    expect(shortName('东乡族自治县')).toBe('东乡');
    expect(shortName('鄂伦春自治旗')).toBe('鄂伦春');
    expect(shortName('锡林郭勒盟')).toBe('锡林郭勒');
    expect(shortName('阿里地区')).toBe('阿里');
    expect(shortName('南县')).toBe('南县');
    expect(postalPrefix('广东省 东莞市 东莞市 东城街道')).toBe('广东省东莞市东城街道');
  });

  it('repeats the same random stream for the same seed, and forks independent ones', () => {
    const a = new Rng('x');
    const b = new Rng('x');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(new Rng('x').fork('one').next()).not.toBe(new Rng('x').fork('two').next());
    const r = new Rng(1);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(2, 5);
      expect(n >= 2 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
  });

  it('makes sortable UUIDv7 ids stamped with the clock', () => {
    const at = new Date(NOW);
    const next = idSource(new Rng('ids'), at);
    const ids = Array.from({ length: 300 }, next);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(Number.parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(at.getTime());
  });
});
