// Demo work orders (section G): a handful of AUX repairs and one Midea repair at the hero outlet
// (杭州速达家电服务中心) and one AUX repair elsewhere, created through the real intake and step
// commands with a clock set in the past, so that the SLA milestones the steps compute show every
// state on the board and the order pages: met, missed (stopped late), breached (still running past
// due — the breach sweep writes its slips), due soon, paused (waiting for the customer, waiting for
// parts) and customer-caused (a later window the customer asked for).
//
// Kept out of the e2e journeys' way: the customers are taken from the end of the id order (the
// journeys take theirs from the start, and skip customers with an open order), the technician is
// never the `technician` login, and every order is older than anything a journey creates.
import { ROLE_SCOPE, type Role } from '@aftercare/contracts';
import { sql } from 'kysely';
import { capabilitiesFor, type Principal, type Scope, scopeFor } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { ManualClock } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { dispatchOrderWith } from '../dispatch/dispatch.commands.ts';
import { acceptOffer, assignTechnician, redirectOrder } from '../dispatch/dispatch.steps.ts';
import { clockStep } from '../sla/sla.clock.ts';
import { recomputeMilestones } from '../sla/sla.sync.ts';
import { book, reschedule } from '../visits/commands/appointments.ts';
import { checkIn, depart, leave } from '../visits/commands/visit.ts';
import { evaluateProduct } from '../warranty/index.ts';
import { intake } from '../work-orders/commands/intake.ts';
import { type OrderRow, stepActor } from '../work-orders/index.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'packs'>;
const MIN = 60_000;
const HOUR = 60 * MIN;

export interface DemoOrder {
  scenario: string;
  id: string;
  number: string;
  brandCode: string;
  outletId: string | null;
}

interface Candidate {
  customer_id: string;
  product_id: string;
  category_code: string;
  technician_id: string | null;
}

async function principal(db: Tx, username: string): Promise<Principal> {
  const u = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  return {
    via: 'session',
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    capabilities: capabilitiesFor(u.role),
    scope: scopeFor(u),
    apiKeyId: null,
    locale: u.locale,
  };
}

/** Someone without a demo login (another outlet's manager, a technician on a phone) acting in their scope. */
function actingAs(role: Role, name: string, scope: Partial<Scope>): Principal {
  return {
    via: 'session',
    userId: '00000000-0000-4000-8000-00000000d3d0',
    username: name,
    displayName: name,
    role,
    capabilities: capabilitiesFor(role),
    scope: {
      kind: ROLE_SCOPE[role],
      brandIds: [],
      regionIds: [],
      outletId: null,
      technicianId: null,
      customerId: null,
      ...scope,
    },
    apiKeyId: null,
    locale: 'zh-CN',
  };
}

/**
 * Customers of the brand with a serial-numbered product the hero outlet may repair, living where it
 * covers, with no open order, each with a technician of the hero outlet (not the `technician` login)
 * skilled and licensed for it — last customers first.
 */
async function heroCustomers(db: Tx, brandId: string, heroId: string, heroTechId: string, today: string) {
  const { rows } = await sql<Candidate>`
    SELECT DISTINCT ON (c.id) c.id AS customer_id, ip.id AS product_id, ip.category_code, t.id AS technician_id
    FROM customers c
    JOIN customer_addresses a ON a.customer_id = c.id AND a.is_primary
    JOIN installed_products ip ON ip.customer_id = c.id AND ip.serial IS NOT NULL
    JOIN technicians t ON t.outlet_id = ${heroId} AND t.id <> ${heroTechId} AND t.status = 'active'
      AND t.licence_no IS NOT NULL AND t.licence_valid_until >= ${today}
    JOIN technician_skills s ON s.technician_id = t.id AND s.category_code = ip.category_code AND s.service_type = 'repair'
    WHERE c.brand_id = ${brandId} AND c.status = 'active'
      AND EXISTS (SELECT 1 FROM outlet_authorizations oa WHERE oa.outlet_id = ${heroId}
        AND oa.brand_id = c.brand_id AND oa.category_code = ip.category_code AND oa.service_type = 'repair')
      AND EXISTS (SELECT 1 FROM outlet_coverage oc WHERE oc.outlet_id = ${heroId}
        AND oc.division_code IN (a.division_code, left(a.division_code, 6), left(a.division_code, 4) || '00',
          left(a.division_code, 2) || '0000'))
      AND NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.customer_id = c.id AND w.status NOT IN ('closed', 'cancelled'))
    ORDER BY c.id DESC, ip.id, t.id
    LIMIT 12`.execute(db);
  return rows;
}

/** A customer of the brand the hero outlet does not cover (their order goes to another outlet). */
async function elsewhereCustomer(db: Tx, brandId: string, heroId: string): Promise<Candidate | undefined> {
  const { rows } = await sql<Candidate>`
    SELECT c.id AS customer_id, ip.id AS product_id, ip.category_code, NULL AS technician_id
    FROM customers c
    JOIN customer_addresses a ON a.customer_id = c.id AND a.is_primary
    JOIN installed_products ip ON ip.customer_id = c.id AND ip.serial IS NOT NULL
    WHERE c.brand_id = ${brandId} AND c.status = 'active'
      AND NOT EXISTS (SELECT 1 FROM outlet_coverage oc WHERE oc.outlet_id = ${heroId}
        AND oc.division_code IN (a.division_code, left(a.division_code, 6), left(a.division_code, 4) || '00',
          left(a.division_code, 2) || '0000'))
      AND EXISTS (SELECT 1 FROM outlet_authorizations oa JOIN outlet_coverage oc ON oc.outlet_id = oa.outlet_id
        WHERE oa.outlet_id <> ${heroId} AND oa.brand_id = c.brand_id AND oa.category_code = ip.category_code
          AND oa.service_type = 'repair' AND oc.division_code IN (a.division_code, left(a.division_code, 6)))
      AND NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.customer_id = c.id AND w.status NOT IN ('closed', 'cancelled'))
    ORDER BY c.id DESC, ip.id
    LIMIT 1`.execute(db);
  return rows[0];
}

const FAULTS = [
  '空调不制冷，外机不转，室内机显示 E4',
  '制热效果差，出风温度低，开机半小时仍不热',
  '室内机漏水，滴到地板上',
  '遥控器无反应，面板指示灯闪烁',
  '运行时外机噪音很大，有金属摩擦声',
  '开机几分钟后自动停机，显示 P1',
];

/**
 * Creates the demo orders on a freshly seeded database, after the packs are loaded (the milestones
 * are computed from them). Returns what was made and the steps refused (each order stops at its
 * first refused step); an order whose customer cannot be found is skipped.
 */
export async function seedDemoOrders(ctx: Ctx): Promise<{ orders: DemoOrder[]; failures: string[] }> {
  const { db } = ctx;
  const now = ctx.clock.now().getTime();
  const today = new Date(now + 8 * HOUR).toISOString().slice(0, 10);
  const brands = new Map(
    (await db.selectFrom('brands').select(['id', 'code']).execute()).map((b) => [b.code, b.id] as const),
  );
  const [agent, midea, admin, manager, techLogin] = await Promise.all(
    ['aux.agent', 'gome.agent', 'admin', 'outlet.manager', 'technician'].map((u) => principal(db, u)),
  );
  const heroId = manager!.scope.outletId!;
  const made: DemoOrder[] = [];
  const failures: string[] = [];

  /** One order on its own clock, started `hoursAgo` before now; `steps` run in order at their offsets. */
  async function order(
    scenario: string,
    brandCode: string,
    by: Principal,
    who: Candidate | undefined,
    hoursAgo: number,
    steps: (o: Steps) => Promise<void>,
  ) {
    if (!who) return;
    const clock = new ManualClock(new Date(now - hoursAgo * HOUR));
    const deps = {
      db,
      clock,
      packs: ctx.packs,
      verdict: (trx: Tx, scope: Scope, productId: string) =>
        evaluateProduct({ db: trx, clock, policies: ctx.packs.current() }, scope, productId, {}, 'zh-CN'),
      dispatch: dispatchOrderWith(ctx.packs),
    };
    const receivedAt = new Date(now - hoursAgo * HOUR - 3 * MIN).toISOString();
    const r = await intake(deps, stepActor(by, null), by.scope, {
      brandId: brands.get(brandCode)!,
      type: 'repair',
      channel: 'phone',
      customerId: who.customer_id,
      productId: who.product_id,
      faultDescription: FAULTS[made.length % FAULTS.length],
      faultCodes: [],
      preferredWindows: [],
      priority: 'normal',
      receivedAt,
    }).catch((err: Error) => {
      failures.push(`${scenario}: intake: ${err.message}`);
      return null;
    });
    if (!r) return;
    let row: OrderRow = r.order;
    const at = (minutesAfterStart: number) => clock.set(new Date(now - hoursAgo * HOUR + minutesAfterStart * MIN));
    const window = (fromNowHours: number, hours = 2) => ({
      start: new Date(now + fromNowHours * HOUR).toISOString(),
      end: new Date(now + (fromNowHours + hours) * HOUR).toISOString(),
    });
    const outletOf = async (): Promise<Principal> => {
      if (row.outlet_id === heroId) return manager!;
      const o = await db
        .selectFrom('outlets')
        .select(['contact_name'])
        .where('id', '=', row.outlet_id!)
        .executeTakeFirstOrThrow();
      return actingAs('outlet_manager', o.contact_name ?? '网点负责人', { outletId: row.outlet_id });
    };
    const tech = () => actingAs('technician', '服务工程师', { outletId: heroId, technicianId: who.technician_id! });
    const s: Steps = {
      async toHero(m) {
        if (row.outlet_id === heroId) return;
        at(m);
        row = await redirectOrder(deps, admin!, null, row.id, { outletId: heroId, reason: '就近网点，用户指定' }, null);
      },
      async accept(m) {
        at(m);
        row = await acceptOffer(deps, await outletOf(), null, row.id, null);
      },
      async book(m, w) {
        at(m);
        row = await book(deps, await outletOf(), null, row.id, window(w), null);
      },
      async customerMoves(m, w, reason) {
        at(m);
        row = await reschedule(deps, manager!, null, row.id, { ...window(w), requestedBy: 'customer', reason }, null);
      },
      async assign(m) {
        at(m);
        row = await assignTechnician(deps, manager!, null, row.id, who.technician_id!, null);
      },
      async onSite(m) {
        at(m);
        row = await depart(deps, tech(), null, row.id, null);
        at(m + 40);
        row = await checkIn(deps, tech(), null, row.id, {}, null);
      },
      async waitParts(m, reason) {
        at(m);
        row = await leave(deps, tech(), null, row.id, 'wait_parts', reason, null);
      },
      async pause(m, reason) {
        at(m);
        row = await clockStep(
          deps,
          manager!,
          null,
          row.id,
          { action: 'pause', pauseReason: 'waiting_customer', reason },
          null,
        );
      },
    };
    // A step the rules refuse leaves the order where it got to: the demo must never stop the server.
    try {
      await steps(s);
    } catch (err) {
      failures.push(`${scenario}: ${(err as Error).message}`);
    }
    made.push({ scenario, id: row.id, number: row.number, brandCode, outletId: row.outlet_id });
  }

  const aux = brands.get('AUX');
  const heroTech = techLogin!.scope.technicianId!;
  const auxAtHero = aux ? await heroCustomers(db, aux, heroId, heroTech, today) : [];
  const mideaId = brands.get('MIDEA');
  const mideaAtHero = mideaId ? await heroCustomers(db, mideaId, heroId, heroTech, today) : [];

  // On site 12 h after the call, never visited: breached 8 h ago and still running (the breach sweep's slip).
  await order('breached', 'AUX', agent!, auxAtHero[0], 20, async (o) => {
    await o.toHero(1);
    await o.accept(12);
    await o.book(25, -9);
  });
  // Visited 26 h after the call, past the 12-hour (urban) or 24-hour (rural) promise: missed; waiting
  // for a part since.
  await order('missed', 'AUX', agent!, auxAtHero[1], 40, async (o) => {
    await o.toHero(1);
    await o.accept(20);
    await o.book(28, -15);
    await o.assign(35);
    await o.onSite(25 * 60 + 20);
    await o.waitParts(27 * 60, '压缩机电容损坏，等待配件到货');
  });
  // Visited 6 h after the call: on site met, still being worked on.
  await order('met', 'AUX', agent!, auxAtHero[2], 9, async (o) => {
    await o.toHero(1);
    await o.accept(8);
    await o.book(15, -4);
    await o.assign(16);
    await o.onSite(5 * 60);
  });
  // Called 10 h ago, booked for the next hours: the 12-hour on-site promise falls due in 2 h.
  await order('due-soon', 'AUX', agent!, auxAtHero[3], 10, async (o) => {
    await o.toHero(1);
    await o.accept(6);
    await o.book(20, 1);
  });
  // The customer asked for tomorrow evening: the on-site target moves to the window's end (customer-caused).
  await order('customer-caused', 'AUX', agent!, auxAtHero[4], 5, async (o) => {
    await o.toHero(1);
    await o.accept(10);
    await o.book(20, 2);
    await o.customerMoves(40, 30, '用户明天下班后才在家，要求改约到明晚');
  });
  // Booked, then the customer went away: the clock waits for them (paused, waiting for the customer).
  await order('paused-customer', 'AUX', agent!, auxAtHero[5], 7, async (o) => {
    await o.toHero(1);
    await o.accept(9);
    await o.book(20, 3);
    await o.pause(90, '用户临时出差，回来后再约上门时间');
  });
  // Midea: visited, the part is on order — the 72-hour repair clock is paused (waiting for parts).
  await order('paused-parts', 'MIDEA', midea!, mideaAtHero[0], 26, async (o) => {
    await o.toHero(1);
    await o.accept(15);
    await o.book(40, -22);
    await o.assign(45);
    await o.onSite(4 * 60);
    await o.waitParts(5 * 60, '主板故障，配件需从总仓调拨');
  });
  // AUX elsewhere: auto-dispatched to another outlet, accepted, never booked — breached 1 h ago.
  const elsewhere = aux ? await elsewhereCustomer(db, aux, heroId) : undefined;
  await order('elsewhere', 'AUX', agent!, elsewhere, 13, async (o) => {
    await o.accept(10);
  });
  // Each milestone as it stands now (time used up to now), as a recompute would.
  try {
    await recomputeMilestones(db, ctx.clock, { orderIds: made.map((o) => o.id) });
  } catch (err) {
    failures.push(`recompute: ${(err as Error).message}`);
  }
  return { orders: made, failures };
}

interface Steps {
  /** A dispatcher's redirect to the hero outlet when auto-dispatch chose another (minutes after the call). */
  toHero(minutes: number): Promise<void>;
  accept(minutes: number): Promise<void>;
  /** Books a 2-hour window starting `fromNowHours` from the real now. */
  book(minutes: number, fromNowHours: number): Promise<void>;
  customerMoves(minutes: number, fromNowHours: number, reason: string): Promise<void>;
  assign(minutes: number): Promise<void>;
  /** Departs, and checks in 40 minutes later. */
  onSite(minutes: number): Promise<void>;
  waitParts(minutes: number, reason: string): Promise<void>;
  pause(minutes: number, reason: string): Promise<void>;
}

/** Loads the shipped packs (as the server does right after seeding) and creates the demo orders. */
export async function seedDemoOrdersWithPacks(ctx: Pick<AppContext, 'db' | 'clock' | 'packs' | 'config'>) {
  await ctx.packs.load(ctx.config.policiesDir);
  return seedDemoOrders(ctx);
}
