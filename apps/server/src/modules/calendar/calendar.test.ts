import { DEFAULT_CALENDAR } from '@aftercare/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { calendarFor } from './index.ts';

// Now is 2026-03-15T02:00Z. Brand A and brand B; brand admins of each, an agent of A, the platform admin.
let t: TestApp;
let brandA: { id: string };
let brandB: { id: string };
const c: Record<string, Caller> = {};
let rowB: string;

beforeAll(async () => {
  t = await createTestApp();
  brandA = await t.factories.brand({ name: '甲品牌' });
  brandB = await t.factories.brand({ name: '乙品牌' });
  c.adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  c.adminB = await t.as('brand_admin', { brandIds: [brandB.id] });
  c.agentA = await t.as('agent', { brandIds: [brandA.id] });
  c.platform = await t.as('platform_admin');
  const res = await t.post('/api/v1/calendar/days', c.adminB, {
    brandId: brandB.id,
    date: '2026-04-10',
    working: false,
    name: '乙品牌厂休',
  });
  expect(res.statusCode).toBe(201);
  rowB = res.data.id;
});
afterAll(async () => t?.close());

const days = (caller: Caller, query: Record<string, string>) => t.get('/api/v1/calendar/days', caller, { query });
const add = (caller: Caller, body: unknown) => t.post('/api/v1/calendar/days', caller, body);
const remove = (caller: Caller, id: string) => t.request('DELETE', `/api/v1/calendar/days/${id}`, caller);

describe('GET /calendar/days', () => {
  it('lists the official holidays and adjusted working days of a year', async () => {
    const res = await days(c.agentA!, { year: '2026' });
    expect(res.statusCode).toBe(200);
    expect(res.data.covered).toBe(true);
    const byDate = Object.fromEntries(res.data.items.map((d: { date: string }) => [d.date, d]));
    expect(byDate['2026-01-04']).toMatchObject({
      working: true,
      kind: 'adjusted_working',
      source: 'official',
      name: '元旦',
    });
    expect(byDate['2026-02-17']).toMatchObject({ working: false, kind: 'holiday', source: 'official', name: '春节' });
    expect(byDate['2026-03-09']).toBeUndefined(); // an ordinary Monday
    expect(res.data.items.filter((d: { source: string }) => d.source === 'official')).toHaveLength(39);
  });

  it('defaults to the current year and marks years without data', async () => {
    expect((await days(c.agentA!, {})).data.year).toBe(2026);
    const res = await days(c.agentA!, { year: '2027' });
    expect(res.data).toMatchObject({ year: 2027, covered: false, items: [] });
  });

  it('refuses a bad query with 400 and a foreign brand with 404', async () => {
    const bad = await days(c.agentA!, { year: 'soon' });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.code).toBe('VALIDATION_FAILED');
    expect((await days(c.adminA!, { year: '2026', brandId: brandB.id })).statusCode).toBe(404);
    const own = await days(c.adminA!, { year: '2026', brandId: brandA.id });
    expect(own.body).not.toContain(rowB);
    expect((await days(c.adminB!, { year: '2026', brandId: brandB.id })).body).toContain(rowB);
  });
});

describe('POST /calendar/days', () => {
  it('adds a brand row: audited, an event, listed as an override, and the brand recomputed', async () => {
    const customer = await t.factories.customer(brandA.id);
    // Only an order with a clock running on the changed day is recomputed: one started the day before
    // and still open, not one whose clock stopped weeks earlier.
    const running = await t.factories.order(customer, { status: 'accepted' });
    const stopped = await t.factories.order(customer, { status: 'accepted' });
    const milestone = (orderId: string, started: string, stoppedAt: string | null) => ({
      id: crypto.randomUUID(),
      order_id: orderId,
      brand_id: brandA.id,
      division_code: '330106',
      milestone_key: 'on-site',
      pack_id: 'cn-baseline',
      pack_version: 1,
      responsible: 'outlet' as const,
      clock: 'working' as const,
      target_minutes: 960,
      started_at: started,
      due_at: stoppedAt ? null : '2026-03-23T02:00:00Z',
      stopped_at: stoppedAt,
      status: stoppedAt ? ('met' as const) : ('open' as const),
      computed_at: started,
    });
    await t.db
      .insertInto('sla_milestones')
      .values([
        milestone(running.id, '2026-03-19T03:00:00Z', null),
        milestone(stopped.id, '2026-03-01T03:00:00Z', '2026-03-02T03:00:00Z'),
      ])
      .execute();
    const res = await add(c.adminA!, { brandId: brandA.id, date: '2026-03-20', working: false, name: '地方节日' });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      date: '2026-03-20',
      working: false,
      kind: 'day_off',
      source: 'override',
      brandId: brandA.id,
      divisionPrefix: null,
      recomputed: { orders: 1 },
    });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', res.data.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['calendar.day_add']);
    const events = await t.db.selectFrom('events').selectAll().where('aggregate_id', '=', res.data.id).execute();
    expect(events.map((e) => e.type)).toEqual(['calendar.day_added']);
    const list = await days(c.adminA!, { year: '2026', brandId: brandA.id });
    expect(list.data.items).toContainEqual(expect.objectContaining({ id: res.data.id, name: '地方节日' }));
  });

  it('answers 409 with a code for the same date and scope, and accepts another division', async () => {
    const body = { brandId: brandA.id, date: '2026-03-23', working: false, name: '停业' };
    expect((await add(c.adminA!, body)).statusCode).toBe(201);
    const dup = await add(c.adminA!, { ...body, name: '又一次' });
    expect(dup.statusCode).toBe(409);
    expect(dup.data.code).toBe('CALENDAR_DAY_EXISTS');
    expect((await add(c.adminA!, { ...body, divisionPrefix: '31' })).statusCode).toBe(201);
  });

  it.each([
    ['an impossible date', { date: '2026-02-30' }, 400, 'VALIDATION_FAILED'],
    ['a 3-digit division prefix', { divisionPrefix: '310' }, 400, 'VALIDATION_FAILED'],
    ['an unknown field', { extra: 1 }, 400, 'VALIDATION_FAILED'],
    ['an empty name', { name: ' ' }, 400, 'VALIDATION_FAILED'],
    ['a division prefix no division has', { divisionPrefix: '99' }, 422, 'CALENDAR_DIVISION_UNKNOWN'],
    ['a year too far ahead', { date: '2031-01-01' }, 422, 'CALENDAR_DATE_OUT_OF_RANGE'],
    ['a year before the data', { date: '2001-01-01' }, 422, 'CALENDAR_DATE_OUT_OF_RANGE'],
  ])('refuses %s (%i %s), writing nothing', async (_, over, status, code) => {
    const before = await t.count('calendar_days');
    const res = await add(c.adminA!, { brandId: brandA.id, date: '2026-05-11', working: false, name: '测试', ...over });
    expect(res.statusCode).toBe(status);
    expect(res.data.code).toBe(code);
    expect(await t.count('calendar_days')).toBe(before);
  });

  it('adds a 2027 working day the data does not know yet', async () => {
    const res = await add(c.adminA!, { brandId: brandA.id, date: '2027-02-06', working: true, name: '春节补班' });
    expect(res.statusCode).toBe(201);
    expect(res.data.kind).toBe('extra_working');
    const list = await days(c.adminA!, { year: '2027', brandId: brandA.id });
    expect(list.data).toMatchObject({ covered: false, items: [expect.objectContaining({ date: '2027-02-06' })] });
  });

  it('answers 404 for another brand and 403 without calendar.write', async () => {
    const before = await t.count('calendar_days');
    const foreign = await add(c.adminA!, { brandId: brandB.id, date: '2026-05-12', working: false, name: '越权' });
    expect(foreign.statusCode).toBe(404);
    const agent = await add(c.agentA!, { brandId: brandA.id, date: '2026-05-12', working: false, name: '越权' });
    expect(agent.statusCode).toBe(403);
    expect(await t.count('calendar_days')).toBe(before);
  });

  it('lets only the platform administrator add and delete national rows', async () => {
    const body = { brandId: null, date: '2026-05-13', working: false, name: '全国调整', divisionPrefix: '44' };
    const refused = await add(c.adminA!, body);
    expect(refused.statusCode).toBe(403);
    expect(refused.data.code).toBe('CALENDAR_NATIONAL_FORBIDDEN');
    const ok = await add(c.platform!, body);
    expect(ok.statusCode).toBe(201);
    expect(ok.data.brandId).toBeNull();
    // Everyone sees national rows; a brand admin may not delete one.
    expect((await days(c.agentA!, { year: '2026' })).body).toContain(ok.data.id);
    const del = await remove(c.adminA!, ok.data.id);
    expect(del.statusCode).toBe(403);
    expect(del.data.code).toBe('CALENDAR_NATIONAL_FORBIDDEN');
    expect((await remove(c.platform!, ok.data.id)).statusCode).toBe(200);
  });
});

describe('DELETE /calendar/days/:id', () => {
  it('deletes a row of the own brand (audited, an event), 404 for another brand or twice', async () => {
    const created = await add(c.adminA!, { brandId: brandA.id, date: '2026-06-01', working: false, name: '删掉' });
    expect((await remove(c.adminB!, created.data.id)).statusCode).toBe(404);
    expect((await remove(c.adminA!, rowB)).statusCode).toBe(404);
    const res = await remove(c.adminA!, created.data.id);
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ ok: true, recomputed: { orders: expect.any(Number) } });
    expect((await remove(c.adminA!, created.data.id)).statusCode).toBe(404);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', created.data.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['calendar.day_add', 'calendar.day_delete']);
    const ev = await t.db.selectFrom('events').select('type').where('aggregate_id', '=', created.data.id).execute();
    expect(ev.map((e) => e.type).sort()).toEqual(['calendar.day_added', 'calendar.day_removed']);
  });
});

describe('GET /calendar/preview', () => {
  it('shows each date working or not with the hours in force, overrides included', async () => {
    const res = await t.get('/api/v1/calendar/preview', c.agentA!, {
      query: { brandId: brandA.id, from: '2026-02-13', to: '2026-03-20' },
    });
    expect(res.statusCode).toBe(200);
    const { spec, days: list, dailyMinutes } = res.data;
    expect(res.data.pack?.id).toBe('cn-baseline');
    if (res.data.source === 'default') expect(spec).toEqual(DEFAULT_CALENDAR);
    expect(list).toHaveLength(36);
    const on = Object.fromEntries(list.map((d: { date: string }) => [d.date, d]));
    expect(on['2026-02-14']).toMatchObject({ weekday: 6, working: true, adjusted: true, hours: spec.hours });
    expect(on['2026-02-17']).toMatchObject({ working: false, holiday: true, name: '春节', hours: [] });
    expect(on['2026-02-24']).toMatchObject({ working: true, holiday: false, name: null });
    expect(on['2026-03-20']).toMatchObject({ working: false, override: { working: false, name: '地方节日' } });
    const sum = spec.hours.reduce((s: number, h: { from: string; to: string }) => {
      const m = (x: string) => Number(x.slice(0, 2)) * 60 + Number(x.slice(3));
      return s + m(h.to) - m(h.from);
    }, 0);
    expect(dailyMinutes).toBe(sum);
  });

  it('refuses a range over 366 days or backwards (422), and a foreign brand (404)', async () => {
    const q = (from: string, to: string, brandId = brandA.id) =>
      t.get('/api/v1/calendar/preview', c.adminA!, { query: { brandId, from, to } });
    const long = await q('2026-01-01', '2027-01-02');
    expect(long.statusCode).toBe(422);
    expect(long.data.code).toBe('CALENDAR_RANGE_TOO_LONG');
    expect((await q('2026-03-02', '2026-03-01')).statusCode).toBe(422);
    expect((await q('2026-03-01', '2026-03-02', brandB.id)).statusCode).toBe(404);
  });
});

describe('calendarFor', () => {
  it('applies national, brand and division rows, the most specific winning', async () => {
    const insert = (brandId: string | null, prefix: string | null, working: boolean) =>
      t.db
        .insertInto('calendar_days')
        .values({
          id: crypto.randomUUID(),
          brand_id: brandId,
          division_prefix: prefix,
          day: '2026-07-06',
          working,
          name: 'x',
          created_by: null,
          created_at: t.clock.now(),
        })
        .execute();
    await insert(null, '31', false); // Shanghai: a local day off for everyone
    await insert(brandA.id, '310115', true); // brand A works in Pudong anyway
    const pudongA = await calendarFor(t.db, brandA.id, '310115004', DEFAULT_CALENDAR);
    const minhangA = await calendarFor(t.db, brandA.id, '310112', DEFAULT_CALENDAR);
    const pudongB = await calendarFor(t.db, brandB.id, '310115004', DEFAULT_CALENDAR);
    const shenzhenB = await calendarFor(t.db, brandB.id, '440305', DEFAULT_CALENDAR);
    expect(pudongA.isWorkingDay('2026-07-06')).toBe(true);
    expect(minhangA.isWorkingDay('2026-07-06')).toBe(false);
    expect(pudongB.isWorkingDay('2026-07-06')).toBe(false);
    expect(shenzhenB.isWorkingDay('2026-07-06')).toBe(true);
    // A national row is a public holiday: a brand that works every day still works.
    const everyDayB = await calendarFor(t.db, brandB.id, '310115004', {
      hours: [{ from: '00:00', to: '24:00' }],
      days: 'every-day',
    });
    expect(everyDayB.isWorkingDay('2026-07-06')).toBe(true);
    // Brand B's own row applies to brand B only.
    expect(shenzhenB.isWorkingDay('2026-04-10')).toBe(false);
    expect(minhangA.isWorkingDay('2026-04-10')).toBe(true);
  });
});
