// The shape of a warranty verdict: one decision per cost component, the remedies open to the customer,
// the free-service entitlements, each with the clause behind it and an explanation in zh-CN and en-US.
import type { PackRef } from '../resolve.ts';
import type { Component, Localized, RemedyKind } from '../schema.ts';

export interface Clause {
  /** The pack that made the promise (a brand pack or the baseline it extends). */
  pack: PackRef;
  /** Dotted path of the rule in that pack, e.g. `warranty.categories.washer.wholeUnit`. */
  path: string;
  /** The citation written in the pack (`ref:`), when there is one. */
  ref?: string;
  /** The extended-warranty contract that covers, when the cover comes from one. */
  contract?: string;
  /** The catalog part whose own term decided, when the term comes from the catalog, not the pack. */
  catalogPart?: string;
  /** A value recorded on the product that decided (`warrantyStartOverride`), not a pack rule. */
  record?: 'warrantyStartOverride';
}

export interface Decision {
  covered: boolean;
  /** Last day (inclusive, Asia/Shanghai) the cover lasts, when a term applies. */
  until: string | null;
  clause: Clause;
  explanation: Localized;
}

export interface PartDecision extends Decision {
  part: string;
  main: boolean;
}

export interface RemedyOption {
  kind: RemedyKind;
  /** Free of charge under warranty (repair), or a 三包/brand remedy (return, exchange). */
  free: boolean;
  clause: Clause;
  explanation: Localized;
}

export interface EntitlementStatus {
  id: string;
  service: string;
  name: Localized;
  available: boolean;
  remaining: number;
  used: number;
  /** Last day of the current period (or of the entitlement). */
  until: string | null;
  clause: Clause;
  explanation: Localized;
}

export interface WarrantyStart {
  date: string;
  basis: 'purchase' | 'delivery' | 'installation' | 'production' | 'exchange' | 'override';
  /** Days added to every term for time spent in repair. */
  extensionDays: number;
  clause: Clause;
  explanation: Localized;
}

export interface Verdict {
  /** The pack evaluated (id + version) and the chain it was resolved from. */
  pack: PackRef;
  chain: PackRef[];
  faultDate: string;
  start: WarrantyStart | null;
  /** True when any cost component is covered. */
  covered: boolean;
  components: Record<Component, Decision>;
  parts: PartDecision[];
  remedies: RemedyOption[];
  entitlements: EntitlementStatus[];
  /** Rules that shaped the verdict beyond the component terms (exclusion, abroad, post-repair …). */
  notes: { clause: Clause; explanation: Localized }[];
}
