// evaluateWarranty: a pure verdict for one product and one fault under one (resolved) pack.
import { messages } from '../explain/messages.ts';
import type { WarrantyFactsInput } from '../facts.ts';
import { isResolved, packRef } from '../resolve.ts';
import { COMPONENTS, type Pack } from '../schema.ts';
import {
  allCharged,
  applyContracts,
  applyPostRepair,
  applyTerritory,
  decideComponents,
  decideParts,
  excludedCause,
  exclusionClause,
} from './components.ts';
import { type Ctx, categoryRules, clause, normalizeFacts, warrantyStart } from './context.ts';
import { decideEntitlements } from './entitlements.ts';
import { decideRemedies } from './remedies.ts';
import type { PartDecision, Verdict } from './verdict.ts';

export function evaluateWarranty(pack: Pack, input: WarrantyFactsInput): Verdict {
  if (pack.extends && !isResolved(pack))
    throw new Error(`pack ${pack.id} extends ${pack.extends}: resolve it with resolvePack(pack, base) first`);
  const facts = normalizeFacts(input);
  const start = warrantyStart(pack, facts);
  const rules = categoryRules(pack, facts);
  const ctx: Ctx = { pack, facts, fault: facts.faultDate, start, rules };
  const notes: Verdict['notes'] = [];
  let parts: PartDecision[] = [];
  let components: Verdict['components'];
  let inWarranty = false;
  const excluded = excludedCause(ctx);

  if (!start) {
    components = allCharged(messages.noStart(), clause(pack, 'warranty.start.noInvoiceGrace'));
  } else if (!rules) {
    components = allCharged(messages.unknownCategory(facts.category), clause(pack, 'warranty.categories'));
  } else {
    if (rules.promotion) {
      const { promo, index } = rules.promotion;
      notes.push({
        clause: clause(pack, `warranty.promotions.${index}`, promo.ref),
        explanation: messages.promotion(promo.name ?? { 'zh-CN': promo.id, 'en-US': promo.id }),
      });
    }
    parts = decideParts(ctx, rules);
    components = decideComponents(ctx, rules, parts);
    applyTerritory(ctx, components, notes);
    inWarranty = components.parts.covered;
  }
  if (excluded) {
    const why = messages.exclusion(facts.cause);
    notes.push({ clause: exclusionClause(ctx), explanation: why });
    components = allCharged(why, exclusionClause(ctx));
    parts = parts.map((p) => ({ ...p, covered: false, clause: exclusionClause(ctx), explanation: why }));
  } else {
    applyPostRepair(ctx, components, notes);
    applyContracts(ctx, components, notes);
  }
  const freeRepair = COMPONENTS.every((k) => components[k].covered);
  const remedies = decideRemedies(ctx, {
    inWarranty,
    excluded,
    freeRepair,
    repairClause: components.parts.covered ? components.parts.clause : components.labor.clause,
  });
  return {
    pack: packRef(pack),
    chain: isResolved(pack) ? pack.resolved.chain.map(({ id, version }) => ({ id, version })) : [packRef(pack)],
    faultDate: facts.faultDate,
    start,
    covered: COMPONENTS.some((k) => components[k].covered),
    components,
    parts,
    remedies,
    entitlements: decideEntitlements(ctx),
    notes,
  };
}
