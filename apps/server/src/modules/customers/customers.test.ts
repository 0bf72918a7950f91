import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { listQuery } from './customers.repository.ts';

let t: TestApp;
let brandA: { id: string; code: string };
let brandB: { id: string; code: string };
let agentA: Caller;
let agentB: Caller;
let managerA: Caller;

beforeAll(async () => {
  t = await createTestApp();
  brandA = await t.factories.brand({ name: '奥克斯空调' });
  brandB = await t.factories.brand({ name: '富士通' });
  agentA = await t.as('agent', { brandIds: [brandA.id] });
  agentB = await t.as('agent', { brandIds: [brandB.id] });
  managerA = await t.as('service_manager', { brandIds: [brandA.id] });
});
afterAll(async () => t?.close());

const body = (over: Record<string, unknown> = {}) => ({
  brandId: brandA.id,
  name: '张秀英',
  gender: 'female',
  tags: ['vip'],
  language: '上海话',
  birthday: '1968-04-02',
  consents: { serviceMessages: true, marketing: false },
  phones: [{ number: '+86 138-0013-8000' }, { number: '(021)6123 4567转8', isPrimary: true }],
  addresses: [
    { divisionCode: '310115004', detail: '潍坊路200弄3号502室' },
    { divisionCode: '310115125', detail: '张江镇科苑路88号', isPrimary: true },
  ],
  ...over,
});

describe('customers', () => {
  it('creates a customer with normalized phones and classified addresses, audited', async () => {
    const res = await t.post('/api/v1/customers', agentA, body());
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      brandId: brandA.id,
      name: '张秀英',
      tags: ['vip'],
      birthday: '1968-04-02',
      status: 'active',
      mergedInto: null,
      consents: { serviceMessages: true, marketing: false, at: '2026-03-15T02:00:00.000Z' },
    });
    expect(res.data.phones).toEqual([
      expect.objectContaining({ number: '02161234567', kind: 'landline', isPrimary: true }),
      expect.objectContaining({ number: '13800138000', kind: 'mobile', isPrimary: false }),
    ]);
    expect(
      res.data.addresses.map((a: { urbanRural: string; isPrimary: boolean }) => [a.urbanRural, a.isPrimary]),
    ).toEqual([
      ['rural', true],
      ['urban', false],
    ]);
    expect(res.data.addresses[0].divisionName).toContain('张江镇');
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', res.data.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['customer.create']);
    const events = await t.db.selectFrom('events').selectAll().where('aggregate_id', '=', res.data.id).execute();
    expect(events.map((e) => e.type)).toEqual(['customer.created']);
  });

  it('refuses bad input with a code and writes nothing', async () => {
    const before = await t.count('customers');
    const cases: [Record<string, unknown>, number, string][] = [
      [{ phones: [{ number: '12345678' }] }, 422, 'CUSTOMER_PHONE_INVALID'],
      [{ addresses: [{ divisionCode: '999999', detail: '不存在' }] }, 422, 'CUSTOMER_DIVISION_UNKNOWN'],
      [
        {
          phones: [
            { number: '13800000001', isPrimary: true },
            { number: '13800000002', isPrimary: true },
          ],
        },
        422,
        'CUSTOMER_PRIMARY_TWICE',
      ],
      [{ brandId: brandB.id }, 422, 'CUSTOMER_BRAND_UNKNOWN'],
      [{ tags: ['celebrity'] }, 400, 'VALIDATION_FAILED'],
      [{ name: '', extra: 1 }, 400, 'VALIDATION_FAILED'],
      [{ birthday: '1968-13-40' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [over, status, code] of cases) {
      const res = await t.post('/api/v1/customers', agentA, body(over));
      expect([res.statusCode, res.data.code]).toEqual([status, code]);
    }
    expect(await t.count('customers')).toBe(before);
    expect(await t.count('customer_phones')).toBeGreaterThanOrEqual(0);
  });

  it('edits a customer: replaces the phones given, keeps what the PATCH leaves out, audits before and after', async () => {
    const c = await t.factories.customer(brandA.id, { name: '刘洋', phones: ['13911112222'] });
    const res = await t.patch(`/api/v1/customers/${c.id}`, agentA, {
      name: '刘阳',
      phones: [{ number: '139 1111 3333' }],
      consents: { serviceMessages: false, marketing: false },
    });
    expect(res.statusCode).toBe(200);
    expect(res.data.name).toBe('刘阳');
    expect(res.data.phones.map((p: { number: string }) => p.number)).toEqual(['13911113333']);
    expect(res.data.addresses).toHaveLength(1);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', c.id)
      .where('action', '=', 'customer.update')
      .executeTakeFirstOrThrow();
    expect((audit.before as { name: string }).name).toBe('刘洋');
    expect((audit.after as { name: string }).name).toBe('刘阳');
    // The search follows the new name.
    const found = await t.get('/api/v1/customers', agentA, { query: { q: '刘阳' } });
    expect(found.data.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
  });

  it("answers 404 for another brand's customer and keeps it out of lists", async () => {
    const c = await t.factories.customer(brandB.id, { name: '外品牌客户' });
    expect((await t.get(`/api/v1/customers/${c.id}`, agentA)).statusCode).toBe(404);
    expect((await t.patch(`/api/v1/customers/${c.id}`, agentA, { name: '改名' })).statusCode).toBe(404);
    expect((await t.get(`/api/v1/customers/${c.id}/duplicates`, agentA)).statusCode).toBe(404);
    const list = await t.get('/api/v1/customers', agentA, { query: { pageSize: '200' } });
    expect(list.data.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    expect((await t.get(`/api/v1/customers/${c.id}`, agentB)).statusCode).toBe(200);
  });

  it('masks phone numbers for roles without pii.phone', async () => {
    const c = await t.factories.customer(brandA.id, { phones: ['13812345678', '010-6655 4321'] });
    const masked = await t.get(`/api/v1/customers/${c.id}`, managerA);
    expect(masked.data.phones.map((p: { number: string }) => p.number)).toEqual(['138****5678', '010****4321']);
    const full = await t.get(`/api/v1/customers/${c.id}`, agentA);
    expect(full.data.phones.map((p: { number: string }) => p.number)).toEqual(['13812345678', '01066554321']);
    // A technician reaches a customer only through a job assigned to them, and sees phones masked.
    const outlet = await t.factories.outlet(brandA.id);
    const tech = await t.factories.technician(outlet.id);
    const technician = await t.as('technician', { outletId: outlet.id, technicianId: tech.id });
    expect((await t.get(`/api/v1/customers/${c.id}`, technician)).statusCode).toBe(404);
    await t.factories.order(c, { status: 'booked', outletId: outlet.id, technicianId: tech.id });
    const onJob = await t.get(`/api/v1/customers/${c.id}`, technician);
    expect(onJob.statusCode).toBe(200);
    expect(onJob.data.phones.map((p: { number: string }) => p.number)).toEqual(['138****5678', '010****4321']);
  });
});

describe('screen pop', () => {
  let caller: { id: string };
  let product: { id: string; serial: string | null };
  beforeAll(async () => {
    caller = await t.factories.customer(brandA.id, {
      name: '陈建国',
      phones: ['13812341234', '010-8765 4321'],
      tags: ['vip'],
    });
    product = await t.factories.product({ id: caller.id, brandId: brandA.id }, { serial: 'AUX2025KF0001' });
  });

  it('finds the caller by any form of their number, with products and flags', async () => {
    for (const phone of [
      '+86 138-1234-1234',
      '0086 13812341234',
      '１３８１２３４１２３４',
      '(010)87654321',
      '+86 10 8765 4321',
    ]) {
      const res = await t.get('/api/v1/customers/lookup', agentA, { query: { phone } });
      expect(res.statusCode).toBe(200);
      const ids = res.data.customers.map((c: { customer: { id: string } }) => c.customer.id);
      expect(ids).toEqual([caller.id]);
      expect(res.data.customers[0].products.map((p: { id: string }) => p.id)).toEqual([product.id]);
      expect(res.data.customers[0].flags).toEqual(['vip']);
      expect(res.data.customers[0].customer.addresses[0].urbanRural).toBe('urban');
    }
  });

  it('shows the open orders and the latest contacts, including one closed on the call', async () => {
    const open = await t.factories.order(
      { id: caller.id, brandId: brandA.id },
      { productId: product.id, status: 'booked' },
    );
    await t.factories.order({ id: caller.id, brandId: brandA.id }, { status: 'closed', type: 'guidance' });
    const res = await t.get('/api/v1/customers/lookup', agentA, { query: { phone: '13812341234' } });
    const hit = res.data.customers[0];
    expect(hit.openOrders.map((o: { id: string }) => o.id)).toEqual([open.id]);
    expect(hit.openOrders[0]).toMatchObject({ number: open.number, status: 'booked', productId: product.id });
    expect(hit.recentContacts.map((o: { status: string }) => o.status).sort()).toEqual(['booked', 'closed']);
    // Another brand's agent finds nobody (and no orders) for the same number.
    const other = await t.get('/api/v1/customers/lookup', agentB, { query: { phone: '13812341234' } });
    expect(other.data.customers).toEqual([]);
  });

  it('finds the owner by serial, in any letter case', async () => {
    const res = await t.get('/api/v1/customers/lookup', agentA, { query: { serial: 'aux2025kf0001' } });
    expect(res.data.customers.map((c: { customer: { id: string } }) => c.customer.id)).toEqual([caller.id]);
  });

  it('flags a possible duplicate when another customer shares the number', async () => {
    const spouse = await t.factories.customer(brandA.id, { name: '陈太太', phones: ['13812341234'] });
    const res = await t.get('/api/v1/customers/lookup', agentA, { query: { phone: '13812341234' } });
    const found = res.data.customers.map((c: { customer: { id: string }; flags: string[] }) => [
      c.customer.id,
      c.flags,
    ]);
    expect(found).toEqual([
      [caller.id, ['vip', 'possible_duplicate']],
      [spouse.id, ['possible_duplicate']],
    ]);
  });

  it('answers 422 for a number that is not whole and 400 without phone or serial', async () => {
    const bad = await t.get('/api/v1/customers/lookup', agentA, { query: { phone: '1234' } });
    expect([bad.statusCode, bad.data.code]).toEqual([422, 'CUSTOMER_LOOKUP_PHONE_INVALID']);
    expect((await t.get('/api/v1/customers/lookup', agentA)).statusCode).toBe(400);
  });

  it("finds nothing of another brand's customers", async () => {
    const res = await t.get('/api/v1/customers/lookup', agentB, { query: { phone: '13812341234' } });
    expect(res.data.customers).toEqual([]);
    const bySerial = await t.get('/api/v1/customers/lookup', agentB, { query: { serial: 'AUX2025KF0001' } });
    expect(bySerial.data.customers).toEqual([]);
  });
});

describe('search', () => {
  let wang: { id: string };
  beforeAll(async () => {
    wang = await t.factories.customer(brandA.id, {
      name: '王伟',
      phones: ['13698765432'],
      addresses: [{ divisionCode: '110105', detail: '望京西路48号' }],
    });
    await t.factories.product({ id: wang.id, brandId: brandA.id }, { serial: 'SEARCH-SN-77' });
    await t.factories.customer(brandB.id, { name: '王伟', addresses: [{ divisionCode: '110105', detail: '外品牌' }] });
  });

  const ids = async (q: string, caller = agentA) =>
    (await t.get('/api/v1/customers', caller, { query: { q } })).data.items.map((i: { id: string }) => i.id);

  it('finds by a two-character name, an address fragment, a phone prefix or tail, and a serial', async () => {
    expect(await ids('王伟')).toEqual([wang.id]);
    expect(await ids('朝阳')).toEqual([wang.id]);
    expect(await ids('望京')).toEqual([wang.id]);
    expect(await ids('1369876')).toEqual([wang.id]);
    expect(await ids('5432')).toEqual([wang.id]);
    expect(await ids('+86 136 9876 5432')).toEqual([wang.id]);
    expect(await ids('search-sn-77')).toEqual([wang.id]);
    expect(await ids('王五')).toEqual([]);
  });

  const scopeA = () => ({
    kind: 'brand' as const,
    brandIds: [brandA.id],
    regionIds: [],
    outletId: null,
    technicianId: null,
    customerId: null,
  });
  async function planOf(q: string) {
    const compiled = listQuery(t.db, scopeA(), { page: 1, pageSize: 20, q }).compile();
    return t.db.transaction().execute(async (trx) => {
      await trx.executeQuery(CompiledQuery.raw('SET LOCAL enable_seqscan = off'));
      const res = await trx.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`EXPLAIN ${compiled.sql}`, [...compiled.parameters]),
      );
      return res.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  }

  it('uses the indexes: search for a two-character name, reversed digits for a phone tail', async () => {
    // A brand with thousands of customers, so the planner has a real choice.
    await t.ctx.handle.query(
      `INSERT INTO customers (id, brand_id, name, consents, created_at, updated_at, search)
       SELECT gen_random_uuid(), $1, '客户' || i, '{}', now(), now(), to_tsvector('simple', '客 户 客户 ' || i)
       FROM generate_series(1, 3000) AS i`,
      [brandA.id],
    );
    await t.ctx.handle.query(
      `INSERT INTO customer_phones (id, customer_id, brand_id, raw, normalized, kind, created_at)
       SELECT gen_random_uuid(), id, brand_id, '', '135' || lpad((row_number() OVER ())::text, 8, '0'), 'mobile', now()
       FROM customers WHERE brand_id = $1 AND name LIKE '客户%'`,
      [brandA.id],
    );
    await t.ctx.handle.query('ANALYZE customers');
    await t.ctx.handle.query('ANALYZE customer_phones');
    expect(await planOf('王伟')).toMatch(/Bitmap Index Scan on customers_search_idx/);
    expect(await planOf('5432')).toMatch(/customer_phones_tail_idx/);
    expect(await planOf('13698')).toMatch(/customer_phones_(lookup|normalized)_idx/);
  });
});
