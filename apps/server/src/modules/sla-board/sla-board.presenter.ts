import type { SlaBoard, SlaBoardGroup, SlaBoardItem } from '@aftercare/contracts';
import type { BoardItemRow, CountRow, groupNames } from './sla-board.repository.ts';

type Localized = { 'zh-CN': string; 'en-US': string };
type Names = Awaited<ReturnType<typeof groupNames>>;

function isLocalized(v: unknown): v is Localized {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Localized)['zh-CN'] === 'string' &&
    typeof (v as Localized)['en-US'] === 'string'
  );
}

/** The milestone's name as the engine explained it (explain.name), else the pack's, else its key. */
export function milestoneName(explain: unknown, key: string, fromPack?: Localized | null): Localized {
  const e = (typeof explain === 'string' ? safeJson(explain) : explain) as Record<string, unknown> | null;
  if (e && isLocalized(e.name)) return { 'zh-CN': e.name['zh-CN'], 'en-US': e.name['en-US'] };
  if (fromPack) return fromPack;
  return { 'zh-CN': key, 'en-US': key };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

const minutes = (ms: number) => Math.floor(ms / 60_000);

export function presentItem(r: BoardItemRow, now: Date, packName?: Localized | null): SlaBoardItem {
  const due = new Date(r.due_at as Date);
  const breached = due.getTime() <= now.getTime();
  return {
    id: r.id,
    order: { id: r.order_id, number: r.order_number, status: r.order_status },
    brand: { id: r.brand_id, name: r.brand_name },
    milestoneKey: r.milestone_key,
    name: milestoneName(r.explain, r.milestone_key, packName),
    responsible: r.responsible,
    outlet: r.outlet_id && r.outlet_name ? { id: r.outlet_id, code: r.outlet_code ?? '', name: r.outlet_name } : null,
    region: r.region_id && r.region_name ? { id: r.region_id, name: r.region_name } : null,
    status: r.status === 'paused' ? 'paused' : 'open',
    startedAt: new Date(r.started_at).toISOString(),
    dueAt: due.toISOString(),
    breached,
    minutesLate: breached ? minutes(now.getTime() - due.getTime()) : null,
    minutesLeft: breached ? null : Math.ceil((due.getTime() - now.getTime()) / 60_000),
    customerCaused: r.customer_caused,
  };
}

/** Sums the (brand, region, outlet) counts into the three groupings, most breached first. */
export function presentGroups(rows: readonly CountRow[], names: Names) {
  const group = (pick: (r: CountRow) => string | null, lookup: Map<string, { code: string; name: string }>) => {
    const out = new Map<string, SlaBoardGroup>();
    for (const r of rows) {
      const id = pick(r);
      const k = id ?? '';
      let g = out.get(k);
      if (!g) {
        const n = id ? lookup.get(id) : undefined;
        g = { id, name: n?.name ?? null, code: n?.code ?? null, breached: 0, dueSoon: 0, paused: 0 };
        out.set(k, g);
      }
      g.breached += r.breached;
      g.dueSoon += r.due_soon;
      g.paused += r.paused;
    }
    return [...out.values()].sort(
      (a, b) =>
        b.breached - a.breached ||
        b.dueSoon - a.dueSoon ||
        b.paused - a.paused ||
        (a.name ?? '').localeCompare(b.name ?? ''),
    );
  };
  const summary = rows.reduce(
    (s, r) => ({ breached: s.breached + r.breached, dueSoon: s.dueSoon + r.due_soon, paused: s.paused + r.paused }),
    { breached: 0, dueSoon: 0, paused: 0 },
  );
  return {
    summary,
    byBrand: group((r) => r.brand_id, names.brands),
    byRegion: group((r) => r.region_id, names.regions),
    byOutlet: group((r) => r.outlet_id, names.outlets),
  } satisfies Pick<SlaBoard, 'summary' | 'byBrand' | 'byRegion' | 'byOutlet'>;
}
