import type { appointment, charge, chargeLine, returnVisitTask, visit } from '@aftercare/contracts';
import type { ResolvedServiceRules } from '@aftercare/policy';
import type { z } from 'zod';
import type { AppointmentRow, ChargeRow, TaskView, VisitRow } from './visits.repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentAppointment(a: AppointmentRow): z.infer<typeof appointment> {
  return {
    id: a.id,
    start: a.window_start.toISOString(),
    end: a.window_end.toISOString(),
    status: a.status as 'active',
    requestedBy: a.requested_by as 'customer',
    reason: a.reason,
    createdAt: a.created_at.toISOString(),
  };
}

type Photo = z.infer<typeof visit>['photos'][number];

/** A visit with the pack's checklist: every item with whether it is ticked (unknown ticks never stored). */
export function presentVisit(
  v: VisitRow & { technician_name: string },
  checklist: ResolvedServiceRules['checklist'],
  /** A customer sees who came by name, not the technician's internal id. */
  outside = false,
): z.infer<typeof visit> {
  const ticks = (v.checklist ?? {}) as Record<string, boolean>;
  return {
    id: v.id,
    technician: { id: outside ? null : v.technician_id, name: v.technician_name },
    checkedInAt: v.checked_in_at.toISOString(),
    checkedOutAt: iso(v.checked_out_at),
    position: v.check_in_lat !== null && v.check_in_lng !== null ? { lat: v.check_in_lat, lng: v.check_in_lng } : null,
    distanceM: v.check_in_distance_m,
    checklist: checklist.map((c) => ({ id: c.id, name: c.name, required: c.required, done: ticks[c.id] === true })),
    diagnosis: v.diagnosis,
    faultCode: v.fault_code,
    cause: v.cause,
    partsUsed: v.parts_used,
    photos: (v.photos ?? []) as Photo[],
    outcome: v.outcome as z.infer<typeof visit>['outcome'],
    // The signature image stays on the record (the one-ticket record); the API says only that it exists.
    signed: v.signature !== null,
  };
}

export function presentCharge(c: ChargeRow): z.infer<typeof charge> {
  return {
    id: c.id,
    kind: c.kind as 'quote',
    status: c.status as 'proposed',
    lines: c.items as z.infer<typeof chargeLine>[],
    totalFen: c.total_fen,
    coveredFen: c.covered_fen,
    payableFen: c.payable_fen,
    feePack: c.fee_pack_id && c.fee_pack_version ? { id: c.fee_pack_id, version: c.fee_pack_version } : null,
    decidedAt: iso(c.decided_at),
    decidedBy: c.decided_by,
    createdAt: c.created_at.toISOString(),
  };
}

export function presentTask(t: TaskView, now: Date): z.infer<typeof returnVisitTask> {
  return {
    id: t.id,
    order: { id: t.order_id, number: t.number, status: t.order_status, brandId: t.brand_id },
    dueAt: t.due_at.toISOString(),
    overdue: t.status === 'open' && t.due_at < now,
    status: t.status as 'open',
    claimedBy: t.claimed_by,
    outcome: t.outcome as z.infer<typeof returnVisitTask>['outcome'],
    notes: t.notes,
    attempts: Number(t.attempts),
    doneAt: iso(t.done_at),
    createdAt: t.created_at.toISOString(),
  };
}
