// Free-service entitlements with counters (one free maintenance in year one, a yearly check-up for
// ten years …), counted from the warranty start and consumed by work orders (facts.entitlementUsage).
import { addTermCivil, compareDates, type IsoDate, scaleTerm, withinPeriod } from '../dates.ts';
import { messages } from '../explain/messages.ts';
import type { Entitlement } from '../schema.ts';
import { type Ctx, clause } from './context.ts';
import type { EntitlementStatus } from './verdict.ts';

export function decideEntitlements(ctx: Ctx): EntitlementStatus[] {
  const list = ctx.pack.entitlements ?? [];
  return list.flatMap((e, i) =>
    !e.categories || e.categories.includes(ctx.facts.category) ? [status(ctx, e, `entitlements.${i}`)] : [],
  );
}

/** The period of an entitlement that contains `date`: (from, to], or null when outside it. */
export function entitlementPeriod(
  e: Entitlement,
  start: IsoDate,
  date: IsoDate,
): { from: IsoDate; to: IsoDate } | null {
  const end = addTermCivil(start, e.within);
  if (compareDates(date, end) > 0) return null;
  if (!e.every) return { from: start, to: end };
  for (let k = 0; ; k++) {
    const from = k === 0 ? start : addTermCivil(start, scaleTerm(e.every, k));
    const to = addTermCivil(start, scaleTerm(e.every, k + 1));
    if (compareDates(date, to) <= 0 || compareDates(to, end) >= 0)
      return { from, to: compareDates(to, end) > 0 ? end : to };
  }
}

function status(ctx: Ctx, e: Entitlement, path: string): EntitlementStatus {
  const c = clause(ctx.pack, path, e.ref ?? e.within.ref);
  const base = { id: e.id, service: e.service, name: e.name, clause: c };
  const no = (why: { 'zh-CN': string; 'en-US': string }, until: IsoDate | null, used = 0) => ({
    ...base,
    available: false,
    remaining: 0,
    used,
    until,
    explanation: messages.entitlement(e.name, 0, until, why),
  });
  if (!ctx.start) return no(messages.noStart(), null);
  const period = entitlementPeriod(e, ctx.start.date, ctx.fault);
  if (!period) {
    const end = addTermCivil(ctx.start.date, e.within);
    return no(messages.entitlementEnded(end), end);
  }
  const used = ctx.facts.entitlementUsage.filter(
    (u) =>
      u.id === e.id &&
      withinPeriod(u.date, period.from, period.to) &&
      (period.from === ctx.start!.date || u.date !== period.from),
  ).length;
  if (e.maxDistanceKm !== undefined && (ctx.facts.distanceKm === undefined || ctx.facts.distanceKm > e.maxDistanceKm))
    return no(messages.entitlementDistance(e.maxDistanceKm, ctx.facts.distanceKm), period.to, used);
  const remaining = Math.max(0, e.count - used);
  return {
    ...base,
    available: remaining > 0,
    remaining,
    used,
    until: period.to,
    explanation:
      remaining > 0
        ? messages.entitlement(e.name, remaining, period.to)
        : messages.entitlement(e.name, 0, period.to, messages.entitlementUsedUp(used)),
  };
}
