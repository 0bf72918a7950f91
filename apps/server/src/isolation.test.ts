/**
 * Isolation suite: walks every /api/v1 route the app registers and proves that a caller never
 * reaches another outlet's or brand's data — by id (404), in lists and searches (absent), or by
 * creating under a foreign parent (refused, nothing written). A new route that this suite does not
 * know fails the first test until it is classified here.
 */

import { hasCapability, type Role } from '@aftercare/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../test/index.ts';
import { breachOf } from './modules/assessments/assessments.fixture.ts';
import type { ResourceKind } from './platform/access/rules.ts';
import type { RouteInfo } from './platform/http/app.ts';

let t: TestApp;

type World = Awaited<ReturnType<typeof buildWorld>>;
let w: World;

async function buildWorld(t: TestApp) {
  const f = t.factories;
  const brandA = await f.brand({ name: '甲品牌' });
  const brandB = await f.brand({ name: '乙品牌' });
  const regionA = await f.region(brandA.id);
  const regionA2 = await f.region(brandA.id, { name: '华南大区' });
  const regionB = await f.region(brandB.id);
  const centerA = await f.center(brandA.id, regionA.id);
  const centerB = await f.center(brandB.id, regionB.id);
  const outletA = await f.outlet(brandA.id, { regionId: regionA.id });
  const outletA2 = await f.outlet(brandA.id, { regionId: regionA2.id });
  const outletB = await f.outlet(brandB.id, { regionId: regionB.id });
  const techA = await f.technician(outletA.id);
  const techA2 = await f.technician(outletA2.id);
  const techB = await f.technician(outletB.id);
  const modelB = await f.model(brandB.id, { name: '乙品牌网点专供机型' });
  const partB = await f.part(brandB.id, { name: '乙品牌网点专供配件', isMainPart: true });
  const managerB = await f.user('outlet_manager', { outletId: outletB.id });
  // Customers: outlet A installed customerA's product, outlet A2 customerA2's; customerB is brand B's
  // (named so that a search for 网点 would find it if scope leaked).
  const customerA = await f.customer(brandA.id, { name: '甲客户' });
  const productA = await f.product(customerA, { installingOutletId: outletA.id });
  const customerA2 = await f.customer(brandA.id, { name: '甲二客户' });
  const productA2 = await f.product(customerA2, { installingOutletId: outletA2.id });
  const customerB = await f.customer(brandB.id, { name: '网点乙客户' });
  const productB = await f.product(customerB, { installingOutletId: outletB.id });
  // Work orders: outlet A / technician A own orderA; outlet A2 owns orderA2; orderB is brand B's.
  const orderA = await f.order(customerA, { status: 'accepted', outletId: outletA.id, technicianId: techA.id });
  const orderA2 = await f.order(customerA2, { status: 'dispatched', outletId: outletA2.id, technicianId: techA2.id });
  const orderB = await f.order(customerB, { status: 'accepted', outletId: outletB.id, technicianId: techB.id });
  // An SLA notification of brand B's outlet manager (only its owner may read or mark it).
  const notificationB = crypto.randomUUID();
  await t.db
    .insertInto('notifications')
    .values({
      id: notificationB,
      event_id: crypto.randomUUID(),
      user_id: managerB.id,
      brand_id: brandB.id,
      kind: 'sla.warning',
      order_id: orderB.id,
      payload: JSON.stringify({ number: '网点乙工单' }),
      created_at: t.clock.now(),
    })
    .execute();
  // A return-visit task of brand B's order, as completion creates one.
  const returnVisitB = crypto.randomUUID();
  await t.db
    .insertInto('return_visit_tasks')
    .values({
      id: returnVisitB,
      order_id: orderB.id,
      brand_id: brandB.id,
      due_at: t.clock.now(),
      status: 'open',
      created_at: t.clock.now(),
    })
    .execute();
  // Assessment slips and remedies of a breached milestone: brand B's (outlet B) and outlet A2's.
  const breachB = await breachOf(t.db, t.clock, orderB, { outletId: outletB.id });
  const breachA2 = await breachOf(t.db, t.clock, orderA2, { outletId: outletA2.id });
  const adminB = await t.as('brand_admin', { brandIds: [brandB.id] });
  const pinB = await t.post('/api/v1/dispatch/pins', adminB, {
    brandId: brandB.id,
    customerId: customerB.id,
    outletId: outletB.id,
  });
  // Brand B runs under the shipped Midea pack (imported at start); brand A names none.
  await t.db.updateTable('brands').set({ policy_pack: 'midea' }).where('id', '=', brandB.id).execute();
  const keyB = await t.post('/api/v1/api-keys', adminB, { name: 'b-integration' });
  // A calendar override of brand B (a local day off).
  const calendarDayB = await t.post('/api/v1/calendar/days', adminB, {
    brandId: brandB.id,
    date: '2026-04-10',
    working: false,
    name: '乙品牌厂休',
  });
  const callers: Record<string, Caller> = {
    outletManagerA: await t.as('outlet_manager', { outletId: outletA.id }),
    brandAdminA: await t.as('brand_admin', { brandIds: [brandA.id] }),
    regionManagerA: await t.as('service_manager', { brandIds: [brandA.id], regionIds: [regionA.id] }),
    technicianA: await t.as('technician', { outletId: outletA.id, technicianId: techA.id }),
    agentA: await t.as('agent', { brandIds: [brandA.id] }),
    customer: await t.as('customer', { customerId: customerA.id }),
  };
  // What each caller must not reach, by resource kind.
  const brandBSide = {
    notification: [notificationB],
    brand: [brandB.id],
    region: [regionB.id],
    service_center: [centerB.id],
    outlet: [outletB.id],
    technician: [techB.id],
    user: [managerB.id, adminB.userId],
    api_key: [keyB.data?.id].filter(Boolean) as string[],
    model: [modelB.id],
    part: [partB.id],
    customer: [customerB.id],
    product: [productB.id],
    policy_pack: ['midea'],
    return_visit: [returnVisitB],
    work_order: [orderB.id],
    dispatch_pin: [pinB.data?.id].filter(Boolean) as string[],
    assessment_slip: [breachB.slipId!],
    remedy_proposal: breachB.remedyIds,
    calendar_day: [calendarDayB.data?.id].filter(Boolean) as string[],
  };
  const foreign: Record<string, Partial<Record<ResourceKind, string[]>>> = {
    outletManagerA: {
      ...brandBSide,
      region: [regionB.id, regionA2.id],
      outlet: [outletB.id, outletA2.id],
      technician: [techB.id, techA2.id],
      customer: [customerB.id, customerA2.id],
      product: [productB.id, productA2.id],
      work_order: [orderB.id, orderA2.id],
      // An outlet sees only the slips against itself, and no remedies at all.
      assessment_slip: [breachB.slipId!, breachA2.slipId!],
      remedy_proposal: [...breachB.remedyIds, ...breachA2.remedyIds],
    },
    brandAdminA: brandBSide,
    regionManagerA: {
      ...brandBSide,
      region: [regionB.id, regionA2.id],
      outlet: [outletB.id, outletA2.id],
      technician: [techB.id, techA2.id],
      work_order: [orderB.id, orderA2.id],
      assessment_slip: [breachB.slipId!, breachA2.slipId!],
      remedy_proposal: [...breachB.remedyIds, ...breachA2.remedyIds],
    },
    technicianA: {
      ...brandBSide,
      outlet: [outletB.id, outletA2.id],
      technician: [techB.id, techA2.id],
      // Technician A reaches customerA and productA only through orderA, their own job.
      customer: [customerB.id, customerA2.id],
      product: [productB.id, productA2.id],
      work_order: [orderB.id, orderA2.id],
    },
    agentA: brandBSide,
    customer: {
      ...brandBSide,
      outlet: [outletA.id, outletB.id],
      technician: [techA.id, techB.id],
      // The caller is customerA, a customer of brand A: their own record names brand A.
      brand: [brandB.id],
      customer: [customerA2.id, customerB.id],
      product: [productA2.id, productB.id],
      work_order: [orderA2.id, orderB.id],
    },
  };
  // Codes and names that must never show up in a foreign caller's lists.
  const foreignText: Record<string, string[]> = {
    outletManagerA: [
      outletB.code,
      outletA2.code,
      techB.code,
      techA2.code,
      customerB.name,
      customerA2.name,
      orderB.number,
      orderA2.number,
    ],
    brandAdminA: [outletB.code, techB.code, brandB.code, customerB.name, productB.serial!, orderB.number],
    regionManagerA: [outletB.code, outletA2.code, techA2.code, techB.code, customerB.name],
    technicianA: [
      outletB.code,
      outletA2.code,
      techB.code,
      techA2.code,
      orderB.number,
      orderA2.number,
      customerB.name,
      customerA2.name,
    ],
    agentA: [outletB.code, techB.code, brandB.code, customerB.name, productB.serial!, orderB.number],
    // techA is coming to the customer's own order: its licence number (SG + code) is shown by design.
    customer: [outletA.code, outletB.code, techB.code, customerB.name, customerA2.name, orderB.number, orderA2.number],
  };
  return {
    brandA,
    brandB,
    regionA,
    regionB,
    centerA,
    centerB,
    outletA,
    outletA2,
    outletB,
    techA,
    techA2,
    techB,
    customerA,
    customerB,
    productA,
    productB,
    orderA,
    orderA2,
    orderB,
    callers,
    foreign,
    foreignText,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(async () => t?.close());

/** A valid body for writes on an existing record, so validation passes and the scope check is what answers. */
const UPDATE_BODIES: Partial<Record<ResourceKind, unknown>> = {
  brand: { name: '改名' },
  region: { name: '改名' },
  service_center: { name: '改名' },
  outlet: { name: '改名' },
  technician: { name: '改名' },
  user: { displayName: '改名' },
  api_key: undefined,
  model: { name: '改名' },
  part: { priceFen: 1 },
  customer: { name: '改名' },
  product: { store: '改名' },
};

const SUBRESOURCE_BODIES: Record<string, unknown> = {
  'POST /api/v1/technicians/:id/trainings': { course: '空调安装', completedOn: '2026-01-10', result: 'passed' },
  'POST /api/v1/api-keys/:id/revoke': undefined,
  'POST /api/v1/customers/:id/merge': { otherId: '00000000-0000-4000-8000-000000000000' },
  // The entitlement id and use id stay literal (':entitlementId'): the product answers 404 first.
  'POST /api/v1/products/:id/entitlements/:entitlementId/use': { usedOn: '2026-03-01', workOrderRef: '越权工单' },
  'POST /api/v1/products/:id/entitlements/:entitlementId/uses/:useId/void': { reason: '越权作废' },
  'POST /api/v1/policy-packs/:id/drafts': { source: 'id: x\nversion: 9\n' },
  'POST /api/v1/work-orders/:id/notes': { text: '越权备注' },
  'POST /api/v1/work-orders/:id/clock': { action: 'pause', pauseReason: 'waiting_customer' },
  'POST /api/v1/work-orders/:id/cancel': { reason: '越权取消' },
  'POST /api/v1/work-orders/:id/call': undefined,
  'POST /api/v1/work-orders/:id/book': { start: '2026-03-16T01:00:00Z', end: '2026-03-16T04:00:00Z' },
  'POST /api/v1/work-orders/:id/reschedule': {
    start: '2026-03-16T01:00:00Z',
    end: '2026-03-16T04:00:00Z',
    requestedBy: 'customer',
    reason: '越权改约',
  },
  'POST /api/v1/work-orders/:id/check-in': {},
  'PUT /api/v1/work-orders/:id/visit': { diagnosis: '越权' },
  'POST /api/v1/work-orders/:id/complete': { code: '123456' },
  'POST /api/v1/work-orders/:id/wait-parts': { reason: '越权' },
  'POST /api/v1/work-orders/:id/to-factory': { reason: '越权' },
  'POST /api/v1/work-orders/:id/revisit': { reason: '越权' },
  'POST /api/v1/work-orders/:id/reopen': { reason: '越权' },
  'POST /api/v1/work-orders/:id/quote': { items: [{ code: 'labor-minor', quantity: 1 }] },
  'POST /api/v1/work-orders/:id/quote/decision': { accept: true },
  'POST /api/v1/return-visits/:id/outcome': { outcome: 'satisfied' },
  'POST /api/v1/work-orders/:id/refuse': { reason: '越权拒单' },
  'POST /api/v1/work-orders/:id/redirect': { outletId: '00000000-0000-4000-8000-000000000000', reason: '越权改派' },
  'POST /api/v1/work-orders/:id/assign': { technicianId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/v1/assessment-slips/:id/appeal': { text: '越权申诉', evidence: [] },
  'POST /api/v1/assessment-slips/:id/review': { decision: 'accept_appeal' },
  'POST /api/v1/assessment-slips/:id/confirm': {},
  'POST /api/v1/remedy-proposals/:id/approve': {},
  'POST /api/v1/remedy-proposals/:id/reject': { note: '越权驳回' },
};

/** Creates under a foreign parent; each must be refused for every caller and write nothing. */
const CREATES: Record<string, (w: World) => unknown> = {
  // Recomputes a foreign brand's milestones: 404, nothing recomputed or audited.
  'POST /api/v1/sla/recompute': (w) => ({ brandId: w.brandB.id }),
  'POST /api/v1/brands': () => ({ code: 'ISO_NEW', name: '越权品牌' }),
  'POST /api/v1/regions': (w) => ({ brandId: w.brandB.id, code: 'ISO_R', name: '越权大区' }),
  'POST /api/v1/service-centers': (w) => ({ regionId: w.regionB.id, code: 'ISO_C', name: '越权中心' }),
  'POST /api/v1/outlets': (w) => ({
    code: 'ISO_O',
    name: '越权网点',
    tier: 'authorized',
    divisionCode: '310115',
    address: '上海市浦东新区',
    brands: [{ brandId: w.brandB.id }],
  }),
  'POST /api/v1/technicians': (w) => ({
    outletId: w.outletB.id,
    code: 'ISO_T',
    name: '越权',
    phone: '13800000000',
    level: 'junior',
  }),
  'POST /api/v1/users': (w) => ({
    username: 'iso.user',
    displayName: '越权',
    password: 'long-enough-pass',
    role: 'outlet_manager',
    outletId: w.outletB.id,
  }),
  'POST /api/v1/models': (w) => ({
    brandId: w.brandB.id,
    categoryCode: 'air_conditioner',
    code: 'ISO_M',
    name: '越权型号',
  }),
  'POST /api/v1/parts': (w) => ({
    brandId: w.brandB.id,
    categoryCode: 'air_conditioner',
    code: 'ISO_P',
    name: '越权配件',
    priceFen: 100,
  }),
  'POST /api/v1/customers': (w) => ({ brandId: w.brandB.id, name: '越权客户', phones: [{ number: '13800000000' }] }),
  'POST /api/v1/products': (w) => ({ customerId: w.customerB.id, categoryCode: 'air_conditioner', serial: 'ISO-SN-1' }),
  'POST /api/v1/sales': (w) => ({
    lines: [
      {
        externalId: 'ISO-1',
        brandCode: w.brandB.code,
        customerName: '越权客户',
        phones: ['13800000000'],
        categoryCode: 'air_conditioner',
        serial: 'ISO-SALE-1',
      },
    ],
  }),
  'PUT /api/v1/fault-codes': (w) => ({ brandId: w.brandB.id, code: 'ISO1', name: '越权故障代码' }),
  'POST /api/v1/work-orders': (w) => ({
    brandId: w.brandB.id,
    type: 'repair',
    channel: 'phone',
    customerId: w.customerB.id,
    productId: w.productB.id,
  }),
  'POST /api/v1/dispatch/pins': (w) => ({ brandId: w.brandB.id, customerId: w.customerB.id, outletId: w.outletB.id }),
  'POST /api/v1/calendar/days': (w) => ({ brandId: w.brandB.id, date: '2026-05-11', working: false, name: '越权' }),
  // Writes nothing; a foreign brand's verdict must answer 404 like any foreign record.
  'POST /api/v1/warranty/evaluate': (w) => ({
    brandId: w.brandB.id,
    category: 'air-conditioner',
    purchaseDate: '2026-03-01',
    invoice: true,
    faultDate: '2026-03-05',
  }),
};

/** Routes that carry no scoped data of another party, with the reason. */
const EXEMPT: Record<string, string> = {
  'POST /api/v1/auth/login': 'public: authenticates the caller',
  'POST /api/v1/auth/logout': "ends the caller's own session",
  'GET /api/v1/auth/me': "the caller's own profile",
  'GET /api/v1/auth/demo-logins': 'public demo list, empty outside demo mode',
  'POST /api/v1/api-keys': "creates a key for the caller's own account",
  'GET /api/v1/divisions/:code': 'national reference data, the same for everyone',
  'PATCH /api/v1/divisions/:code': 'national reference data (divisions.write only)',
  'POST /api/v1/divisions': 'national reference data (divisions.write only)',
  'GET /api/v1/imports/templates/:kind': 'an empty template file',
  'GET /api/v1/imports/progress/:jobId': "public: a run's row counts, reached by the random id its client made",
  'POST /api/v1/imports/:kind': 'row-level scope checks are covered in modules/imports tests',
  'GET /api/v1/h5/orders/:token': "public: the customer's own order, reached by the secret token of their SMS link",
  'GET /api/v1/h5/orders/:token/charges': "public: the charges of the token's own order only",
  'POST /api/v1/h5/orders/:token/quote/decision': "public: decides the token's own order's quote only",
  'POST /api/v1/h5/orders/:token/confirm': "public: confirms the token's own order only",
  'POST /api/v1/policy-packs/validate': 'checks a text against the packs the caller may see; writes nothing',
};

const key = (r: RouteInfo) => `${r.method} ${r.url}`;
const hasParams = (r: RouteInfo) => r.url.includes(':');

function capOf(r: RouteInfo): string | null {
  return 'cap' in r.access ? r.access.cap : null;
}

function allowed(role: Role, r: RouteInfo): boolean {
  const cap = capOf(r);
  return cap === null || hasCapability(role, cap as Parameters<typeof hasCapability>[1]);
}

describe('isolation across every route', () => {
  it('knows every /api/v1 route', () => {
    const unknown = t.app.routeTable.filter((r) => {
      const k = key(r);
      if (EXEMPT[k] || CREATES[k]) return false;
      if (r.resource !== 'none' && r.url.includes(':id')) return false;
      if (r.method === 'GET' && !hasParams(r)) return false;
      return true;
    });
    expect(unknown.map(key)).toEqual([]);
  });

  it('answers 404 for a foreign record on every route with an id', async () => {
    const failures: string[] = [];
    const routes = t.app.routeTable.filter((r) => r.resource !== 'none' && r.url.includes(':id') && !EXEMPT[key(r)]);
    expect(routes.length).toBeGreaterThan(5);
    // Every kind of record behind an id route has a foreign example for the brand-level caller, so no
    // route passes for want of something to try.
    const untried = [...new Set(routes.map((r) => r.resource))].filter((k) => !w.foreign.brandAdminA?.[k]?.length);
    expect(untried).toEqual([]);
    for (const [name, caller] of Object.entries(w.callers)) {
      for (const r of routes) {
        for (const id of w.foreign[name]?.[r.resource] ?? []) {
          const url = r.url.replace(':id', id).replace(':version', '1');
          const body = r.method === 'GET' ? undefined : (SUBRESOURCE_BODIES[key(r)] ?? UPDATE_BODIES[r.resource]);
          const res = await t.request(r.method as 'GET', url, caller, { body });
          const expected = allowed(caller.role, r) ? 404 : 403;
          if (res.statusCode !== expected)
            failures.push(`${name} ${r.method} ${url} → ${res.statusCode} (want ${expected})`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps foreign records out of every list and search', async () => {
    const failures: string[] = [];
    const lists = t.app.routeTable.filter((r) => r.method === 'GET' && !hasParams(r) && !EXEMPT[key(r)]);
    expect(lists.length).toBeGreaterThan(5);
    for (const [name, caller] of Object.entries(w.callers)) {
      const forbiddenIds = Object.values(w.foreign[name] ?? {}).flat();
      const forbiddenText = w.foreignText[name] ?? [];
      for (const r of lists) {
        for (const query of [{}, { q: '网点' }, { pageSize: '200' }] as Record<string, string>[]) {
          const res = await t.get(r.url, caller, { query });
          if (res.statusCode >= 500) failures.push(`${name} GET ${r.url} → ${res.statusCode}`);
          if (res.statusCode !== 200) continue;
          for (const needle of [...forbiddenIds, ...forbiddenText]) {
            if (res.body.includes(needle))
              failures.push(`${name} GET ${r.url}?${new URLSearchParams(query)} shows ${needle}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses to create anything under a foreign parent, writing nothing', async () => {
    const failures: string[] = [];
    const before = await t.db.selectFrom('audit_log').select('id').execute();
    for (const [name, caller] of Object.entries(w.callers)) {
      for (const [k, bodyOf] of Object.entries(CREATES)) {
        if (!t.app.routeTable.some((r) => key(r) === k)) continue;
        const [method, url] = k.split(' ') as ['POST', string];
        const res = await t.request(method, url, caller, { body: bodyOf(w) });
        if (res.statusCode < 400 || res.statusCode >= 500) failures.push(`${name} ${k} → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
    const after = await t.db.selectFrom('audit_log').select(['id', 'action']).execute();
    const writes = after.filter((a) => !before.some((b) => b.id === a.id) && !a.action.startsWith('auth.'));
    expect(writes).toEqual([]);
  });

  it('masks phone numbers for roles that do not need them', async () => {
    const res = await t.get(`/api/v1/outlets/${w.outletA.id}`, w.callers.regionManagerA!);
    expect(res.statusCode).toBe(200);
    expect(res.data.phone).toBe('138****1234');
    const full = await t.get(`/api/v1/outlets/${w.outletA.id}`, w.callers.brandAdminA!);
    expect(full.data.phone).toBe('13812341234');
  });
});
