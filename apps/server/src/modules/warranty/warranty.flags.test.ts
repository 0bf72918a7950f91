import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import type { Scope } from '../../platform/access/principal.ts';
import { newId } from '../../platform/ids.ts';
import { productView } from '../customers/products.repository.ts';
import { productsExpiringSoon } from './warranty.flags.ts';

let t: TestApp;
let customer: { id: string; brandId: string };
let auxCustomer: { id: string; brandId: string };
const all: Scope = { kind: 'all', brandIds: [], regionIds: [], outletId: null, technicianId: null, customerId: null };

beforeAll(async () => {
  t = await createTestApp();
  const brand = await t.factories.brand();
  const aux = await t.factories.brand();
  await t.db.updateTable('brands').set({ policy_pack: 'aux' }).where('id', '=', aux.id).execute();
  customer = await t.factories.customer(brand.id);
  auxCustomer = await t.factories.customer(aux.id);
});
afterAll(async () => t?.close());

async function stored(c: { id: string; brandId: string }, set: { purchase_date: string; has_invoice: boolean }) {
  const p = await t.factories.product(c);
  await t.db.updateTable('installed_products').set(set).where('id', '=', p.id).execute();
  return p.id;
}

const flagged = async (ids: string[]) => {
  const views = await Promise.all(ids.map((id) => productView(t.db, all, id)));
  return productsExpiringSoon(
    t.ctx,
    views.map((v) => v!),
  );
};

describe('warranty_expiring_30d', () => {
  it('flags a whole unit whose cover ends in 30 days, not in 31, nor one already out of cover', async () => {
    // Baseline, invoice 2026-03-20: the whole unit is covered through 2027-03-20.
    const id = await stored(customer, { purchase_date: '2026-03-20', has_invoice: true });
    t.clock.set('2027-02-17T02:00:00Z'); // 31 days left
    expect(await flagged([id])).toEqual(new Set());
    t.clock.set('2027-02-17T16:30:00Z'); // 00:30 on the 18th in Shanghai: 30 days left
    expect(await flagged([id])).toEqual(new Set([id]));
    t.clock.set('2027-03-20T15:00:00Z'); // 23:00 on the last day
    expect(await flagged([id])).toEqual(new Set([id]));
    t.clock.set('2027-03-20T16:00:00Z'); // the next day: out of cover, nothing left to expire
    expect(await flagged([id])).toEqual(new Set());
  });

  it('counts the brand’s own term (AUX 6 years) and needs a warranty start', async () => {
    const auxId = await stored(auxCustomer, { purchase_date: '2026-03-20', has_invoice: true });
    const noInvoice = await stored(customer, { purchase_date: '2026-03-20', has_invoice: false });
    t.clock.set('2027-03-01T02:00:00Z');
    expect(await flagged([auxId, noInvoice])).toEqual(new Set());
    t.clock.set('2032-03-01T02:00:00Z');
    expect(await flagged([auxId])).toEqual(new Set([auxId]));
  });

  it('an extended-warranty contract that carries the parts on means the cover does not end', async () => {
    const id = await stored(customer, { purchase_date: '2026-03-20', has_invoice: true });
    await t.db
      .insertInto('extended_warranty_contracts')
      .values({
        id: newId(),
        product_id: id,
        brand_id: customer.brandId,
        contract_no: `YB-${id.slice(0, 8)}`,
        starts_on: '2027-03-21',
        ends_on: '2029-03-20',
        covers: JSON.stringify({ parts: true, labor: true }),
        created_at: t.clock.now(),
      })
      .execute();
    t.clock.set('2027-03-01T02:00:00Z');
    expect(await flagged([id])).toEqual(new Set());
  });

  it('GET /customers/lookup flags the customer whose product’s cover ends within 30 days (day 30, not 31)', async () => {
    const owner = await t.factories.customer(customer.brandId, { phones: ['13912345678'] });
    const id = await stored(owner, { purchase_date: '2026-03-20', has_invoice: true });
    const user = await t.factories.user('agent', { brandIds: [customer.brandId] });
    const flagsOn = async (now: string) => {
      t.clock.set(now);
      // Sessions last hours: log in again at each moment.
      const agent = { userId: user.id, cookie: await t.login(user.username), role: 'agent' as const };
      const res = await t.get('/api/v1/customers/lookup', agent, { query: { phone: '13912345678' } });
      expect(res.statusCode, res.body).toBe(200);
      const entry = res.data.customers.find((c: { customer: { id: string } }) => c.customer.id === owner.id);
      expect(entry.products.map((p: { id: string }) => p.id)).toEqual([id]);
      return entry.flags as string[];
    };
    expect(await flagsOn('2027-02-17T02:00:00Z')).not.toContain('warranty_expiring_30d');
    expect(await flagsOn('2027-02-18T02:00:00Z')).toContain('warranty_expiring_30d');
    expect(await flagsOn('2027-03-21T02:00:00Z')).not.toContain('warranty_expiring_30d');
  });
});
