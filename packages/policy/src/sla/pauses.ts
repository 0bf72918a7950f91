// Pauses of a work order's clocks (section G), from its event history: which intervals stop a clock
// and for what reason, clipped to one milestone's span. Pure; docs/sla.md describes the rules.
import type { MilestonePause, SlaEvent } from './engine.ts';
import { PAUSE_REASONS, type PauseReason } from './schema.ts';

/** Dispatch reshuffles: they do not end a pause taken with pause_clock (a pause survives re-dispatch). */
const DISPATCH_ACTIONS = new Set(['offer', 'accept', 'refuse', 'expire', 'redirect', 'return_to_board', 'assign']);
const STATUS_PAUSES: Record<string, PauseReason> = {
  waiting_parts: 'waiting_parts',
  returned_to_factory: 'at_factory',
};

/**
 * Every pause of the order from its events: status waiting_parts (reason waiting_parts) and
 * returned_to_factory (at_factory) while the status lasts; pause_clock (data.pauseReason, one open
 * pause per reason) until resume_clock or the next status-changing event that is not a dispatch
 * reshuffle (offer, accept, refuse, expire, redirect, return_to_board, assign).
 */
export function orderPauses(events: readonly SlaEvent[]): (MilestonePause & { reason: PauseReason })[] {
  const out: (MilestonePause & { reason: PauseReason })[] = [];
  let status: (MilestonePause & { reason: PauseReason }) | null = null;
  const manual = new Map<PauseReason, MilestonePause>();
  for (const e of events) {
    const changes = e.toStatus !== null && e.toStatus !== e.fromStatus;
    if (e.action === 'resume_clock' || (changes && !DISPATCH_ACTIONS.has(e.action))) {
      for (const p of manual.values()) p.to = e.at;
      manual.clear();
    }
    if (changes) {
      const reason = STATUS_PAUSES[e.toStatus!];
      if (status && status.reason !== reason) {
        status.to = e.at;
        status = null;
      }
      if (reason && !status) {
        status = { from: e.at, to: null, reason };
        out.push(status);
      }
    }
    if (e.action === 'pause_clock') {
      const asked = e.data.pauseReason;
      const reason: PauseReason =
        typeof asked === 'string' && (PAUSE_REASONS as readonly string[]).includes(asked)
          ? (asked as PauseReason)
          : 'waiting_customer';
      if (!manual.has(reason)) {
        const pause = { from: e.at, to: null, reason };
        manual.set(reason, pause);
        out.push(pause);
      }
    }
  }
  return out;
}

/** Clip pauses to [start, end); `open` keeps a pause still running at `end` open (end = now). */
export function clip(pauses: readonly MilestonePause[], start: Date, end: Date, open: boolean): MilestonePause[] {
  const out: MilestonePause[] = [];
  for (const p of pauses) {
    const to = p.to ?? null;
    // A pause beginning exactly at `now` on a running clock counts (the clock is paused now); one
    // beginning at the stop does not.
    const after = open && !to ? p.from.getTime() > end.getTime() : p.from.getTime() >= end.getTime();
    if (after || (to && to.getTime() <= start.getTime())) continue;
    const from = p.from.getTime() < start.getTime() ? start : p.from;
    let clippedTo: Date | null = to && to.getTime() < end.getTime() ? to : open && !to ? null : end;
    if (clippedTo && clippedTo.getTime() <= from.getTime()) clippedTo = from;
    out.push({ from, to: clippedTo, reason: p.reason });
  }
  return out.sort((a, b) => a.from.getTime() - b.from.getTime());
}

/** Overlapping pauses as one interval each (reasons dropped). */
export function union(pauses: readonly MilestonePause[]): { from: Date; to: Date | null }[] {
  const out: { from: Date; to: Date | null }[] = [];
  for (const p of pauses) {
    const last = out[out.length - 1];
    if (last && (last.to === null || p.from.getTime() <= last.to.getTime())) {
      if (last.to !== null && (p.to === null || p.to.getTime() > last.to.getTime())) last.to = p.to;
    } else out.push({ from: p.from, to: p.to });
  }
  return out;
}
