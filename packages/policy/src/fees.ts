// The `fees` section of a pack: the brand's published fee standard (明码标价, section E "Charges").
// Service items priced per component (labor, on-site fee, transport) with urban/rural variants or a
// price list by region (province or city code prefix); parts are priced from the catalog unless the
// pack overrides a part's price. `quote()` itemizes a job and zeroes what the warranty verdict covers.
// Pure: the server looks up the catalog prices and the verdict and passes them in.
import { z } from 'zod';
import type { Verdict } from './warranty/verdict.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lower-case id (a-z, 0-9, -)' });
const localized = z.strictObject({ 'zh-CN': z.string().min(1), 'en-US': z.string().min(1) });
const fen = z.int().nonnegative().max(100_000_000);
const ref = z.string().min(1).optional();

/** One price: a single figure, or an urban and a rural figure (both needed when either is given). */
const priceFields = {
  priceFen: fen.optional(),
  urbanFen: fen.optional(),
  ruralFen: fen.optional(),
};
type PriceFields = { priceFen?: number | undefined; urbanFen?: number | undefined; ruralFen?: number | undefined };
const priced = (p: PriceFields) => p.priceFen !== undefined || (p.urbanFen !== undefined && p.ruralFen !== undefined);
const PRICE_MESSAGE = 'give priceFen, or both urbanFen and ruralFen';

export const FEE_COMPONENTS = ['labor', 'onSite', 'transport'] as const;
export type FeeComponent = (typeof FEE_COMPONENTS)[number];

export const regionPriceSchema = z
  .strictObject({
    /** Division code prefix: 2 digits a province (44 广东), 4 a city (4401 广州); the longest match wins. */
    prefix: z.string().regex(/^\d{2}(\d{2}){0,2}$/, { message: 'expected a division code prefix of 2, 4 or 6 digits' }),
    ...priceFields,
    ref,
  })
  .refine(priced, { message: PRICE_MESSAGE });

export const feeItemSchema = z
  .strictObject({
    code: slug,
    name: localized,
    component: z.enum(FEE_COMPONENTS),
    /** Pack categories the item applies to; every category when left out. */
    categories: z.array(slug).min(1).optional(),
    ...priceFields,
    regions: z.array(regionPriceSchema).optional(),
    ref,
  })
  .refine(priced, { message: PRICE_MESSAGE });

export const feesSchema = z
  .strictObject({
    items: z.array(feeItemSchema).default([]),
    parts: z
      .strictObject({
        /** Part prices that replace the catalog's (parts.price_fen), by catalog part code. */
        overrides: z.record(z.string().min(1).max(60), fen).optional(),
        ref,
      })
      .optional(),
    ref,
  })
  .superRefine((fees, ctx) => {
    fees.items.forEach((item, i) => {
      if (fees.items.findIndex((x) => x.code === item.code) !== i)
        ctx.addIssue({ code: 'custom', path: ['items', i, 'code'], message: `item code ${item.code} is used twice` });
    });
  });

export type FeeStandard = z.infer<typeof feesSchema>;
export type FeeItem = z.infer<typeof feeItemSchema>;

export interface QuoteClause {
  /** Dotted path of the price in the pack (`fees.items.2`), or `catalog.parts.<code>`. */
  path: string;
  ref?: string;
}

export interface QuoteLine {
  kind: 'item' | 'part';
  code: string;
  name: { 'zh-CN': string; 'en-US': string };
  component: FeeComponent | 'parts';
  unitFen: number;
  quantity: number;
  amountFen: number;
  coveredFen: number;
  payableFen: number;
  /** Where the price comes from. */
  clause: QuoteClause;
  /** The warranty decision that covers the line, when it is covered. */
  coveredBy: { path: string; ref?: string } | null;
}

export interface Quote {
  lines: QuoteLine[];
  totalFen: number;
  coveredFen: number;
  payableFen: number;
}

export interface QuoteRequest {
  items: { code: string; quantity: number }[];
  /** Catalog parts with their catalog price (the server looks them up). */
  parts: { code: string; name: string; catalogPriceFen: number; quantity: number }[];
}

export interface QuotePlace {
  urbanRural: 'urban' | 'rural';
  /** The service address's division code (its prefixes pick a regional price). */
  divisionCode: string;
  /** The order's category; items limited to other categories are refused. */
  category?: string | null;
}

export type QuoteProblem =
  | { kind: 'unknown_item'; code: string }
  | { kind: 'item_not_for_category'; code: string; category: string };

export class QuoteError extends Error {
  readonly problem: QuoteProblem;
  constructor(problem: QuoteProblem) {
    super(`${problem.kind}: ${problem.code}`);
    this.problem = problem;
  }
}

function pick(p: PriceFields, urbanRural: 'urban' | 'rural'): number {
  const variant = urbanRural === 'urban' ? p.urbanFen : p.ruralFen;
  return variant ?? p.priceFen!;
}

/** The unit price of an item at a place: the longest matching regional price, else the item's own. */
export function itemPrice(item: FeeItem, place: QuotePlace): { unitFen: number; regionIndex: number | null } {
  let best: { index: number; length: number } | null = null;
  (item.regions ?? []).forEach((r, index) => {
    if (place.divisionCode.startsWith(r.prefix) && (!best || r.prefix.length > best.length))
      best = { index, length: r.prefix.length };
  });
  const chosen = best as { index: number; length: number } | null;
  if (chosen) return { unitFen: pick(item.regions![chosen.index]!, place.urbanRural), regionIndex: chosen.index };
  return { unitFen: pick(item, place.urbanRural), regionIndex: null };
}

type Cover = { covered: boolean; clause: { path: string; ref?: string | undefined } };
type CoverVerdict = Pick<Verdict, 'components' | 'parts'>;

const coverOf = (d: Cover | undefined) =>
  d?.covered ? { path: d.clause.path, ...(d.clause.ref !== undefined && { ref: d.clause.ref }) } : null;

/** A part is covered by its own decision when the verdict names it, else by the parts component. */
function partCover(verdict: CoverVerdict | null, code: string) {
  if (!verdict) return null;
  const own = verdict.parts.find((p) => p.part === code);
  return coverOf(own ?? verdict.components.parts);
}

/**
 * Itemizes a job from the fee standard: unit price × quantity per line; a line whose component (or
 * part) the verdict covers is covered in full, so its payable amount is zero. No verdict (no product
 * on record): nothing is covered.
 */
export function quote(
  fees: FeeStandard | undefined,
  verdict: CoverVerdict | null,
  req: QuoteRequest,
  place: QuotePlace,
): Quote {
  const items = fees?.items ?? [];
  const lines: QuoteLine[] = [];
  for (const { code, quantity } of req.items) {
    const index = items.findIndex((x) => x.code === code);
    const item = items[index];
    if (!item) throw new QuoteError({ kind: 'unknown_item', code });
    if (item.categories && place.category && !item.categories.includes(place.category))
      throw new QuoteError({ kind: 'item_not_for_category', code, category: place.category });
    const { unitFen, regionIndex } = itemPrice(item, place);
    const path = regionIndex === null ? `fees.items.${index}` : `fees.items.${index}.regions.${regionIndex}`;
    const ref = regionIndex === null ? item.ref : (item.regions![regionIndex]!.ref ?? item.ref);
    const coveredBy = verdict ? coverOf(verdict.components[item.component]) : null;
    lines.push(
      line('item', code, item.name, item.component, unitFen, quantity, { path, ...(ref && { ref }) }, coveredBy),
    );
  }
  for (const part of req.parts) {
    const override = fees?.parts?.overrides?.[part.code];
    const clause: QuoteClause =
      override === undefined
        ? { path: `catalog.parts.${part.code}` }
        : { path: `fees.parts.overrides.${part.code}`, ...(fees?.parts?.ref && { ref: fees.parts.ref }) };
    const name = { 'zh-CN': part.name, 'en-US': part.name };
    const unitFen = override ?? part.catalogPriceFen;
    lines.push(line('part', part.code, name, 'parts', unitFen, part.quantity, clause, partCover(verdict, part.code)));
  }
  const sum = (k: 'amountFen' | 'coveredFen' | 'payableFen') => lines.reduce((s, l) => s + l[k], 0);
  return { lines, totalFen: sum('amountFen'), coveredFen: sum('coveredFen'), payableFen: sum('payableFen') };
}

function line(
  kind: QuoteLine['kind'],
  code: string,
  name: QuoteLine['name'],
  component: QuoteLine['component'],
  unitFen: number,
  quantity: number,
  clause: QuoteClause,
  coveredBy: QuoteLine['coveredBy'],
): QuoteLine {
  const amountFen = unitFen * quantity;
  const coveredFen = coveredBy ? amountFen : 0;
  return {
    kind,
    code,
    name,
    component,
    unitFen,
    quantity,
    amountFen,
    coveredFen,
    payableFen: amountFen - coveredFen,
    clause,
    coveredBy,
  };
}
