// Remedies open to the customer (三包 and brand terms): return, exchange or repair within the windows
// after purchase, exchange after repeated failed repairs or a repair that overran its time limit.
import { addTermCivil, compareDates } from '../dates.ts';
import { messages } from '../explain/messages.ts';
import type { RemedyKind } from '../schema.ts';
import { type Ctx, clause, provenPurchase, repairsSince } from './context.ts';
import type { Clause, RemedyOption } from './verdict.ts';

const ORDER: RemedyKind[] = ['return', 'exchange', 'repair'];

export interface RemedyInput {
  /** The fault falls within the warranty terms (before post-repair or contract cover). */
  inWarranty: boolean;
  /** The repair costs the customer nothing, and the clause that makes it so. */
  freeRepair: boolean;
  repairClause: Clause;
  excluded: boolean;
}

export function decideRemedies(
  ctx: Ctx,
  { inWarranty, freeRepair, repairClause, excluded }: RemedyInput,
): RemedyOption[] {
  const options: RemedyOption[] = [];
  const add = (kind: RemedyKind, c: Clause, explanation: RemedyOption['explanation'], free = true) => {
    if (!options.some((o) => o.kind === kind)) options.push({ kind, free, clause: c, explanation });
  };
  const { pack, facts, fault } = ctx;
  const r = pack.returns ?? {};
  if (!excluded && facts.performanceFault && ctx.start) {
    // Windows count from the proven purchase of this unit; a replacement unit has its warranty restarted instead.
    const purchase = facts.exchangeDate ? undefined : provenPurchase(facts);
    if (purchase) {
      const windows = [
        { key: 'returnWithin', term: r.returnWithin, kinds: ['return', 'exchange', 'repair'] as RemedyKind[] },
        { key: 'exchangeWithin', term: r.exchangeWithin, kinds: ['exchange', 'repair'] as RemedyKind[] },
        {
          key: 'unconditionalExchangeWithin',
          term: r.unconditionalExchangeWithin,
          kinds: ['exchange'] as RemedyKind[],
        },
      ];
      for (const w of windows) {
        if (!w.term) continue;
        const until = addTermCivil(purchase, w.term);
        if (compareDates(fault, until) > 0) continue;
        const c = clause(pack, `returns.${w.key}`, w.term.ref);
        const explanation = messages.remedyWindow(w.kinds, w.term, until, w.key === 'unconditionalExchangeWithin');
        for (const kind of w.kinds) add(kind, c, explanation);
      }
    }
    const exchangeOr = (c: Clause): { kind: RemedyKind; c: Clause } =>
      facts.sameModelAvailable || !r.noSameModel
        ? { kind: 'exchange', c }
        : { kind: 'return', c: clause(pack, 'returns.noSameModel', r.noSameModel.ref) };
    const history = repairsSince(facts, ctx.start.date, fault);
    if (inWarranty && r.repeatedFailure && facts.faultCode) {
      const same = history.filter((h) => h.serious && h.faultCode === facts.faultCode);
      if (same.length >= r.repeatedFailure.repairs) {
        const { kind, c } = exchangeOr(clause(pack, 'returns.repeatedFailure', r.repeatedFailure.ref));
        add(kind, c, messages.repeatedFailure(same.length, kind));
      }
    }
    const overrun = r.repairOverrun;
    if (inWarranty && overrun) {
      for (const h of history) {
        const limit = h.waitingForMakerParts ? overrun.partsWaitDays : overrun.ownDelayDays;
        if (limit === undefined || h.daysInRepair <= limit) continue;
        const c = clause(pack, 'returns.repairOverrun', overrun.ref);
        const kinds = (overrun.remedies ?? ['exchange']).map((k) =>
          k === 'exchange' ? exchangeOr(c) : { kind: k, c },
        );
        const explanation = messages.repairOverrun(
          h.daysInRepair,
          limit,
          h.waitingForMakerParts,
          kinds.map((k) => k.kind),
        );
        for (const k of kinds) add(k.kind, k.c, explanation);
      }
    }
  }
  add('repair', repairClause, messages.repair(freeRepair), freeRepair);
  return options.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}
