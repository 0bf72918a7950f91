import type { OrderStatus } from '@aftercare/contracts';
import { STATUS_COLORS } from '../orders/order-values.ts';

/** Pure helpers of the field pages (outlet portal, technician phone pages, customer H5). */

const TZ = 'Asia/Shanghai';

/**
 * A `tel:` link for a number the caller may dial, or null when the server masked it
 * (`138****1234`): a technician without `pii.phone` gets no dialable number.
 */
export function telHref(phone: string | null | undefined): string | null {
  if (!phone || phone.includes('*')) return null;
  const dial = phone.replace(/[^\d+]/g, '');
  return dial.length >= 3 ? `tel:${dial}` : null;
}

/** A plain navigation link: AMap's URI search for the address (opens the app or the web map). */
export function mapUrl(address: string): string {
  return `https://uri.amap.com/search?keyword=${encodeURIComponent(address.trim())}`;
}

/** Time left until an offer's deadline: `mm:ss` under an hour, `h:mm:ss` above; overdue at or past it. */
export function countdown(
  expiresAt: string | null | undefined,
  nowMs: number,
): { overdue: boolean; ms: number; text: string } | null {
  if (!expiresAt) return null;
  const end = Date.parse(expiresAt);
  if (Number.isNaN(end)) return null;
  const ms = end - nowMs;
  if (ms <= 0) return { overdue: true, ms: 0, text: '00:00' };
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { overdue: false, ms, text: h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}` };
}

/** The business date (Asia/Shanghai) of an instant, as YYYY-MM-DD. */
export function shanghaiDate(at: string | number | Date): string {
  const d = at instanceof Date ? at : new Date(at);
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    d,
  );
}

/** `09:05`: the Shanghai time of day of an instant. */
export function timeText(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false }).format(
    new Date(iso),
  );
}

/** `09:00–11:00` in Shanghai time (the end's date is assumed the same day as the start's). */
export function windowText(w: { start: string; end: string } | null | undefined): string | null {
  if (!w) return null;
  return `${timeText(w.start)}–${timeText(w.end)}`;
}

export interface Job<O> {
  order: O;
  window: { start: string; end: string } | null;
}

/**
 * The technician's list: today's booked jobs in appointment order first, then every other open job
 * (unbooked ones, later days) ordered by their window (unbooked last).
 */
export function planJobs<O>(jobs: readonly Job<O>[], today: string): { today: Job<O>[]; others: Job<O>[] } {
  const byStart = (a: Job<O>, b: Job<O>) => {
    if (!a.window && !b.window) return 0;
    if (!a.window) return 1;
    if (!b.window) return -1;
    return Date.parse(a.window.start) - Date.parse(b.window.start);
  };
  const sorted = [...jobs].sort(byStart);
  return {
    today: sorted.filter((j) => j.window && shanghaiDate(j.window.start) === today),
    others: sorted.filter((j) => !j.window || shanghaiDate(j.window.start) !== today),
  };
}

/** Photo links typed one per line (or separated by spaces/commas): only http(s) URLs, no repeats. */
export function photoList(text: string): string[] {
  const urls = text
    .split(/[\s,，]+/)
    .map((s) => s.trim())
    .filter((s) => /^https?:\/\/\S+$/i.test(s));
  return [...new Set(urls)];
}

/** Statuses in which a job is still the technician's to do (the phone list). */
export const TECHNICIAN_WORK: readonly OrderStatus[] = [
  'accepted',
  'booked',
  'on_the_way',
  'on_site',
  'waiting_parts',
  'returned_to_factory',
  'reopened',
];

/** The outlet's order tabs: which statuses each shows. */
export const OUTLET_TABS = {
  toAssign: ['accepted', 'booked', 'on_the_way', 'waiting_parts', 'returned_to_factory', 'reopened'],
  toBook: ['accepted', 'reopened', 'waiting_parts', 'returned_to_factory'],
  inService: ['booked', 'on_the_way', 'on_site'],
  pending: ['waiting_parts', 'returned_to_factory'],
  done: ['resolved', 'return_visit', 'closed'],
  all: [],
} as const satisfies Record<string, readonly OrderStatus[]>;
export type OutletTab = keyof typeof OUTLET_TABS;

/** Fen → `¥12.50`. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A status colour: the staff console's (one scheme for every page), for the outlet tables, phone cards and H5. */
export function statusColor(status: OrderStatus): string {
  return STATUS_COLORS[status] ?? 'default';
}

export interface QuoteLineInput {
  code?: string | null;
  quantity?: number | null;
}

/**
 * The quote body from the editor's rows: blank codes dropped, codes trimmed, quantities at least 1,
 * the same code on two rows added up.
 */
export function quoteBodyOf(items: readonly QuoteLineInput[], parts: readonly QuoteLineInput[]) {
  const merge = (rows: readonly QuoteLineInput[]) => {
    const out = new Map<string, number>();
    for (const r of rows) {
      const code = r.code?.trim();
      if (!code) continue;
      const q = Math.max(1, Math.floor(r.quantity ?? 1));
      out.set(code, Math.min(99, (out.get(code) ?? 0) + q));
    }
    return [...out];
  };
  return {
    items: merge(items).map(([code, quantity]) => ({ code, quantity })),
    parts: merge(parts).map(([partCode, quantity]) => ({ partCode, quantity })),
  };
}

/** The newest entry by `createdAt` (or by `checkedInAt` for visits) — lists may come oldest first. */
export function newest<T extends { createdAt?: string; checkedInAt?: string }>(rows: readonly T[]): T | null {
  let best: T | null = null;
  for (const r of rows) {
    const at = Date.parse(r.createdAt ?? r.checkedInAt ?? '');
    if (!best || at > Date.parse(best.createdAt ?? best.checkedInAt ?? '')) best = r;
  }
  return best;
}
