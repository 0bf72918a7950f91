import type { Role } from '@aftercare/contracts';
import { sql } from 'kysely';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import type { AppContext } from '../src/platform/context.ts';
import { newId } from '../src/platform/ids.ts';
import { normalizePhone } from '../src/platform/phone.ts';
import { searchTokens } from '../src/platform/text-search.ts';
import { insertOrder, type OrderOverrides } from './order-factory.ts';

let seq = 0;
const next = () => `${process.pid % 1000}${++seq}`;

/**
 * Builders that write straight to the database with sensible defaults, for arranging tests.
 * Real divisions are used: 310115 上海市浦东新区, 310115004 潍坊新村街道 (urban), 310115125 张江镇 (rural).
 */
export class Factories {
  static readonly PASSWORD = 'test-password-123';
  private hashed: Promise<string> | null = null;
  private readonly ctx: Pick<AppContext, 'db' | 'clock'>;
  constructor(ctx: Pick<AppContext, 'db' | 'clock'>) {
    this.ctx = ctx;
  }

  private get now() {
    return this.ctx.clock.now();
  }

  async brand(over: Partial<{ code: string; name: string; categories: string[] }> = {}) {
    const id = newId();
    const code = over.code ?? `B${next()}`;
    await this.ctx.db
      .insertInto('brands')
      .values({
        id,
        code,
        name: over.name ?? `品牌${code}`,
        hotlines: ['4008001234'],
        created_at: this.now,
        updated_at: this.now,
      })
      .execute();
    const categories = over.categories ?? ['air_conditioner'];
    if (categories.length) {
      await this.ctx.db
        .insertInto('brand_categories')
        .values(categories.map((c) => ({ brand_id: id, code: c, name: c })))
        .execute();
    }
    return { id, code };
  }

  async region(brandId: string, over: Partial<{ code: string; name: string }> = {}) {
    const id = newId();
    await this.ctx.db
      .insertInto('regions')
      .values({
        id,
        brand_id: brandId,
        code: over.code ?? `R${next()}`,
        name: over.name ?? '华东大区',
        province_codes: ['310000'],
        created_at: this.now,
        updated_at: this.now,
      })
      .execute();
    return { id, brandId };
  }

  async center(brandId: string, regionId: string) {
    const id = newId();
    await this.ctx.db
      .insertInto('service_centers')
      .values({
        id,
        brand_id: brandId,
        region_id: regionId,
        code: `C${next()}`,
        name: '上海服务管理中心',
        division_code: '310115',
        created_at: this.now,
        updated_at: this.now,
      })
      .execute();
    return { id, brandId, regionId };
  }

  async outlet(
    brandId: string,
    over: Partial<{
      name: string;
      regionId: string | null;
      tier: string;
      status: string;
      coverage: string[];
      divisionCode: string;
    }> = {},
  ) {
    const id = newId();
    const code = `O${next()}`;
    const name = over.name ?? `浦东服务网点${code}`;
    await this.ctx.db
      .insertInto('outlets')
      .values({
        id,
        code,
        name,
        tier: over.tier ?? 'service_center',
        status: over.status ?? 'active',
        division_code: over.divisionCode ?? '310115004',
        address: '上海市浦东新区潍坊路100号',
        phone: '13812341234',
        created_at: this.now,
        updated_at: this.now,
        search: sql<string>`to_tsvector('simple', ${searchTokens(name, code)})`,
      })
      .execute();
    await this.ctx.db
      .insertInto('brand_outlets')
      .values({ brand_id: brandId, outlet_id: id, region_id: over.regionId ?? null, center_id: null })
      .execute();
    const coverage = over.coverage ?? ['310115'];
    if (coverage.length) {
      await this.ctx.db
        .insertInto('outlet_coverage')
        .values(coverage.map((c) => ({ outlet_id: id, division_code: c })))
        .execute();
    }
    await this.ctx.db
      .insertInto('outlet_authorizations')
      .values({ outlet_id: id, brand_id: brandId, category_code: 'air_conditioner', service_type: 'repair' })
      .execute();
    return { id, code, name };
  }

  async technician(outletId: string, over: Partial<{ name: string; licenceValidUntil: string | null }> = {}) {
    const id = newId();
    const code = `T${next()}`;
    const name = over.name ?? '王师傅';
    await this.ctx.db
      .insertInto('technicians')
      .values({
        id,
        outlet_id: outletId,
        code,
        name,
        phone: '13900001111',
        level: 'senior',
        licence_no: `SG${code}`,
        licence_valid_until: over.licenceValidUntil === undefined ? '2027-12-31' : over.licenceValidUntil,
        created_at: this.now,
        updated_at: this.now,
        search: sql<string>`to_tsvector('simple', ${searchTokens(name, code)})`,
      })
      .execute();
    await this.ctx.db
      .insertInto('technician_skills')
      .values({ technician_id: id, outlet_id: outletId, category_code: 'air_conditioner', service_type: 'repair' })
      .execute();
    return { id, code, outletId };
  }

  async model(
    brandId: string,
    over: Partial<{ code: string; name: string; categoryCode: string; status: string; specs: object }> = {},
  ) {
    const id = newId();
    const code = over.code ?? `M${next()}`;
    const name = over.name ?? `变频空调${code}`;
    await this.ctx.db
      .insertInto('product_models')
      .values({
        id,
        brand_id: brandId,
        category_code: over.categoryCode ?? 'air_conditioner',
        code,
        name,
        specs: JSON.stringify(over.specs ?? { capacity: '1.5匹' }),
        status: over.status ?? 'active',
        created_at: this.now,
        updated_at: this.now,
        search: sql<string>`to_tsvector('simple', ${searchTokens(name, code)})`,
      })
      .execute();
    return { id, code, brandId };
  }

  async part(
    brandId: string,
    over: Partial<{
      code: string;
      name: string;
      categoryCode: string;
      isMainPart: boolean;
      priceFen: number;
      status: string;
      modelIds: string[];
      warrantyTermMonths: number;
    }> = {},
  ) {
    const id = newId();
    const code = over.code ?? `P${next()}`;
    const name = over.name ?? `压缩机${code}`;
    await this.ctx.db
      .insertInto('parts')
      .values({
        id,
        brand_id: brandId,
        category_code: over.categoryCode ?? 'air_conditioner',
        code,
        name,
        is_main_part: over.isMainPart ?? false,
        price_fen: over.priceFen ?? 12850,
        warranty_term_months: over.warrantyTermMonths ?? null,
        status: over.status ?? 'active',
        created_at: this.now,
        updated_at: this.now,
        search: sql<string>`to_tsvector('simple', ${searchTokens(name, code)})`,
      })
      .execute();
    if (over.modelIds?.length) {
      await this.ctx.db
        .insertInto('model_parts')
        .values(over.modelIds.map((model_id) => ({ model_id, part_id: id })))
        .execute();
    }
    return { id, code, brandId };
  }

  async user(
    role: Role,
    scope: Partial<{
      brandIds: string[];
      regionIds: string[];
      outletId: string;
      technicianId: string;
      customerId: string;
    }> = {},
  ) {
    this.hashed ??= hashPassword(Factories.PASSWORD);
    const id = newId();
    const username = `${role}.${next()}`;
    await this.ctx.db
      .insertInto('users')
      .values({
        id,
        username,
        display_name: username,
        password_hash: await this.hashed,
        role,
        brand_ids: scope.brandIds ?? [],
        region_ids: scope.regionIds ?? [],
        outlet_id: scope.outletId ?? null,
        technician_id: scope.technicianId ?? null,
        customer_id: scope.customerId ?? null,
        created_at: this.now,
        updated_at: this.now,
      })
      .execute();
    return { id, username };
  }

  /** A customer of the brand with phones (any typed form, normalized here) and addresses. */
  async customer(
    brandId: string,
    over: Partial<{
      name: string;
      phones: string[];
      addresses: { divisionCode: string; detail: string }[];
      tags: string[];
      status: string;
    }> = {},
  ) {
    const id = newId();
    const name = over.name ?? `客户${next()}`;
    const addresses = over.addresses ?? [{ divisionCode: '310115004', detail: '潍坊路100弄1号101室' }];
    const divisions = addresses.length
      ? await this.ctx.db
          .selectFrom('divisions')
          .select(['code', 'full_name'])
          .where(
            'code',
            'in',
            addresses.map((a) => a.divisionCode),
          )
          .execute()
      : [];
    const tokens = searchTokens(
      name,
      ...addresses.flatMap((a) => [a.detail, divisions.find((d) => d.code === a.divisionCode)?.full_name]),
    );
    await this.ctx.db
      .insertInto('customers')
      .values({
        id,
        brand_id: brandId,
        name,
        tags: over.tags ?? [],
        consents: JSON.stringify({ serviceMessages: true, marketing: false, at: null }),
        status: over.status ?? 'active',
        created_at: this.now,
        updated_at: this.now,
        search: sql<string>`to_tsvector('simple', ${tokens})`,
      })
      .execute();
    const phones = over.phones ?? [`139${next().padStart(8, '0').slice(-8)}`];
    for (const [i, raw] of phones.entries()) {
      const n = normalizePhone(raw);
      if (!n) throw new Error(`factory: not a phone number: ${raw}`);
      await this.ctx.db
        .insertInto('customer_phones')
        .values({
          id: newId(),
          customer_id: id,
          brand_id: brandId,
          raw,
          normalized: n.normalized,
          kind: n.kind,
          is_primary: i === 0,
          created_at: this.now,
        })
        .execute();
    }
    for (const [i, a] of addresses.entries()) {
      await this.ctx.db
        .insertInto('customer_addresses')
        .values({
          id: newId(),
          customer_id: id,
          brand_id: brandId,
          division_code: a.divisionCode,
          detail: a.detail,
          is_primary: i === 0,
          created_at: this.now,
        })
        .execute();
    }
    return { id, brandId, name, phones: phones.map((p) => normalizePhone(p)!.normalized) };
  }

  /** An installed product of the customer (category air_conditioner, as the brand builder defines). */
  async product(
    customer: { id: string; brandId: string },
    over: Partial<{ serial: string | null; installingOutletId: string | null; categoryCode: string }> = {},
  ) {
    const id = newId();
    const serial = over.serial === undefined ? `SN${next().padStart(10, '0')}` : over.serial;
    await this.ctx.db
      .insertInto('installed_products')
      .values({
        id,
        brand_id: customer.brandId,
        customer_id: customer.id,
        category_code: over.categoryCode ?? 'air_conditioner',
        model_code: 'KFR-35GW',
        serial,
        purchase_date: '2025-06-01',
        installation_date: '2025-06-05',
        installing_outlet_id: over.installingOutletId ?? null,
        created_at: this.now,
        updated_at: this.now,
      })
      .execute();
    return { id, serial, customerId: customer.id, brandId: customer.brandId };
  }
  /** A work order in any status (see `insertOrder`), for tests of later steps. */
  async order(customer: { id: string; brandId: string }, over: OrderOverrides = {}) {
    return insertOrder(this.ctx.db, this.now, customer, over, `WO20260315-${next().padStart(6, '0').slice(-6)}`);
  }
}
