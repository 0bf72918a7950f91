// The production-date decoder the product commands use: the brand's pack (else the baseline) in force
// on the day of the write, and its serial rules (@aftercare/policy decodeProductionDate).
import { decodeProductionDate, shanghaiDate } from '@aftercare/policy';
import type { Clock } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ProductionDateDecoder } from '../customers/products.production.ts';
import { BASELINE_PACK, packCategory } from './warranty.evaluate.ts';
import { choosePack, type Policies } from './warranty.packs.ts';
import { brandById } from './warranty.repository.ts';

type BrandRow = Awaited<ReturnType<typeof brandById>>;

/** `brands` memoizes the brand rows (one import, many products of the same brand). */
export function serialDecoder(policies: Policies, clock: Clock, brands?: Map<string, BrandRow>): ProductionDateDecoder {
  return async (db, q) => {
    if (!q.serial) return null;
    let brand = brands?.get(q.brandId);
    if (!brand) {
      brand = await brandById(db, q.brandId);
      brands?.set(q.brandId, brand);
    }
    if (!brand) return null;
    const choice = choosePack(policies, brand.policy_pack ?? BASELINE_PACK, shanghaiDate(clock.now()));
    if (!choice) return null;
    const decoded = decodeProductionDate(choice.pack, {
      category: packCategory(q.categoryCode),
      model: q.modelCode,
      serial: q.serial,
      notAfter: q.notAfter,
    });
    return decoded.date ? { date: decoded.date, rule: decoded.rule } : null;
  };
}

/**
 * The decoder over the packs the warranty routes judge with: the app's pack set as it is at each
 * write (an activated version applies from the next product on). `cacheBrands` keeps the brand rows
 * for the decoder's life: for one import or feed batch, not for the app.
 */
export function productionDateDecoder(
  ctx: Pick<AppContext, 'packs' | 'clock'>,
  opts: { cacheBrands?: boolean } = {},
): ProductionDateDecoder {
  const brands = opts.cacheBrands ? new Map<string, BrandRow>() : undefined;
  return (db, q) => serialDecoder(ctx.packs.current(), ctx.clock, brands)(db, q);
}
