import { technicianCreate } from '@aftercare/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { type Scope, scopeFor, systemActor } from '../../platform/access/principal.ts';
import { AppError } from '../../platform/errors.ts';
import { assertAssignable, assignableTechnician, createTechnicianTx } from './index.ts';

let t: TestApp;
let adminA: Caller;
let brandA: { id: string };
let outletA1: { id: string };
let outletB: { id: string };
let techA1: { id: string };
let techA2: { id: string };
let techB: { id: string };

const scopeOf = (role: string, s: Partial<{ brand_ids: string[]; outlet_id: string }>) =>
  scopeFor({
    role,
    brand_ids: s.brand_ids ?? [],
    region_ids: [],
    outlet_id: s.outlet_id ?? null,
    technician_id: null,
    customer_id: null,
  });
const count = () => t.count('technicians');
const newTech = (over: Record<string, unknown> = {}) => ({
  outletId: outletA1.id,
  code: `NT${Math.random().toString(36).slice(2, 8)}`,
  name: '李明',
  phone: '13912345678',
  level: 'junior',
  licenceNo: 'SG-2026-001',
  licenceValidUntil: '2027-06-30',
  skills: [{ categoryCode: 'air_conditioner', serviceType: 'installation' }],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  brandA = await t.factories.brand();
  const brandB = await t.factories.brand();
  outletA1 = await t.factories.outlet(brandA.id);
  const outletA2 = await t.factories.outlet(brandA.id);
  outletB = await t.factories.outlet(brandB.id);
  techA1 = await t.factories.technician(outletA1.id);
  techA2 = await t.factories.technician(outletA2.id, { licenceValidUntil: '2026-03-01' });
  techB = await t.factories.technician(outletB.id);
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
});
afterAll(async () => t?.close());

describe('assignableTechnician: who may be given a job', () => {
  it('blocks assignment of an expired licence, an inactive technician, no licence or a missing skill', async () => {
    const scope = scopeOf('outlet_manager', { outlet_id: outletA1.id });
    const ok = await assignableTechnician(t.db, scope, techA1.id, t.clock, {
      categoryCode: 'air_conditioner',
      serviceType: 'repair',
    });
    expect(ok).toMatchObject({ ok: true, outletId: outletA1.id });

    const expired = await assignableTechnician(t.db, scopeOf('platform_admin', {}), techA2.id, t.clock);
    expect(expired).toMatchObject({ ok: false, reason: 'LICENCE_EXPIRED', code: 'TECHNICIAN_LICENCE_EXPIRED' });

    const noLicence = await t.factories.technician(outletA1.id, { licenceValidUntil: null });
    expect(await assignableTechnician(t.db, scope, noLicence.id, t.clock)).toMatchObject({
      reason: 'LICENCE_MISSING',
    });

    const noSkill = await assignableTechnician(t.db, scope, techA1.id, t.clock, {
      categoryCode: 'washer',
      serviceType: 'installation',
    });
    expect(noSkill).toMatchObject({ ok: false, reason: 'SKILL_MISSING' });

    const inactive = await t.factories.technician(outletA1.id);
    await t.patch(`/api/v1/technicians/${inactive.id}`, adminA, { status: 'inactive' });
    expect(await assignableTechnician(t.db, scope, inactive.id, t.clock)).toMatchObject({ reason: 'INACTIVE' });

    // A licence that runs out tomorrow (Shanghai) still allows assignment today, not after.
    const lastDay = await t.factories.technician(outletA1.id, { licenceValidUntil: '2026-03-16' });
    expect((await assignableTechnician(t.db, scope, lastDay.id, t.clock)).ok).toBe(true);
    try {
      t.clock.set('2026-03-16T16:00:00Z');
      expect(await assignableTechnician(t.db, scope, lastDay.id, t.clock)).toMatchObject({
        reason: 'LICENCE_EXPIRED',
        params: { until: '2026-03-16' },
      });
    } finally {
      t.clock.set('2026-03-15T02:00:00Z');
    }
  });

  it('treats a technician outside the scope as not found, and throws the reason as an AppError', async () => {
    const scope = scopeOf('outlet_manager', { outlet_id: outletA1.id });
    expect(await assignableTechnician(t.db, scope, techB.id, t.clock)).toMatchObject({ reason: 'NOT_FOUND' });
    const err = await assertAssignable(t.db, scopeOf('platform_admin', {}), techA2.id, t.clock).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('TECHNICIAN_LICENCE_EXPIRED');
    expect((err as AppError).status).toBe(422);
    await expect(assertAssignable(t.db, scope, techA1.id, t.clock)).resolves.toBeUndefined();
  });
});

describe('createTechnicianTx (for the importer)', () => {
  const input = (over: Record<string, unknown> = {}) => technicianCreate.parse(newTech(over));
  it('creates several technicians in one transaction and rolls all back on a failure', async () => {
    const scope: Scope = scopeOf('brand_admin', { brand_ids: [brandA.id] });
    const before = await count();
    const made = await t.db.transaction().execute(async (trx) => {
      const a = await createTechnicianTx(trx, t.clock, systemActor, scope, input({ skills: [] }));
      const b = await createTechnicianTx(trx, t.clock, systemActor, scope, input());
      return [a.id, b.id];
    });
    expect(await count()).toBe(before + 2);
    expect(made).toHaveLength(2);

    const failed = await t.db
      .transaction()
      .execute(async (trx) => {
        await createTechnicianTx(trx, t.clock, systemActor, scope, input());
        await createTechnicianTx(trx, t.clock, systemActor, scope, input({ outletId: outletB.id }));
      })
      .catch((e) => e);
    expect((failed as AppError).code).toBe('TECHNICIAN_OUTLET_INVALID');
    expect(await count()).toBe(before + 2);
  });
});
