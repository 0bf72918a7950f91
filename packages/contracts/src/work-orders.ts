import { z } from 'zod';
import { categoryCode, divisionCode, pageOf, pageQuery, phoneInput } from './common.ts';
import { URBAN_RURAL } from './customers.ts';
import { SERVICE_TYPES } from './network.ts';
import { warrantyVerdict } from './warranty.ts';

/**
 * Section E: what a contact asks for. The order types are the service types outlets are authorized
 * for and technicians skilled in (network.ts), so dispatch matches them one to one.
 */
export const ORDER_TYPES = SERVICE_TYPES;
export type OrderType = (typeof ORDER_TYPES)[number];

export const ORDER_CHANNELS = [
  'phone',
  'web',
  'h5',
  'email',
  'fax',
  'wechat',
  'supervision_card',
  'walk_in',
  'dealer',
  'proactive',
] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

/** The lifecycle of section E; the transitions between them are in the server's work-order-status.ts. */
export const ORDER_STATUSES = [
  'registered',
  'dispatched',
  'accepted',
  'booked',
  'on_the_way',
  'on_site',
  'resolved',
  'waiting_parts',
  'returned_to_factory',
  'return_visit',
  'closed',
  'cancelled',
  'reopened',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses in which an order is still open (duplicate detection, loads, boards). */
export const OPEN_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter((s) => s !== 'closed' && s !== 'cancelled');

export const ORDER_ACTIONS = [
  'register',
  'close_on_call',
  'offer',
  'accept',
  'refuse',
  'expire',
  'return_to_board',
  'redirect',
  'assign',
  'book',
  'reschedule',
  'depart',
  'check_in',
  'complete',
  'wait_parts',
  'to_factory',
  'revisit',
  'start_return_visit',
  'close',
  'reopen',
  'cancel',
  'note',
  'link',
  'quote',
  'quote_decision',
  'pause_clock',
  'resume_clock',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** Outcomes of a contact closed on the call (guidance, consultation …): it is still registered. */
export const DISPOSITIONS = [
  'guided_resolved',
  'information_given',
  'transferred',
  'no_action_needed',
  'customer_declined',
] as const;

/** Order types that need no visit: they may close on the call with a disposition. */
export const CALL_ONLY_TYPES: readonly OrderType[] = ['consultation', 'guidance', 'complaint'];

const text = (max: number) => z.string().trim().min(1).max(max);

export const timeWindow = z
  .strictObject({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) })
  .refine((w) => Date.parse(w.end) > Date.parse(w.start), { message: 'end must be after start', path: ['end'] });

/** A customer created on the call when the screen pop found nobody. */
export const intakeNewCustomer = z.strictObject({
  name: text(100),
  phone: phoneInput,
  divisionCode,
  addressDetail: text(200),
});

export const DUPLICATE_CHOICES = ['link', 'create'] as const;

export const orderIntake = z
  .strictObject({
    brandId: z.uuid(),
    type: z.enum(ORDER_TYPES),
    channel: z.enum(ORDER_CHANNELS),
    customerId: z.uuid().optional(),
    newCustomer: intakeNewCustomer.optional(),
    productId: z.uuid().optional(),
    /** For an order without a stored product (an unregistered unit). */
    categoryCode: categoryCode.optional(),
    faultDescription: z.string().trim().max(2000).optional(),
    faultCodes: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
    /** Where the service happens; the customer's primary address when left out. */
    address: z.strictObject({ divisionCode, detail: text(200) }).optional(),
    contactName: text(100).optional(),
    contactPhone: phoneInput.optional(),
    preferredWindows: z.array(timeWindow).max(5).default([]),
    priority: z.enum(['normal', 'urgent']).default('normal'),
    /** A contact resolved on the call: registered and closed at once with this disposition. */
    resolvedOnCall: z
      .strictObject({ disposition: z.enum(DISPOSITIONS), note: z.string().trim().max(2000).optional() })
      .optional(),
    /**
     * When the customer already has an open order for this product: `link` adds this contact to it
     * instead of creating a second order; `create` creates a new one linked to it. Left out, the
     * intake answers 409 WORK_ORDER_DUPLICATE naming the open order.
     */
    onDuplicate: z.enum(DUPLICATE_CHOICES).optional(),
    /**
     * When the contact came in (a call taken before it was typed, a letter, a back-dated entry): the SLA's
     * "recorded within 5 minutes" counts from here. Not in the future, at most 7 days back (else 422).
     */
    receivedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((b) => (b.customerId ? !b.newCustomer : !!b.newCustomer), {
    message: 'give exactly one of customerId and newCustomer',
    path: ['customerId'],
  })
  .refine((b) => !b.resolvedOnCall || CALL_ONLY_TYPES.includes(b.type), {
    message: 'only consultation, guidance and complaint contacts close on the call',
    path: ['resolvedOnCall'],
  });

export const orderListQuery = z.strictObject({
  ...pageQuery,
  brandId: z.uuid().optional(),
  status: z
    .union([z.enum(ORDER_STATUSES), z.array(z.enum(ORDER_STATUSES))])
    .optional()
    .transform((s) => (s === undefined ? undefined : Array.isArray(s) ? s : [s])),
  open: z.enum(['true', 'false']).optional(),
  type: z.enum(ORDER_TYPES).optional(),
  outletId: z.uuid().optional(),
  technicianId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  productId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  /** An order number (WO20261206-000123) or its tail. */
  q: z.string().trim().max(40).optional(),
});

export const orderEvent = z.object({
  seq: z.int(),
  action: z.enum(ORDER_ACTIONS),
  fromStatus: z.enum(ORDER_STATUSES).nullable(),
  toStatus: z.enum(ORDER_STATUSES).nullable(),
  at: z.string(),
  actor: z.object({ type: z.string(), name: z.string().nullable(), role: z.string().nullable() }),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

/** What the customer reads: plain words per step, no staff names beyond who is coming. */
export const orderPublicStep = z.object({
  at: z.string(),
  status: z.enum(ORDER_STATUSES).nullable(),
  text: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
});

export const workOrder = z
  .object({
    id: z.uuid(),
    number: z.string(),
    brandId: z.uuid(),
    type: z.enum(ORDER_TYPES),
    channel: z.enum(ORDER_CHANNELS),
    status: z.enum(ORDER_STATUSES),
    version: z.int(),
    customer: z.object({ id: z.uuid(), name: z.string() }),
    product: z
      .object({
        id: z.uuid(),
        categoryCode: z.string(),
        modelCode: z.string().nullable(),
        serial: z.string().nullable(),
      })
      .nullable(),
    categoryCode: z.string().nullable(),
    address: z.object({
      divisionCode: z.string(),
      divisionName: z.string().nullable(),
      detail: z.string(),
      urbanRural: z.enum(URBAN_RURAL),
    }),
    contactName: z.string(),
    contactPhone: z.string(),
    faultDescription: z.string().nullable(),
    faultCodes: z.array(z.string()),
    preferredWindows: z.array(z.object({ start: z.string(), end: z.string() })),
    priority: z.enum(['normal', 'urgent']),
    disposition: z.string().nullable(),
    outlet: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    /** For a customer: the name and licence of who is coming (no internal id or phone). */
    technician: z
      .object({
        id: z.uuid().nullable(),
        name: z.string(),
        licenceNo: z.string().nullable(),
        phone: z.string().nullable(),
      })
      .nullable(),
    offerExpiresAt: z.string().nullable(),
    handoffs: z.int(),
    reopenCount: z.int(),
    linkedOrderId: z.uuid().nullable(),
    flags: z.array(z.string()),
    completionMethod: z.enum(['code', 'signature']).nullable(),
    pack: z.object({ id: z.string(), version: z.int() }).nullable(),
    verdict: warrantyVerdict.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    resolvedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    /** What the caller may do next (by status and capability); the server checks again on every call. */
    actions: z.array(z.enum(ORDER_ACTIONS)),
  })
  .meta({ id: 'WorkOrder' });
export type WorkOrder = z.infer<typeof workOrder>;

export const workOrderPage = pageOf(workOrder);

export const intakeResult = z.object({
  order: workOrder,
  /** `linked`: the contact was added to the customer's open order instead of creating one. */
  outcome: z.enum(['created', 'closed_on_call', 'linked']),
});

export const workOrderTimeline = z.object({ items: z.array(orderEvent) });

/** The customer's H5 page (reached by the SMS link): progress in plain words and who is coming. */
export const customerOrderView = z
  .object({
    number: z.string(),
    status: z.enum(ORDER_STATUSES),
    type: z.enum(ORDER_TYPES),
    product: workOrder.shape.product,
    address: workOrder.shape.address,
    technician: z.object({ name: z.string(), licenceNo: z.string().nullable() }).nullable(),
    outlet: z.object({ name: z.string() }).nullable(),
    steps: z.array(orderPublicStep),
  })
  .meta({ id: 'CustomerOrderView' });

/**
 * The assigned technician's call to the customer: the full number, given just in time for the call
 * (the order shows it masked) and recorded on the timeline and in the audit log.
 */
export const contactCall = z.object({ phone: z.string(), tel: z.string() });

/** Body of the simple transitions that carry only a reason. */
export const reasonBody = z.strictObject({ reason: text(500) });
export const optionalReasonBody = z.strictObject({ reason: text(500).optional() });
export const noteBody = z.strictObject({ text: text(2000) });

/** `If-Match: "3"` or `If-Match: 3` — the version the caller last read. */
export const ifMatchHeaders = z.object({ 'if-match': z.string().optional() });
