import {
  CALL_ONLY_TYPES,
  type DISPOSITIONS,
  type OrderAction,
  type OrderChannel,
  type OrderType,
  type orderIntake,
} from '@aftercare/contracts';
import type { z } from 'zod';

/** Pure helpers of the work-order pages: form → request body, routes, ages and summaries. */

export type IntakeBody = z.input<typeof orderIntake>;
type Disposition = (typeof DISPOSITIONS)[number];

/** Anything with toISOString (a dayjs value from the RangePicker, a Date). */
type Instant = { toISOString(): string };

/** The agent desk form, as antd holds it. */
export interface DeskValues {
  brandId?: string;
  /** A product id, or NO_PRODUCT for an order by category. */
  productId?: string;
  categoryCode?: string;
  type?: OrderType;
  channel?: OrderChannel;
  faultDescription?: string;
  faultCodes?: string[];
  address?: { divisionCode?: string | null; detail?: string };
  windows?: ([Instant, Instant] | null | undefined)[];
  priority?: 'normal' | 'urgent';
  resolvedOnCall?: boolean;
  disposition?: Disposition;
  dispositionNote?: string;
  newCustomer?: { name?: string; phone?: string; divisionCode?: string | null; addressDetail?: string };
}

export const NO_PRODUCT = '__none__';
export const MAX_WINDOWS = 3;

/** Upper-cased, trimmed, without blanks or repeats (the server upper-cases too). */
export function normalizeFaultCodes(codes: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const c of codes ?? []) {
    const v = c.trim().toUpperCase();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

/** The filled windows of the RangePicker list, as ISO instants (at most 3). */
export function windowsOf(ranges: DeskValues['windows']): { start: string; end: string }[] {
  return (ranges ?? [])
    .filter((r): r is [Instant, Instant] => Array.isArray(r) && Boolean(r[0]) && Boolean(r[1]))
    .slice(0, MAX_WINDOWS)
    .map(([s, e]) => ({ start: s.toISOString(), end: e.toISOString() }));
}

export const closesOnCall = (type: OrderType | undefined) => Boolean(type && CALL_ONLY_TYPES.includes(type));

const blank = (s: string | null | undefined) => !s?.trim();

/**
 * The intake body from the desk form. `customerId` is the picked customer (none → the new-customer
 * mini form is sent). The service address is sent when both parts are filled (else the server takes
 * the customer's primary address); a disposition only for call-only types with the switch on.
 */
export function intakeBodyOf(v: DeskValues, customerId: string | null, onDuplicate?: 'link' | 'create'): IntakeBody {
  const body: IntakeBody = {
    brandId: v.brandId ?? '',
    type: v.type ?? 'repair',
    channel: v.channel ?? 'phone',
    faultCodes: normalizeFaultCodes(v.faultCodes),
    preferredWindows: windowsOf(v.windows),
    priority: v.priority ?? 'normal',
  };
  if (customerId) body.customerId = customerId;
  else {
    const n = v.newCustomer ?? {};
    body.newCustomer = {
      name: n.name?.trim() ?? '',
      phone: n.phone?.trim() ?? '',
      divisionCode: n.divisionCode ?? '',
      addressDetail: n.addressDetail?.trim() ?? '',
    };
  }
  if (v.productId && v.productId !== NO_PRODUCT) body.productId = v.productId;
  else if (v.categoryCode) body.categoryCode = v.categoryCode;
  if (!blank(v.faultDescription)) body.faultDescription = v.faultDescription!.trim();
  if (v.address && !blank(v.address.divisionCode) && !blank(v.address.detail)) {
    body.address = { divisionCode: v.address.divisionCode!, detail: v.address.detail!.trim() };
  }
  if (closesOnCall(body.type) && v.resolvedOnCall && v.disposition) {
    body.resolvedOnCall = { disposition: v.disposition };
    if (!blank(v.dispositionNote)) body.resolvedOnCall.note = v.dispositionNote!.trim();
  }
  if (onDuplicate) body.onDuplicate = onDuplicate;
  return body;
}

/**
 * One Idempotency-Key per form: a repeated submit of the same body (a double click, a retry after a
 * network error) reuses the key, so the server answers it once. The server refuses a key reused with
 * another body (422), so a corrected form or a duplicate choice gets a fresh key.
 */
export interface IdempotencyState {
  key: string;
  body: string;
}
export function idempotencyFor(
  prev: IdempotencyState | null,
  body: unknown,
  newKey: () => string = () => crypto.randomUUID(),
): IdempotencyState {
  const text = JSON.stringify(body);
  if (prev && prev.body === text) return prev;
  return { key: newKey(), body: text };
}

/** `If-Match` carries the order version the caller last read. */
export const ifMatch = (version: number) => `"${version}"`;

/** The list query as a query string: `status` repeats (status=a&status=b), blanks are left out. */
export function orderQueryString(params: Record<string, string | number | readonly string[] | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    if (Array.isArray(v)) for (const x of v) s.append(k, String(x));
    else s.set(k, String(v));
  }
  return s.toString();
}

/** `a,b` in the URL (list filters are flat strings) ⇄ the status array of the query. */
export const splitList = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : []);

/**
 * The API's routes from its OpenAPI document: `POST /work-orders/:id/redirect`. The console offers a
 * step only when the server has its route (other modules land at their own pace).
 */
export function routeSetOf(doc: { paths?: Record<string, Record<string, unknown>> } | null | undefined): RouteSet {
  if (!doc?.paths) return null;
  const out = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    const p = path.replace(/^\/api\/v1/, '').replace(/\{(\w+)\}/g, ':$1');
    for (const method of Object.keys(ops)) out.add(`${method.toUpperCase()} ${p}`);
  }
  return out;
}

/**
 * The server's routes: a set read from its OpenAPI document, or `null` when the document could not be
 * read — then every route the console knows is assumed (the server still answers for itself).
 */
export type RouteSet = Set<string> | null;

/** Is the route there? Not while the routes are still loading (undefined); yes when they are unknown. */
export function hasRoute(routes: RouteSet | undefined, key: string): boolean {
  if (routes === undefined) return false;
  return routes === null || routes.has(key);
}

/** Each step the order page offers: its route, and what its small form asks. */
export type StepField =
  | 'reason'
  | 'optionalReason'
  | 'outlet'
  | 'technician'
  | 'window'
  | 'requestedBy'
  | 'text'
  | 'pauseReason';
export interface StepForm {
  path: string;
  fields: readonly StepField[];
  danger?: boolean;
  /** Fixed fields of the body (the SLA clock route takes `action: pause | resume`). */
  body?: Record<string, unknown>;
}
export const STEP_FORMS: Partial<Record<OrderAction, StepForm>> = {
  note: { path: 'notes', fields: ['text'] },
  cancel: { path: 'cancel', fields: ['reason'], danger: true },
  reopen: { path: 'reopen', fields: ['reason'] },
  redirect: { path: 'redirect', fields: ['outlet', 'reason'] },
  assign: { path: 'assign', fields: ['technician'] },
  book: { path: 'book', fields: ['window'] },
  reschedule: { path: 'reschedule', fields: ['window', 'requestedBy', 'reason'] },
  accept: { path: 'accept', fields: [] },
  refuse: { path: 'refuse', fields: ['reason'], danger: true },
  // Section G: the SLA clock stops while the customer (or a part) is awaited.
  pause_clock: { path: 'clock', fields: ['pauseReason', 'optionalReason'], body: { action: 'pause' } },
  resume_clock: { path: 'clock', fields: ['optionalReason'], body: { action: 'resume' } },
};

/** The console's steps the server can take now: in the order's actions and routed on the server. */
export function availableSteps(actions: readonly OrderAction[], routes: RouteSet | undefined): OrderAction[] {
  return actions.filter((a) => {
    const f = STEP_FORMS[a];
    return f && hasRoute(routes, `POST /work-orders/:id/${f.path}`);
  });
}

export interface StepValues {
  reason?: string;
  text?: string;
  outletId?: string;
  technicianId?: string;
  window?: [Instant, Instant] | null;
  requestedBy?: 'customer' | 'outlet' | 'agent';
  pauseReason?: 'waiting_customer' | 'waiting_parts';
}

/** The body of a step from its small form (only the fields that step takes). */
export function stepBodyOf(action: OrderAction, v: StepValues): Record<string, unknown> {
  const fields = STEP_FORMS[action]?.fields ?? [];
  const body: Record<string, unknown> = { ...STEP_FORMS[action]?.body };
  for (const f of fields) {
    if (f === 'text') body.text = v.text?.trim() ?? '';
    if (f === 'reason') body.reason = v.reason?.trim() ?? '';
    if (f === 'optionalReason' && !blank(v.reason)) body.reason = v.reason!.trim();
    if (f === 'outlet') body.outletId = v.outletId;
    if (f === 'technician') body.technicianId = v.technicianId;
    if (f === 'requestedBy') body.requestedBy = v.requestedBy ?? 'customer';
    if (f === 'pauseReason') body.pauseReason = v.pauseReason ?? 'waiting_customer';
    if (f === 'window' && v.window) {
      body.start = v.window[0].toISOString();
      body.end = v.window[1].toISOString();
    }
  }
  return body;
}

/** How long an order has waited: whole hours and minutes (never negative). */
export function ageOf(since: string, now: number): { h: number; m: number; minutes: number } {
  const minutes = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
  return { h: Math.floor(minutes / 60), m: minutes % 60, minutes };
}

export const isOverdue = (due: string | null | undefined, now: number) => Boolean(due && Date.parse(due) < now);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A timeline event's data as one short line: `key: value` pairs; internal ids are left out (names
 * travel beside them), instants go through `time` (Shanghai time on screen), nested values are
 * counted, and the line is cut at `max`.
 */
export function dataSummary(
  data: Record<string, unknown>,
  max = 160,
  time: (iso: string) => string = (iso) => iso,
): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(data)) {
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'string' && UUID.test(v)) continue;
    if (Array.isArray(v)) {
      if (v.length === 0) continue;
      parts.push(`${k}: ${v.every((x) => typeof x !== 'object') ? v.join(', ') : `[${v.length}]`}`);
    } else if (typeof v === 'object') parts.push(`${k}: {…}`);
    else if (typeof v === 'string' && ISO_INSTANT.test(v)) parts.push(`${k}: ${time(v)}`);
    else parts.push(`${k}: ${String(v)}`);
  }
  const line = parts.join('; ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export type ReturnVisitOutcome = 'satisfied' | 'unsatisfied' | 'unreachable';
export interface OutcomeValues {
  outcome?: ReturnVisitOutcome;
  reason?: string;
  notes?: string;
}

/** The return-visit outcome body: a reason only when unsatisfied, notes when given. */
export function outcomeBodyOf(v: OutcomeValues): { outcome: ReturnVisitOutcome; reason?: string; notes?: string } {
  const body: { outcome: ReturnVisitOutcome; reason?: string; notes?: string } = { outcome: v.outcome ?? 'satisfied' };
  if (body.outcome === 'unsatisfied' && !blank(v.reason)) body.reason = v.reason!.trim();
  if (!blank(v.notes)) body.notes = v.notes!.trim();
  return body;
}

/** Status tag colours: waiting on someone (gold), moving (blue), done (green), stopped (default/red). */
export const STATUS_COLORS: Record<string, string> = {
  registered: 'gold',
  dispatched: 'orange',
  accepted: 'cyan',
  booked: 'blue',
  on_the_way: 'geekblue',
  on_site: 'purple',
  resolved: 'green',
  waiting_parts: 'volcano',
  returned_to_factory: 'magenta',
  return_visit: 'lime',
  closed: 'default',
  cancelled: 'default',
  reopened: 'red',
};

/**
 * What the desk's one box looks up first: a number-like entry is a phone (then a serial, since
 * serials can be all digits); anything with letters is a serial.
 */
export function lookupOrder(text: string): ('phone' | 'serial')[] {
  const t = text.trim();
  if (!t) return [];
  return /^[+\d\s()-]{5,24}$/.test(t) && /\d{5}/.test(t.replace(/\D/g, '')) ? ['phone', 'serial'] : ['serial'];
}
