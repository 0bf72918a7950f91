import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let brandA: { id: string };
let brandB: { id: string };
let agentA: Caller;
let admin: Caller;

beforeAll(async () => {
  t = await createTestApp();
  brandA = await t.factories.brand();
  brandB = await t.factories.brand();
  agentA = await t.as('agent', { brandIds: [brandA.id] });
  admin = await t.as('platform_admin');
});
afterAll(async () => t?.close());

const ids = (items: { customer: { id: string } }[]) => items.map((i) => i.customer.id);

describe('duplicates', () => {
  it('finds customers sharing a number, or with the same name in the same division', async () => {
    const me = await t.factories.customer(brandA.id, {
      name: '周杰',
      phones: ['13700001111'],
      addresses: [{ divisionCode: '310115004', detail: '潍坊路1号' }],
    });
    const samePhone = await t.factories.customer(brandA.id, { name: '周太太', phones: ['+86 137 0000 1111'] });
    const sameName = await t.factories.customer(brandA.id, {
      name: '周杰',
      phones: ['13700002222'],
      addresses: [{ divisionCode: '310115004', detail: '潍坊路9号' }],
    });
    // Same name elsewhere, and the same number in another brand: not duplicates.
    await t.factories.customer(brandA.id, {
      name: '周杰',
      phones: ['13700003333'],
      addresses: [{ divisionCode: '110105', detail: '望京' }],
    });
    await t.factories.customer(brandB.id, { name: '周杰', phones: ['13700001111'] });

    const res = await t.get(`/api/v1/customers/${me.id}/duplicates`, agentA);
    expect(res.statusCode).toBe(200);
    expect(ids(res.data.items)).toEqual([samePhone.id, sameName.id]);
    expect(res.data.items.map((i: { reasons: string[] }) => i.reasons)).toEqual([['phone'], ['name_and_division']]);
  });
});

describe('merge', () => {
  it('moves phones, addresses and products to the survivor in one audited transaction', async () => {
    const survivor = await t.factories.customer(brandA.id, {
      name: '吴磊',
      phones: ['13600001111'],
      addresses: [{ divisionCode: '310115004', detail: '潍坊路5号' }],
      tags: ['vip'],
    });
    const other = await t.factories.customer(brandA.id, {
      name: '吴磊',
      phones: ['13600001111', '021-6123 9999'],
      addresses: [
        { divisionCode: '310115004', detail: '潍坊路5号' },
        { divisionCode: '310115125', detail: '张江镇1号' },
      ],
      tags: ['key_account'],
    });
    const product = await t.factories.product({ id: other.id, brandId: brandA.id });
    const login = await t.factories.user('customer', { customerId: other.id });

    const res = await t.post(`/api/v1/customers/${survivor.id}/merge`, agentA, { otherId: other.id });
    expect(res.statusCode).toBe(200);
    expect(res.data.phones.map((p: { number: string; isPrimary: boolean }) => [p.number, p.isPrimary])).toEqual([
      ['13600001111', true],
      ['02161239999', false],
    ]);
    expect(res.data.addresses.map((a: { detail: string }) => a.detail)).toEqual(['潍坊路5号', '张江镇1号']);
    expect(res.data.tags).toEqual(['vip', 'key_account']);

    const moved = await t.get(`/api/v1/products/${product.id}`, agentA);
    expect(moved.data.customerId).toBe(survivor.id);
    const user = await t.db
      .selectFrom('users')
      .select('customer_id')
      .where('id', '=', login.id)
      .executeTakeFirstOrThrow();
    expect(user.customer_id).toBe(survivor.id);

    const gone = await t.get(`/api/v1/customers/${other.id}`, agentA);
    expect(gone.data).toMatchObject({ status: 'merged', mergedInto: survivor.id, phones: [], addresses: [] });
    const list = await t.get('/api/v1/customers', agentA, { query: { q: '吴磊' } });
    expect(list.data.items.map((i: { id: string }) => i.id)).toEqual([survivor.id]);
    const lookup = await t.get('/api/v1/customers/lookup', agentA, { query: { phone: '02161239999' } });
    expect(lookup.data.customers.map((c: { customer: { id: string } }) => c.customer.id)).toEqual([survivor.id]);

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_id', 'in', [survivor.id, other.id])
      .orderBy('action')
      .execute();
    expect(audit).toEqual([
      { action: 'customer.merge', entity_id: survivor.id },
      { action: 'customer.merged_into', entity_id: other.id },
    ]);
    const events = await t.db.selectFrom('events').selectAll().where('aggregate_id', '=', survivor.id).execute();
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      [
        'customer.merged',
        { survivorId: survivor.id, mergedId: other.id, moved: { phones: 1, addresses: 1, products: 1 } },
      ],
    ]);

    // A merged record is history: no more edits or merges.
    const patch = await t.patch(`/api/v1/customers/${other.id}`, agentA, { name: '改名' });
    expect([patch.statusCode, patch.data.code]).toEqual([409, 'CUSTOMER_MERGED']);
    const again = await t.post(`/api/v1/customers/${survivor.id}/merge`, agentA, { otherId: other.id });
    expect([again.statusCode, again.data.code]).toEqual([409, 'CUSTOMER_MERGED']);
  });

  it('refuses self, foreign and cross-brand merges, writing nothing', async () => {
    const a = await t.factories.customer(brandA.id);
    const b = await t.factories.customer(brandB.id);
    const inspector = await t.as('quality_inspector', { brandIds: [brandA.id] });
    const audits = await t.count('audit_log');
    const cases: [Caller, string, string, number, string][] = [
      [agentA, a.id, a.id, 422, 'CUSTOMER_MERGE_SELF'],
      [agentA, a.id, b.id, 422, 'CUSTOMER_MERGE_OTHER_UNKNOWN'],
      [agentA, b.id, a.id, 404, 'NOT_FOUND'],
      [admin, a.id, b.id, 422, 'CUSTOMER_MERGE_BRAND_MISMATCH'],
    ];
    for (const [caller, id, otherId, status, code] of cases) {
      const res = await t.post(`/api/v1/customers/${id}/merge`, caller, { otherId });
      expect([res.statusCode, res.data.code]).toEqual([status, code]);
    }
    expect((await t.post(`/api/v1/customers/${a.id}/merge`, inspector, { otherId: b.id })).statusCode).toBe(403);
    expect(await t.count('audit_log')).toBe(audits);
  });
});
