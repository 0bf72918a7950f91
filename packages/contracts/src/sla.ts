import { z } from 'zod';

/** Section G: the SLA clock of a work order (pause/resume), its milestones, notifications and a recompute. */

const localized = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

/** Why the clock stops while someone works on the order (waiting for parts is also a status of its own). */
export const PAUSE_REASONS = ['waiting_customer', 'waiting_parts'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** `POST /work-orders/:id/clock` (with If-Match): pause needs a pauseReason; resume answers 409 when not paused. */
export const clockBody = z.strictObject({
  action: z.enum(['pause', 'resume']),
  pauseReason: z.enum(PAUSE_REASONS).optional(),
  reason: z.string().trim().max(500).optional(),
});
export type ClockBody = z.infer<typeof clockBody>;

export const MILESTONE_STATUSES = ['open', 'paused', 'met', 'missed', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const milestonePause = z.object({ from: z.string(), to: z.string().nullable(), reason: z.string() });

/** One promise on one order (record within 5 min, on site within 12 h …) as the engine computed it. */
export const milestone = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: localized,
    responsible: z.enum(['desk', 'outlet', 'dispatch']),
    clock: z.enum(['calendar', 'working']),
    /** In the clock's measure; null: until the booked window ends. */
    targetMinutes: z.int().nullable(),
    startedAt: z.string(),
    /** Null while paused. */
    dueAt: z.string().nullable(),
    warnAt: z.string().nullable(),
    stoppedAt: z.string().nullable(),
    status: z.enum(MILESTONE_STATUSES),
    elapsedMinutes: z.int().nullable(),
    pausedMinutes: z.int(),
    pauses: z.array(milestonePause),
    customerCaused: z.boolean(),
    /** The due time has passed while open, or the stop came late. */
    breached: z.boolean(),
    explain: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Milestone' });
export type Milestone = z.infer<typeof milestone>;

export const milestoneList = z.object({ items: z.array(milestone) });

export const notificationQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** An in-app notification (an SLA warning or breach) for the signed-in user. */
export const notification = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    orderId: z.uuid().nullable(),
    milestoneId: z.uuid().nullable(),
    payload: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notification>;

export const notificationList = z.object({ items: z.array(notification), unread: z.int() });

/** `POST /sla/recompute`: the milestones of a brand's orders (or of the given orders) from their history again. */
export const recomputeBody = z.strictObject({
  brandId: z.uuid().optional(),
  orderIds: z.array(z.uuid()).min(1).max(1000).optional(),
});
export const recomputeResult = z.object({ orders: z.int(), milestones: z.int() });
