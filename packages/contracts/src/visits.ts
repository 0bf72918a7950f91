// Appointments, visits, completion, charges and return visits of a work order (section E), and the
// customer's H5 actions. Request bodies are strict: an unknown field answers 400.
import { FEE_COMPONENTS } from '@aftercare/policy';
import { z } from 'zod';
import { pageOf, pageQuery } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso.datetime({ offset: true });
const lat = z.number().min(-90).max(90);
const lng = z.number().min(-180).max(180);

/**
 * Appointment windows: start after now (checked by the server with its clock), end after start,
 * 30 minutes to 24 hours long, and starting within 90 days.
 */
export const APPOINTMENT_RULES = { minMinutes: 30, maxHours: 24, maxDaysAhead: 90 } as const;

export const bookBody = z
  .strictObject({ start: instant, end: instant })
  .refine((w) => Date.parse(w.end) > Date.parse(w.start), { message: 'end must be after start', path: ['end'] });

export const APPOINTMENT_REQUESTERS = ['customer', 'outlet', 'agent'] as const;

export const rescheduleBody = z
  .strictObject({
    start: instant,
    end: instant,
    requestedBy: z.enum(APPOINTMENT_REQUESTERS),
    reason: text(500),
  })
  .refine((w) => Date.parse(w.end) > Date.parse(w.start), { message: 'end must be after start', path: ['end'] });

export const appointment = z
  .object({
    id: z.uuid(),
    start: z.string(),
    end: z.string(),
    status: z.enum(['active', 'superseded', 'cancelled']),
    requestedBy: z.enum(['customer', 'outlet', 'agent', 'system']),
    reason: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Appointment' });
export const appointmentList = z.object({ items: z.array(appointment) });

export const checkInBody = z
  .strictObject({ lat: lat.optional(), lng: lng.optional() })
  .refine((b) => (b.lat === undefined) === (b.lng === undefined), {
    message: 'give both lat and lng, or neither',
    path: ['lat'],
  });

export const MAX_VISIT_PHOTOS = 12;

export const visitPhoto = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  takenAt: instant.optional(),
  lat: lat.optional(),
  lng: lng.optional(),
});

/** Saves the open visit: only the fields given change; `checklist` ticks merge into what is saved. */
export const visitBody = z.strictObject({
  checklist: z.record(z.string().min(1).max(60), z.boolean()).optional(),
  diagnosis: z.string().trim().max(2000).nullable().optional(),
  faultCode: z.string().trim().min(1).max(20).nullable().optional(),
  cause: z.string().trim().max(1000).nullable().optional(),
  partsUsed: z.string().trim().max(2000).nullable().optional(),
  photos: z.array(visitPhoto).max(MAX_VISIT_PHOTOS).optional(),
});

export const visit = z
  .object({
    id: z.uuid(),
    /** `id` is null for the customer (who came, by name). */
    technician: z.object({ id: z.uuid().nullable(), name: z.string() }),
    checkedInAt: z.string(),
    checkedOutAt: z.string().nullable(),
    position: z.object({ lat: z.number(), lng: z.number() }).nullable(),
    distanceM: z.int().nullable(),
    checklist: z.array(
      z.object({
        id: z.string(),
        name: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
        required: z.boolean(),
        done: z.boolean(),
      }),
    ),
    diagnosis: z.string().nullable(),
    faultCode: z.string().nullable(),
    cause: z.string().nullable(),
    partsUsed: z.string().nullable(),
    photos: z.array(
      z.object({
        url: z.string(),
        takenAt: z.string().optional(),
        lat: z.number().optional(),
        lng: z.number().optional(),
      }),
    ),
    outcome: z.enum(['resolved', 'waiting_parts', 'returned_to_factory', 'revisit']).nullable(),
    signed: z.boolean(),
  })
  .meta({ id: 'Visit' });
export const visitList = z.object({ items: z.array(visit) });

/** A PNG data URL of the customer's signature, up to about 200 KB. */
export const MAX_SIGNATURE_CHARS = 280_000;
export const completeBody = z.union([
  z.strictObject({ code: z.string().regex(/^\d{4,8}$/, 'the digits the customer received') }),
  z.strictObject({
    signature: z
      .string()
      .max(MAX_SIGNATURE_CHARS)
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/, 'a PNG data URL (data:image/png;base64,…)'),
  }),
]);

export const completionCodeSent = z.object({ sentTo: z.string(), expiresAt: z.string() });

export const quoteBody = z
  .strictObject({
    items: z
      .array(z.strictObject({ code: text(60), quantity: z.int().min(1).max(99) }))
      .max(30)
      .default([]),
    parts: z
      .array(z.strictObject({ partCode: text(60), quantity: z.int().min(1).max(99) }))
      .max(30)
      .default([]),
  })
  .refine((b) => b.items.length + b.parts.length > 0, { message: 'quote at least one item or part', path: ['items'] });

export const quoteDecisionBody = z.strictObject({ accept: z.boolean() });

const localized = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

export const chargeLine = z.object({
  kind: z.enum(['item', 'part']),
  code: z.string(),
  name: localized,
  component: z.enum([...FEE_COMPONENTS, 'parts']),
  unitFen: z.int(),
  quantity: z.int(),
  amountFen: z.int(),
  coveredFen: z.int(),
  payableFen: z.int(),
  clause: z.object({ path: z.string(), ref: z.string().optional() }),
  coveredBy: z.object({ path: z.string(), ref: z.string().optional() }).nullable(),
});

export const charge = z
  .object({
    id: z.uuid(),
    kind: z.enum(['quote', 'receipt']),
    status: z.enum(['proposed', 'accepted', 'declined', 'superseded', 'issued']),
    lines: z.array(chargeLine),
    totalFen: z.int(),
    coveredFen: z.int(),
    payableFen: z.int(),
    feePack: z.object({ id: z.string(), version: z.int() }).nullable(),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Charge' });
export const chargeList = z.object({ items: z.array(charge) });

export const RETURN_VISIT_OUTCOMES = ['satisfied', 'unsatisfied', 'unreachable'] as const;

export const returnVisitQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(['open', 'done', 'cancelled']).optional(),
  brandId: z.uuid().optional(),
  /** Open tasks past their due time. */
  overdue: z.enum(['true', 'false']).optional(),
});

export const returnVisitOutcomeBody = z
  .strictObject({
    outcome: z.enum(RETURN_VISIT_OUTCOMES),
    notes: z.string().trim().max(2000).optional(),
    /** Why the customer is not satisfied: required for `unsatisfied` (the order reopens with it). */
    reason: text(500).optional(),
  })
  .refine((b) => b.outcome !== 'unsatisfied' || !!b.reason, {
    message: 'an unsatisfied outcome needs a reason',
    path: ['reason'],
  });

export const returnVisitTask = z
  .object({
    id: z.uuid(),
    order: z.object({ id: z.uuid(), number: z.string(), status: z.string(), brandId: z.uuid() }),
    dueAt: z.string(),
    overdue: z.boolean(),
    status: z.enum(['open', 'done', 'cancelled']),
    claimedBy: z.uuid().nullable(),
    outcome: z.enum(RETURN_VISIT_OUTCOMES).nullable(),
    notes: z.string().nullable(),
    attempts: z.int(),
    doneAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ReturnVisitTask' });
export const returnVisitPage = pageOf(returnVisitTask);

export const h5TokenParams = z.strictObject({ token: z.string().min(20).max(64) });
export const h5Confirmed = z.object({ confirmedAt: z.string() });
