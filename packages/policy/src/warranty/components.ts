// One decision per cost component (labor, parts, on-site fee, transport) and per part involved.
// Order: the terms of the category (with promotion) → abroad limit → exclusions → post-repair
// warranty and extended-warranty contracts for what is still charged.
import { addTermCivil, compareDates, type IsoDate, minDate, withinPeriod } from '../dates.ts';
import { messages } from '../explain/messages.ts';
import { packRef } from '../resolve.ts';
import { COMPONENTS, type Component, type Localized } from '../schema.ts';
import { type CategoryRules, type Ctx, clause, covers, repairsSince, ruleClause, type TermRule } from './context.ts';
import type { Clause, Decision, PartDecision, Verdict } from './verdict.ts';

type Components = Record<Component, Decision>;

const WHOLE_UNIT: Localized = { 'zh-CN': '整机', 'en-US': 'the whole unit' };

function partWhat(part: string, main: boolean, special: boolean, catalog = false): Localized {
  if (catalog) return { 'zh-CN': `配件“${part}”（产品目录所定保修期）`, 'en-US': `part ${part} (its catalog term)` };
  if (special) return { 'zh-CN': `配件“${part}”`, 'en-US': `part ${part}` };
  return main
    ? { 'zh-CN': `主要部件“${part}”`, 'en-US': `main part ${part}` }
    : { 'zh-CN': `部件“${part}”（按整机）`, 'en-US': `part ${part} (whole-unit term)` };
}

export function decideParts(ctx: Ctx, rules: CategoryRules): PartDecision[] {
  const start = ctx.start!;
  const ids = ctx.facts.parts.length > 0 ? ctx.facts.parts : [null];
  return ids.map((part) => {
    const special = part !== null ? rules.parts[part] : undefined;
    const main = part !== null && rules.mainIds.has(part);
    let rule: TermRule = special ?? (main ? rules.mainParts : rules.wholeUnit);
    let { covered, until } = covers(start, rule.term, ctx.fault);
    // A main part never has less cover than the whole unit it belongs to.
    if (main && !special) {
      const whole = covers(start, rules.wholeUnit.term, ctx.fault);
      if (compareDates(whole.until, until) > 0) ({ covered, until, rule } = { ...whole, rule: rules.wholeUnit });
    }
    // The catalog's own term for the part, when it lasts longer than what the pack gives it.
    const months = part !== null && !special ? ctx.facts.partTerms.find((t) => t.part === part)?.months : undefined;
    let fromCatalog = false;
    if (months !== undefined) {
      const own = covers(start, { months }, ctx.fault);
      if (compareDates(own.until, until) > 0) {
        ({ covered, until } = own);
        rule = {
          term: { months },
          path: `catalog.parts.${part}`,
          clause: { pack: packRef(ctx.pack), path: `catalog.parts.${part}`, catalogPart: part! },
        };
        fromCatalog = true;
      }
    }
    const what = part === null ? WHOLE_UNIT : partWhat(part, main, special !== undefined, fromCatalog);
    return {
      part: part ?? 'whole-unit',
      main,
      covered,
      until,
      clause: ruleClause(ctx.pack, rule),
      explanation: messages.component('parts', covered, rule.term, until, what),
    };
  });
}

export function decideComponents(ctx: Ctx, rules: CategoryRules, parts: PartDecision[]): Components {
  const start = ctx.start!;
  const uncovered = parts.find((p) => !p.covered);
  const limiting = uncovered ?? parts.reduce((a, b) => (compareDates(b.until!, a.until!) < 0 ? b : a));
  const partsDecision: Decision = {
    covered: uncovered === undefined,
    until: parts.map((p) => p.until!).reduce(minDate),
    clause: limiting.clause,
    explanation: limiting.explanation,
  };
  const service = (c: Exclude<Component, 'parts'>, rule: TermRule): Decision => {
    const { covered, until } = covers(start, rule.term, ctx.fault);
    const what = ctx.facts.parts.length > 0 ? { 'zh-CN': '维修服务', 'en-US': 'the repair service' } : WHOLE_UNIT;
    // Labor for replacing an out-of-warranty part is charged with it; with no part named, each
    // service cost follows its own term (Fujitsu: labor 3 years although the whole unit has 1).
    if (covered && !partsDecision.covered && ctx.facts.parts.length > 0)
      return { covered: false, until, clause: partsDecision.clause, explanation: messages.notCoveredRepair(c) };
    return {
      covered,
      until,
      clause: ruleClause(ctx.pack, rule),
      explanation: messages.component(c, covered, rule.term, until, what),
    };
  };
  return {
    labor: service('labor', rules.labor),
    parts: partsDecision,
    onSite: service('onSite', rules.onSite),
    transport: service('transport', rules.transport),
  };
}

/** Outside the home countries only the abroad term covers (Fujitsu: first year worldwide). */
export function applyTerritory(ctx: Ctx, components: Components, notes: Verdict['notes']): void {
  const territory = ctx.pack.warranty?.territory;
  const home = territory?.home ?? ['CN'];
  if (home.includes(ctx.facts.country)) return;
  const c = clause(ctx.pack, 'warranty.territory', territory?.abroad?.ref ?? territory?.ref);
  const abroad = territory?.abroad ? covers(ctx.start!, territory.abroad, ctx.fault) : null;
  notes.push({
    clause: c,
    explanation: messages.abroad(ctx.facts.country, abroad?.covered ?? false, abroad?.until ?? null),
  });
  for (const k of COMPONENTS) {
    const d = components[k];
    if (!d.covered) continue;
    if (abroad?.covered) d.until = minDate(d.until!, abroad.until);
    else
      components[k] = {
        covered: false,
        until: abroad?.until ?? null,
        clause: c,
        explanation: messages.notCovered(k, messages.abroad(ctx.facts.country, false, abroad?.until ?? null)),
      };
  }
}

export function excludedCause(ctx: Ctx): boolean {
  const causes = ctx.pack.warranty?.exclusions?.causes ?? [];
  return ctx.facts.cause !== 'quality' && causes.includes(ctx.facts.cause);
}

export function exclusionClause(ctx: Ctx): Clause {
  return clause(ctx.pack, 'warranty.exclusions', ctx.pack.warranty?.exclusions?.ref);
}

/** Every component charged for one reason. */
export function allCharged(why: Localized, c: Clause, until: IsoDate | null = null): Components {
  const d = (k: Component): Decision => ({
    covered: false,
    until,
    clause: c,
    explanation: messages.notCovered(k, why),
  });
  return { labor: d('labor'), parts: d('parts'), onSite: d('onSite'), transport: d('transport') };
}

/** After a paid repair, the same fault within the post-repair term is repaired free. */
export function applyPostRepair(ctx: Ctx, components: Components, notes: Verdict['notes']): void {
  const w = ctx.pack.warranty;
  const catTerm = w?.categories?.[ctx.facts.category]?.postRepair;
  const term = catTerm ?? w?.postRepair?.term;
  if (!term || COMPONENTS.every((k) => components[k].covered)) return;
  const path = catTerm ? `warranty.categories.${ctx.facts.category}.postRepair` : 'warranty.postRepair';
  const sameFault = w?.postRepair?.sameFault ?? true;
  const from = ctx.start?.date ?? '0001-01-01';
  const repair = repairsSince(ctx.facts, from, ctx.fault)
    .filter((r) => r.paid && (!sameFault || (r.faultCode !== undefined && r.faultCode === ctx.facts.faultCode)))
    .map((r) => ({ r, until: addTermCivil(r.date, term) }))
    .filter(({ r, until }) => withinPeriod(ctx.fault, r.date, until))
    .at(-1);
  if (!repair) return;
  const c = clause(ctx.pack, path, term.ref ?? w?.postRepair?.ref);
  const explanation = messages.postRepair(repair.r.date, term, repair.until);
  notes.push({ clause: c, explanation });
  for (const k of COMPONENTS)
    if (!components[k].covered) components[k] = { covered: true, until: repair.until, clause: c, explanation };
}

/** Extended-warranty contracts cover what they list while they run. */
export function applyContracts(ctx: Ctx, components: Components, notes: Verdict['notes']): void {
  for (const contract of ctx.facts.extendedWarranties) {
    if (!withinPeriod(ctx.fault, contract.from, contract.to)) continue;
    const c: Clause = { pack: packRef(ctx.pack), path: 'extendedWarranties', contract: contract.id };
    const explanation = messages.contract(contract.id, contract.to);
    let used = false;
    for (const k of contract.covers)
      if (!components[k].covered) {
        components[k] = { covered: true, until: contract.to, clause: c, explanation };
        used = true;
      }
    if (used) notes.push({ clause: c, explanation });
  }
}
