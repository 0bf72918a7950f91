// Warranty evaluation for ad-hoc facts or a stored product: choose the pack version, build the facts,
// run the pure engine (@aftercare/policy) and return the verdict with the version it used.
import type { productWarrantyQuery, WarrantyEvaluation, warrantyEvaluateBody } from '@aftercare/contracts';
import {
  COMPONENTS,
  type Component,
  evaluateWarranty,
  factsSchema,
  type ResolvedPack,
  shanghaiDate,
  toCalendarDate,
  type WarrantyFactsInput,
} from '@aftercare/policy';
import type { z } from 'zod';
import type { Scope } from '../../platform/access/principal.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, CommonErrors, type Locale } from '../../platform/errors.ts';
import { type ProductView, productView } from '../customers/products.repository.ts';
import { WarrantyErrors } from './warranty.errors.ts';
import { choosePack, type Policies } from './warranty.packs.ts';
import { activeEntitlementUses, brandById, brandForWarranty, catalogParts } from './warranty.repository.ts';

export const BASELINE_PACK = 'cn-baseline';

export interface WarrantyDeps {
  db: Database;
  clock: Clock;
  policies: Policies;
}

type Brand = { id: string; code: string; policy_pack: string | null };
type Selection = WarrantyEvaluation['selection'];

/** Policy categories are slugs with '-'; the catalog's category codes use '_' (air_conditioner). */
export const packCategory = (categoryCode: string) => categoryCode.replaceAll('_', '-');

export function pick(
  policies: Policies,
  brand: Brand,
  date: string,
  req: { packId?: string | undefined; packVersion?: number | undefined },
) {
  const source: Selection['source'] = req.packId ? 'request' : brand.policy_pack ? 'brand' : 'baseline';
  const packId = req.packId ?? brand.policy_pack ?? BASELINE_PACK;
  const choice = choosePack(policies, packId, date, req.packVersion);
  if (!choice)
    throw new AppError(WarrantyErrors.WARRANTY_PACK_UNKNOWN, {
      packId,
      version: req.packVersion ? ` v${req.packVersion}` : '',
    });
  const selection: Selection = { packId, version: choice.pack.version, on: date, rule: choice.rule, source };
  return { pack: choice.pack, selection };
}

function run(pack: ResolvedPack, input: WarrantyFactsInput, selection: Selection, language: Locale) {
  try {
    const facts = factsSchema.parse(input);
    return { verdict: evaluateWarranty(pack, facts), selection, facts, language };
  } catch (e) {
    // Dates the schema lets through but the calendar refuses (2026-02-30), and the like.
    throw new AppError(WarrantyErrors.WARRANTY_FACTS_INVALID, { reason: (e as Error).message.slice(0, 200) });
  }
}

/** A fact date as its Shanghai calendar date; 400 for a date the calendar lacks (2026-02-30). */
function calendarDate(raw: string): string {
  try {
    return toCalendarDate(raw);
  } catch (e) {
    throw new AppError(WarrantyErrors.WARRANTY_FACTS_INVALID, { reason: (e as Error).message });
  }
}

/** The date a pack version is chosen on: the purchase, else the production, else the fault. */
export const selectionDate = (f: {
  purchaseDate?: string | undefined;
  productionDate?: string | undefined;
  faultDate: string;
}) => calendarDate(f.purchaseDate ?? f.productionDate ?? f.faultDate);

/** POST /warranty/evaluate: facts as given, judged under the brand's pack (or the one named). */
export async function evaluateAdHoc(
  deps: WarrantyDeps,
  scope: Scope,
  body: z.output<typeof warrantyEvaluateBody>,
  language: Locale,
): Promise<WarrantyEvaluation> {
  const brand = await brandForWarranty(deps.db, scope, body.brandId);
  if (!brand) throw new AppError(CommonErrors.NOT_FOUND);
  const { brandId: _b, packId, packVersion, ...facts } = body;
  const { pack, selection } = pick(deps.policies, brand, selectionDate(facts), { packId, packVersion });
  return run(pack, { ...facts, brand: brand.code }, selection, language);
}

/** GET /products/:id/warranty: the stored product's facts, judged under the pack in force on its purchase date. */
export async function evaluateProduct(
  deps: WarrantyDeps,
  scope: Scope,
  productId: string,
  query: z.output<typeof productWarrantyQuery>,
  language: Locale,
): Promise<WarrantyEvaluation> {
  const view = await productView(deps.db, scope, productId);
  if (!view) throw new AppError(CommonErrors.NOT_FOUND);
  const brand = (await brandById(deps.db, view.row.brand_id))!;
  const faultDate = query.faultDate ? calendarDate(query.faultDate) : shanghaiDate(deps.clock.now());
  const uses = await activeEntitlementUses(deps.db, productId);
  const base = productFacts(view, brand.code, faultDate, uses);
  const { pack, selection } = pick(deps.policies, brand, selectionDate(base), {});
  const codes = [
    ...new Set(
      (query.parts ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const { pack: withParts, partTerms } = await withCatalogParts(deps.db, pack, view, codes);
  const facts: WarrantyFactsInput = {
    ...base,
    parts: codes,
    partTerms,
    ...(query.country && { country: query.country }),
    ...(query.faultCode && { faultCode: query.faultCode }),
    ...(query.cause && { cause: query.cause }),
    ...(query.performanceFault && { performanceFault: query.performanceFault === 'true' }),
  };
  return run(withParts, facts, selection, language);
}

const dateOf = (d: Date | string) => (typeof d === 'string' ? toCalendarDate(d) : shanghaiDate(d));

/** A dated use of an entitlement (entitlement_uses, active ones). */
export interface DatedUse {
  entitlement_code: string;
  used_on: string;
}

/** What the installed-product record says, as engine facts (no parts, fault or repair history yet). */
export function productFacts(
  view: ProductView,
  brandCode: string,
  faultDate: string,
  uses: readonly DatedUse[] = [],
): WarrantyFactsInput {
  const r = view.row;
  const fault = toCalendarDate(faultDate);
  const opt = <K extends string>(key: K, v: string | null) => (v ? ({ [key]: v } as Record<K, string>) : {});
  return {
    brand: brandCode,
    category: packCategory(r.category_code),
    ...opt('model', r.model_code),
    ...opt('serial', r.serial),
    ...opt('purchaseDate', r.purchase_date),
    invoice: r.has_invoice,
    ...opt('productionDate', r.production_date),
    ...opt('warrantyStartOverride', r.warranty_start_override),
    ...opt('deliveryDate', r.delivery_date),
    ...opt('installationDate', r.installation_date),
    ...opt('channel', r.channel),
    faultDate,
    extendedWarranties: view.contracts.map((c) => ({
      id: c.contract_no,
      from: c.starts_on,
      to: c.ends_on,
      covers: contractCovers(c.covers),
    })),
    // Uses recorded since entitlement_uses exists carry their own date; a fault date before a use
    // leaves it out. Counts from before (a counter above its dated uses) keep no date: each such use
    // is dated on the counter's last change (or the fault date, when that is earlier).
    entitlementUsage: [
      ...uses.filter((u) => u.used_on <= fault).map((u) => ({ id: u.entitlement_code, date: u.used_on })),
      ...view.counters.flatMap((c) => {
        const undated = c.used - uses.filter((u) => u.entitlement_code === c.entitlement_code).length;
        const at = dateOf(c.updated_at);
        const date = at < fault ? at : fault;
        return Array.from({ length: Math.max(0, undated) }, () => ({ id: c.entitlement_code, date }));
      }),
    ],
  };
}

/** A contract's `covers` as the brand writes it ({ parts: true, labor: true }); naming none of the cost components means all. */
export function contractCovers(covers: unknown): Component[] {
  const c = (covers ?? {}) as Record<string, unknown>;
  const named = COMPONENTS.filter((k) => c[k] === true);
  return COMPONENTS.some((k) => k in c) ? named : [...COMPONENTS];
}

/**
 * The catalog says which of the brand's parts are main parts: those codes join the category's
 * main-part list (a copy of the pack for this evaluation), so they get the pack's main-part term.
 * Codes that are neither catalog parts of the brand nor parts the pack names are refused. A catalog
 * part's own term (`warrantyTermMonths`) goes to the engine as a part term (the longer of it and the
 * pack's term applies).
 */
async function withCatalogParts(
  db: Database,
  pack: ResolvedPack,
  view: ProductView,
  codes: string[],
): Promise<{ pack: ResolvedPack; partTerms: { part: string; months: number }[] }> {
  if (codes.length === 0) return { pack, partTerms: [] };
  const category = packCategory(view.row.category_code);
  const terms = pack.warranty?.categories?.[category];
  const named = new Set([...(terms?.mainParts?.ids ?? []), ...Object.keys(terms?.parts ?? {})]);
  const found = await catalogParts(db, view.row.brand_id, codes);
  const unknown = codes.filter((c) => !named.has(c) && !found.some((p) => p.code === c));
  if (unknown.length > 0) throw new AppError(WarrantyErrors.WARRANTY_PART_UNKNOWN, { parts: unknown.join(', ') });
  const partTerms = found.flatMap((p) =>
    p.warranty_term_months ? [{ part: p.code, months: p.warranty_term_months }] : [],
  );
  const main = found.filter((p) => p.is_main_part && !named.has(p.code)).map((p) => p.code);
  if (main.length === 0 || !terms) return { pack, partTerms };
  const copy = structuredClone(pack);
  const cat = copy.warranty!.categories![category]!;
  cat.mainParts = { ...cat.mainParts, ids: [...(cat.mainParts?.ids ?? []), ...main] };
  return { pack: copy, partTerms };
}
