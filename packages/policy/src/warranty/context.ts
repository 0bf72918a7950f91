// Shared by the warranty rules: facts normalized to Shanghai calendar dates, the warranty start,
// the terms that apply to the product's category (with any promotion) and clause citations.
import { addDays, addTermCivil, compareDates, type IsoDate, toCalendarDate, withinPeriod } from '../dates.ts';
import { messages } from '../explain/messages.ts';
import { factsSchema, type RepairRecord, type WarrantyFacts, type WarrantyFactsInput } from '../facts.ts';
import { originOf, packRef } from '../resolve.ts';
import type { Pack, Promotion, TermSpec } from '../schema.ts';
import type { Clause, WarrantyStart } from './verdict.ts';

export interface TermRule {
  term: TermSpec;
  path: string;
  /** The clause to cite when the term is not a pack rule (a catalog part's own term). */
  clause?: Clause;
}

export interface CategoryRules {
  wholeUnit: TermRule;
  mainParts: TermRule;
  labor: TermRule;
  onSite: TermRule;
  transport: TermRule;
  mainIds: Set<string>;
  parts: Record<string, TermRule>;
  promotion?: { promo: Promotion; index: number };
}

export interface Ctx {
  pack: Pack;
  facts: WarrantyFacts;
  fault: IsoDate;
  start: WarrantyStart | null;
  rules: CategoryRules | null;
}

export function clause(pack: Pack, path: string, ref?: string): Clause {
  return ref ? { pack: originOf(pack, path), path, ref } : { pack: originOf(pack, path), path };
}

export function ruleClause(pack: Pack, rule: TermRule): Clause {
  return rule.clause ?? clause(pack, rule.path, rule.term.ref);
}

/** Facts with defaults applied and every date turned into its Asia/Shanghai calendar date. */
export function normalizeFacts(input: WarrantyFactsInput): WarrantyFacts {
  const f = factsSchema.parse(input);
  const d = (v: string | undefined) => (v === undefined ? undefined : toCalendarDate(v));
  return {
    ...f,
    purchaseDate: d(f.purchaseDate),
    productionDate: d(f.productionDate),
    warrantyStartOverride: d(f.warrantyStartOverride),
    deliveryDate: d(f.deliveryDate),
    installationDate: d(f.installationDate),
    exchangeDate: d(f.exchangeDate),
    faultDate: toCalendarDate(f.faultDate),
    repairs: f.repairs.map((r) => ({ ...r, date: toCalendarDate(r.date) })),
    extendedWarranties: f.extendedWarranties.map((c) => ({
      ...c,
      from: toCalendarDate(c.from),
      to: toCalendarDate(c.to),
    })),
    entitlementUsage: f.entitlementUsage.map((u) => ({ ...u, date: toCalendarDate(u.date) })),
  };
}

/** The invoice purchase date, when there is proof of it. */
export function provenPurchase(facts: WarrantyFacts): IsoDate | undefined {
  return facts.invoice ? facts.purchaseDate : undefined;
}

/** Repairs of the current unit (after the start, before the fault) in date order. */
export function repairsSince(facts: WarrantyFacts, start: IsoDate, fault: IsoDate): RepairRecord[] {
  return facts.repairs.filter((r) => withinPeriod(r.date, start, fault)).sort((a, b) => compareDates(a.date, b.date));
}

export function warrantyStart(pack: Pack, facts: WarrantyFacts): WarrantyStart | null {
  const w = pack.warranty ?? {};
  const fault = facts.faultDate;
  const make = (
    date: IsoDate,
    basis: WarrantyStart['basis'],
    path: string,
    ref?: string,
    cited: Clause = clause(pack, path, ref),
  ): WarrantyStart => {
    const extensionDays =
      w.repairExtends?.enabled === true
        ? // Only warranty repairs extend the warranty: a paid repair was out of it.
          repairsSince(facts, date, fault)
            .filter((r) => !r.paid)
            .reduce((sum, r) => sum + r.daysInRepair, 0)
        : 0;
    return {
      date,
      basis,
      extensionDays,
      clause: cited,
      explanation: messages.start(basis, date, extensionDays),
    };
  };
  const override = facts.warrantyStartOverride;
  const exchange = facts.exchangeDate && w.exchangeRestarts?.enabled !== false ? facts.exchangeDate : undefined;
  // A replacement unit's new warranty beats a start recorded for the unit it replaced.
  if (exchange && (!override || compareDates(exchange, override) > 0))
    return make(exchange, 'exchange', 'warranty.exchangeRestarts', w.exchangeRestarts?.ref);
  if (override)
    return make(override, 'override', 'warrantyStartOverride', undefined, {
      pack: packRef(pack),
      path: 'warrantyStartOverride',
      record: 'warrantyStartOverride',
    });
  const basis = w.start?.basis ?? 'purchase';
  if (basis === 'installation' && facts.installationDate)
    return make(facts.installationDate, 'installation', 'warranty.start.basis', w.start?.ref);
  const purchase = provenPurchase(facts);
  if (purchase) {
    if (basis === 'delivery' && facts.deliveryDate)
      return make(facts.deliveryDate, 'delivery', 'warranty.start.basis', w.start?.ref);
    return make(purchase, 'purchase', 'warranty.start', w.start?.ref);
  }
  if (facts.productionDate) {
    const grace = w.start?.noInvoiceGrace;
    const date = grace ? addTermCivil(facts.productionDate, grace) : facts.productionDate;
    return make(date, 'production', 'warranty.start.noInvoiceGrace', grace?.ref ?? w.start?.ref);
  }
  return null;
}

export function categoryRules(pack: Pack, facts: WarrantyFacts): CategoryRules | null {
  const cat = pack.warranty?.categories?.[facts.category];
  if (!cat?.wholeUnit) return null;
  const base = `warranty.categories.${facts.category}`;
  const purchase = provenPurchase(facts);
  const index = (pack.warranty?.promotions ?? []).findIndex(
    (p) =>
      p.categories.includes(facts.category) &&
      purchase !== undefined &&
      withinPeriod(purchase, p.purchased.from, p.purchased.to) &&
      !(facts.channel && p.excludeChannels?.includes(facts.channel)),
  );
  const promo = index >= 0 ? pack.warranty!.promotions![index]! : undefined;
  const pick = (
    key: 'wholeUnit' | 'labor' | 'onSite' | 'transport',
    own: TermSpec | undefined,
    fallback?: TermRule,
  ) => {
    const p = promo?.[key];
    if (p) return { term: p, path: `warranty.promotions.${index}.${key}` };
    if (own) return { term: own, path: `${base}.${key}` };
    return fallback!;
  };
  const wholeUnit = pick('wholeUnit', cat.wholeUnit);
  const mainParts: TermRule = promo?.mainParts
    ? { term: promo.mainParts, path: `warranty.promotions.${index}.mainParts` }
    : cat.mainParts?.term
      ? { term: cat.mainParts.term, path: `${base}.mainParts.term` }
      : wholeUnit;
  const labor = pick('labor', cat.labor, wholeUnit);
  const onSite = pick('onSite', cat.onSite, labor);
  const transport = pick('transport', cat.transport, onSite);
  const parts = Object.fromEntries(
    Object.entries(cat.parts ?? {}).map(([id, term]) => [id, { term, path: `${base}.parts.${id}` }]),
  );
  return {
    wholeUnit,
    mainParts,
    labor,
    onSite,
    transport,
    mainIds: new Set(cat.mainParts?.ids ?? []),
    parts,
    ...(promo ? { promotion: { promo, index } } : {}),
  };
}

/** Last day of a term counted from the warranty start, extended by the days spent in repair. */
export function lastDay(start: WarrantyStart, term: TermSpec): IsoDate {
  return addDays(addTermCivil(start.date, term), start.extensionDays);
}

export function covers(start: WarrantyStart, term: TermSpec, date: IsoDate): { covered: boolean; until: IsoDate } {
  const until = lastDay(start, term);
  // A fault dated before a presumed start (production date plus grace) is still within the term.
  return { covered: compareDates(date, until) <= 0, until };
}
