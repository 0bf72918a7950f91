// The `sla` and `remedies` sections of a pack (section G): the brand's promises as clocks. A milestone
// starts at one order event and stops at another; its target is calendar or working time (different by
// urban/rural class, order type, channel or category), it may pause for a reason and move with a
// customer-requested appointment, and its breach carries an assessment slip and customer remedies.
// The engine that turns an order's events into milestone states is engine.ts. docs/sla.md explains it.
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lower-case id (a-z, 0-9, -)' });
const localized = z.strictObject({ 'zh-CN': z.string().min(1), 'en-US': z.string().min(1) });
const ref = z.string().min(1).optional();
const yuan = z.number().nonnegative().max(1_000_000);

/**
 * Work-order actions a milestone may start or stop on: the work-order actions of the contracts package
 * (ORDER_ACTIONS in packages/contracts/src/work-orders.ts) plus the clock actions pause_clock and
 * resume_clock. Kept here because the policy package does not depend on contracts; sla.test.ts checks
 * that the two lists agree.
 */
export const SLA_ACTIONS = [
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
export type SlaAction = (typeof SLA_ACTIONS)[number];

/**
 * An event trigger: an action (`check_in`), or an action narrowed by the kind of its data
 * (`note:contact_call` — a note whose `data.kind` is `contact_call`, i.e. a click-to-call).
 */
export const triggerSchema = z
  .string()
  .regex(/^[a-z_]+(:[a-z_]+)?$/, { message: 'expected an order action, optionally with a kind (note:contact_call)' })
  .refine((t) => (SLA_ACTIONS as readonly string[]).includes(t.split(':')[0]!), {
    message: `unknown order action (known: ${SLA_ACTIONS.join(', ')})`,
  });

const positive = z.number().positive().max(1_000_000);
const DURATION_KEYS = ['minutes', 'hours', 'days', 'workingHours', 'workingDays'] as const;
type DurationKey = (typeof DURATION_KEYS)[number];
const exactlyOne =
  (keys: readonly string[]) =>
  (d: Record<string, unknown>): boolean =>
    keys.filter((k) => d[k] !== undefined).length === 1;

/**
 * A duration: exactly one of minutes, hours, days (calendar time) or workingHours, workingDays
 * (working time by the brand's calendar; one working day = the calendar's working minutes a day).
 */
export const durationSchema = z
  .strictObject({
    minutes: positive.optional(),
    hours: positive.optional(),
    days: positive.optional(),
    workingHours: positive.optional(),
    workingDays: positive.optional(),
    ref,
  })
  .refine(exactlyOne(DURATION_KEYS), {
    message: 'give exactly one of minutes, hours, days, workingHours or workingDays',
  });

/** A lead time before a due time: calendar time only (minutes, hours or days). */
export const leadSchema = z
  .strictObject({ minutes: positive.optional(), hours: positive.optional(), days: positive.optional(), ref })
  .refine(exactlyOne(['minutes', 'hours', 'days']), { message: 'give exactly one of minutes, hours or days' });

export const appointmentEndSchema = z.strictObject({ appointmentEnd: z.literal(true), ref });

export const PAUSE_REASONS = ['waiting_parts', 'waiting_customer', 'at_factory'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

const factsFilter = {
  types: z.array(z.string().min(1)).min(1).optional(),
  channels: z.array(z.string().min(1)).min(1).optional(),
  categories: z.array(z.string().min(1)).min(1).optional(),
};

export const milestoneSchema = z.strictObject({
  id: slug,
  name: localized,
  /** Which orders get the milestone (order type, intake channel, category code); every order when left out. */
  appliesTo: z.strictObject(factsFilter).optional(),
  start: z.strictObject({
    on: z.array(triggerSchema).min(1),
    /** receivedAt: the start event's data.receivedAt (when the contact came in) when present and earlier. */
    at: z.enum(['event', 'receivedAt']).optional(),
    /**
     * latest: a start event again before the stop restarts the clock (a step per assignment: the outlet
     * offered the order after a refusal or a redirect gets its own 30 minutes). Default: the first start.
     */
    latest: z.boolean().optional(),
  }),
  /** The first of these events after the start stops the clock. */
  stop: z.strictObject({ on: z.array(triggerSchema).min(1) }),
  target: z.union([durationSchema, appointmentEndSchema]),
  /** Targets by order facts; the first whose `when` matches wins, else `target`. */
  targets: z
    .array(
      z.strictObject({
        when: z.strictObject({ urbanRural: z.enum(['urban', 'rural']).optional(), ...factsFilter }),
        target: durationSchema,
      }),
    )
    .optional(),
  /** Warn this long before the due time; by default at 80 % of the target. Warnings fall in working hours. */
  warnBefore: leadSchema.optional(),
  /** Pause reasons that stop this clock (the others do not). */
  pauseFor: z.array(z.enum(PAUSE_REASONS)).optional(),
  /** A customer-requested appointment window ending after the due time moves the due time to its end. */
  customerAppointmentMoves: z.boolean().optional(),
  responsible: z.enum(['desk', 'outlet', 'dispatch']),
  breach: z
    .strictObject({
      slip: z.strictObject({ amountYuan: yuan, ref }).optional(),
      remedies: z.array(slug).optional(),
    })
    .optional(),
  ref,
});

export const slaSchema = z.strictObject({
  milestones: z.array(milestoneSchema),
  /** Resolution-rate targets on one milestone (AUX: 80 % in 1 day, 90 % in 2, 95 % in 3, 100 % in 5). */
  resolution: z
    .strictObject({
      milestone: slug,
      targets: z.array(z.strictObject({ days: positive, rate: z.number().min(0).max(100) })).min(1),
      ref,
    })
    .optional(),
  /** Days an outlet has to appeal a slip before it is confirmed. Default 3. */
  appealDays: z.int().nonnegative().max(365).optional(),
  ref,
});

export const remedyItemSchema = z.strictObject({
  id: slug,
  name: localized,
  kind: z.enum(['waive_charges', 'compensation', 'loaner']),
  amountYuan: yuan.optional(),
  ref,
});

export const remediesSchema = z.strictObject({
  /** Largest amount (yuan) each role may approve; a role not listed may not approve. */
  approvalLimits: z.record(z.string().min(1), yuan),
  items: z.array(remedyItemSchema),
  ref,
});

export type Duration = z.infer<typeof durationSchema>;
export type Lead = z.infer<typeof leadSchema>;
export type MilestoneDef = z.infer<typeof milestoneSchema>;
export type SlaSection = z.infer<typeof slaSchema>;
export type RemediesSection = z.infer<typeof remediesSchema>;
export type RemedyItem = z.infer<typeof remedyItemSchema>;

export interface SlaProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Cross-references of a pack's own `sla` and `remedies` sections: unique milestone and remedy ids,
 * breach remedies naming an item of the pack's `remedies.items`, the resolution milestone naming one of
 * the pack's milestones, a customer move only on a duration target. Paths are relative to the pack.
 * Lists replace as a whole when a brand pack extends another, so references are checked within one pack.
 */
export function slaProblems(pack: {
  sla?: SlaSection | undefined;
  remedies?: RemediesSection | undefined;
}): SlaProblem[] {
  const out: SlaProblem[] = [];
  const milestones = pack.sla?.milestones ?? [];
  const items = pack.remedies?.items ?? [];
  const remedyIds = new Set(items.map((r) => r.id));
  items.forEach((r, i) => {
    if (items.findIndex((o) => o.id === r.id) !== i)
      out.push({ path: ['remedies', 'items', i, 'id'], message: `remedy id ${r.id} is used twice` });
    if (r.kind === 'compensation' && r.amountYuan === undefined)
      out.push({ path: ['remedies', 'items', i, 'amountYuan'], message: 'a compensation needs amountYuan' });
  });
  milestones.forEach((m, i) => {
    if (milestones.findIndex((o) => o.id === m.id) !== i)
      out.push({ path: ['sla', 'milestones', i, 'id'], message: `milestone id ${m.id} is used twice` });
    m.breach?.remedies?.forEach((id, j) => {
      if (!remedyIds.has(id))
        out.push({
          path: ['sla', 'milestones', i, 'breach', 'remedies', j],
          message: `no remedy ${id} in this pack's remedies.items${remedyIds.size ? ` (known: ${[...remedyIds].join(', ')})` : ''}`,
        });
    });
    if ('appointmentEnd' in m.target && m.targets?.length)
      out.push({ path: ['sla', 'milestones', i, 'targets'], message: 'an appointmentEnd target takes no targets' });
    if ('appointmentEnd' in m.target && m.customerAppointmentMoves)
      out.push({
        path: ['sla', 'milestones', i, 'customerAppointmentMoves'],
        message: 'an appointmentEnd target follows the appointment already',
      });
  });
  const res = pack.sla?.resolution;
  if (res && milestones.length > 0 && !milestones.some((m) => m.id === res.milestone))
    out.push({
      path: ['sla', 'resolution', 'milestone'],
      message: `no milestone ${res.milestone} in sla.milestones (known: ${milestones.map((m) => m.id).join(', ')})`,
    });
  return out;
}

/** The length of a duration in its clock's minutes (working days by the calendar's working day). */
export function durationMinutes(
  d: Duration,
  dailyWorkingMinutes: number,
): { clock: 'calendar' | 'working'; minutes: number } {
  const key = DURATION_KEYS.find((k) => d[k] !== undefined) as DurationKey;
  const n = d[key] as number;
  switch (key) {
    case 'minutes':
      return { clock: 'calendar', minutes: n };
    case 'hours':
      return { clock: 'calendar', minutes: n * 60 };
    case 'days':
      return { clock: 'calendar', minutes: n * 1440 };
    case 'workingHours':
      return { clock: 'working', minutes: n * 60 };
    case 'workingDays':
      return { clock: 'working', minutes: n * dailyWorkingMinutes };
  }
}

/** A calendar lead in minutes. */
export function leadMinutes(l: Lead): number {
  return l.minutes ?? (l.hours !== undefined ? l.hours * 60 : (l.days ?? 0) * 1440);
}
