// Screen-pop warranty flags, computed with the same engine and pack choice as GET /products/:id/warranty.
import { addDays, daysBetween, evaluateWarranty, shanghaiDate } from '@aftercare/policy';
import type { AppContext } from '../../platform/context.ts';
import type { ProductView } from '../customers/products.repository.ts';
import { BASELINE_PACK, productFacts } from './warranty.evaluate.ts';
import { choosePack } from './warranty.packs.ts';

export const EXPIRING_WITHIN_DAYS = 30;

/**
 * The ids of the products whose whole-unit cover ends within 30 days of today (Asia/Shanghai): the
 * whole unit is covered today and its last covered day is at most 30 days away. A running
 * extended-warranty contract that covers parts past that day means the cover does not end.
 */
export async function productsExpiringSoon(
  ctx: Pick<AppContext, 'db' | 'clock' | 'packs'>,
  views: ProductView[],
): Promise<Set<string>> {
  const out = new Set<string>();
  if (views.length === 0) return out;
  const policies = ctx.packs.current();
  const brandIds = [...new Set(views.map((v) => v.row.brand_id))];
  const brands = await ctx.db
    .selectFrom('brands')
    .select(['id', 'code', 'policy_pack'])
    .where('id', 'in', brandIds)
    .execute();
  const today = shanghaiDate(ctx.clock.now());
  for (const view of views) {
    const brand = brands.find((b) => b.id === view.row.brand_id);
    if (!brand) continue;
    const facts = productFacts(view, brand.code, today);
    const on = facts.purchaseDate ?? facts.productionDate ?? today;
    const choice = choosePack(policies, brand.policy_pack ?? BASELINE_PACK, on);
    if (!choice) continue;
    let until: string | null;
    try {
      // The whole-unit decision (no part named), before contracts: what the pack's term gives.
      const whole = evaluateWarranty(choice.pack, { ...facts, extendedWarranties: [] }).parts[0];
      until = whole?.covered ? whole.until : null;
    } catch {
      continue; // a stored date the calendar refuses: no flag rather than a failed screen pop
    }
    if (until === null || daysBetween(today, until) > EXPIRING_WITHIN_DAYS) continue;
    const continued = (facts.extendedWarranties ?? []).some(
      (c) => (c.covers ?? []).includes('parts') && c.from <= addDays(until, 1) && c.to > until,
    );
    if (!continued) out.add(view.row.id);
  }
  return out;
}
