// What a breached milestone costs (section G): the assessment slip's amount, the customer remedies due,
// how long the outlet may appeal and who may approve a remedy. Pure lookups over a resolved pack.
import type { MilestoneDef, RemediesSection, SlaSection } from './schema.ts';

type Localized = { 'zh-CN': string; 'en-US': string };

/** Days an outlet has to appeal a slip when the pack says nothing. */
export const DEFAULT_APPEAL_DAYS = 3;

export const yuanToFen = (yuan: number): number => Math.round(yuan * 100);

/** The milestone definition of a key, or undefined (the pack changed and dropped it). */
export function milestoneDef(sla: SlaSection | undefined, key: string): MilestoneDef | undefined {
  return sla?.milestones.find((m) => m.id === key);
}

export function appealDaysOf(sla: SlaSection | undefined): number {
  return sla?.appealDays ?? DEFAULT_APPEAL_DAYS;
}

/** The slip amount of a breach in fen, or null when the milestone carries no slip. */
export function slipAmountFen(def: MilestoneDef): number | null {
  const amount = def.breach?.slip?.amountYuan;
  return amount === undefined ? null : yuanToFen(amount);
}

export interface BreachRemedy {
  id: string;
  name: Localized;
  kind: 'waive_charges' | 'compensation' | 'loaner';
  /** The compensation in fen; 0 for a waiver (its value is the order's charges) or a loaner. */
  amountFen: number;
}

/** The customer remedies a breach of `def` proposes, in the pack's order; unknown ids are skipped. */
export function breachRemedies(remedies: RemediesSection | undefined, def: MilestoneDef): BreachRemedy[] {
  const out: BreachRemedy[] = [];
  for (const id of def.breach?.remedies ?? []) {
    const item = remedies?.items.find((r) => r.id === id);
    if (item) out.push({ id: item.id, name: item.name, kind: item.kind, amountFen: yuanToFen(item.amountYuan ?? 0) });
  }
  return out;
}

/** The largest amount (fen) a role may approve, or null when the role may not approve remedies. */
export function approvalLimitFen(remedies: RemediesSection | undefined, role: string): number | null {
  const limit = remedies?.approvalLimits[role];
  return limit === undefined ? null : yuanToFen(limit);
}

/** Whether any of the roles may approve a remedy of `amountFen`. */
export function mayApprove(
  remedies: RemediesSection | undefined,
  roles: readonly string[],
  amountFen: number,
): boolean {
  return roles.some((r) => {
    const limit = approvalLimitFen(remedies, r);
    return limit !== null && amountFen <= limit;
  });
}
