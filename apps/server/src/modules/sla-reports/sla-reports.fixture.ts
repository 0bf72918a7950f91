import type { ResolvedPack } from '@aftercare/policy';
import type { TestApp } from '../../../test/index.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Test world for the SLA reports: milestone rows written straight into sla_milestones for real orders,
 * with known statuses, start times and minutes on the clock, and a pack ('report-test', the national
 * baseline plus an `sla` section) added to the pack set the app reads.
 */

export const TEST_PACK = 'report-test';

export const TEST_SLA = {
  milestones: [
    { id: 'on_site', name: { 'zh-CN': '上门', 'en-US': 'On site' } },
    { id: 'resolved', name: { 'zh-CN': '修复', 'en-US': 'Resolved' } },
  ],
  resolution: {
    milestone: 'resolved',
    targets: [
      { days: 1, rate: 25 },
      { days: 2, rate: 50 },
      { days: 3, rate: 60 },
      { days: 5, rate: 100 },
    ],
  },
};

/** Makes the app's pack set include the test pack (the baseline with TEST_SLA). */
export function addTestPack(t: TestApp) {
  const store = t.ctx.packs;
  const original = store.current.bind(store);
  store.current = () => {
    const current = original();
    const base = current.packs.find((p) => p.id === 'cn-baseline')!;
    const pack = { ...base, id: TEST_PACK, version: 1, sla: TEST_SLA } as unknown as ResolvedPack;
    return { ...current, packs: [...current.packs.filter((p) => p.id !== TEST_PACK), pack] };
  };
}

export interface MilestoneSpec {
  key?: string;
  status: 'open' | 'paused' | 'met' | 'missed' | 'cancelled';
  /** Instant the clock started (ISO with offset). */
  startedAt: string;
  elapsed?: number;
  dueAt?: string | null;
  outletId?: string | null;
  regionId?: string | null;
  customerCaused?: boolean;
}

/** One order of the customer with one milestone row (several keys: call again with the same order). */
export async function milestone(t: TestApp, order: { id: string; brandId: string }, m: MilestoneSpec) {
  const started = new Date(m.startedAt);
  const stopped = m.status === 'met' || m.status === 'missed' || m.status === 'cancelled';
  const id = newId();
  await t.db
    .insertInto('sla_milestones')
    .values({
      id,
      order_id: order.id,
      brand_id: order.brandId,
      outlet_id: m.outletId ?? null,
      region_id: m.regionId ?? null,
      division_code: '310115004',
      milestone_key: m.key ?? 'resolved',
      pack_id: TEST_PACK,
      pack_version: 1,
      responsible: 'outlet',
      clock: 'calendar',
      target_minutes: 7200,
      started_at: started,
      due_at: m.dueAt === undefined ? new Date(started.getTime() + 7200 * 60_000) : m.dueAt && new Date(m.dueAt),
      warn_at: null,
      stopped_at: stopped ? new Date(started.getTime() + (m.elapsed ?? 0) * 60_000) : null,
      status: m.status,
      elapsed_minutes: m.elapsed ?? 0,
      customer_caused: m.customerCaused ?? false,
      computed_at: t.clock.now(),
    })
    .execute();
  return id;
}
