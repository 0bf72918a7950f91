// The production date a product is stored with: the one given, else the one the brand's pack reads
// from the serial (PRODUCT.md B). The reading itself (packs, rules) belongs to the warranty module,
// which hands the commands a decoder; without one, dates are only ever the ones given.
import type { Tx } from '../../platform/audit.ts';
import type { ProductRow } from './products.repository.ts';

export interface ProductionDateQuery {
  brandId: string;
  categoryCode: string;
  modelCode: string | null;
  serial: string | null;
  /** A decoded date after this day (the purchase date, else today) is refused. */
  notAfter: string;
}

/** Reads the production date from a serial with the pack in force for the brand; null when it cannot. */
export type ProductionDateDecoder = (db: Tx, q: ProductionDateQuery) => Promise<{ date: string; rule: string } | null>;

export interface ProductionDateColumns {
  production_date: string | null;
  production_date_source: 'given' | 'serial' | null;
  production_date_rule: string | null;
}

const none: ProductionDateColumns = { production_date: null, production_date_source: null, production_date_rule: null };

/** For a new product: the given date, else the decoded one, else none. */
export async function productionForCreate(
  db: Tx,
  decode: ProductionDateDecoder | undefined,
  given: string | null | undefined,
  q: ProductionDateQuery,
): Promise<ProductionDateColumns> {
  if (given) return { production_date: given, production_date_source: 'given', production_date_rule: null };
  const decoded = q.serial && decode ? await decode(db, q) : null;
  return decoded
    ? { production_date: decoded.date, production_date_source: 'serial', production_date_rule: decoded.rule }
    : none;
}

/**
 * For an update, the columns to set (undefined: leave them). A date given wins. A given date already
 * stored stays unless the update clears it. A date read from the serial — or a missing one — is read
 * again when the serial, model or category changes or the update clears the date; a date read from
 * an old serial that the new one no longer gives is cleared.
 */
export async function productionForUpdate(
  db: Tx,
  decode: ProductionDateDecoder | undefined,
  current: ProductRow,
  given: string | null | undefined,
  q: ProductionDateQuery,
): Promise<ProductionDateColumns | undefined> {
  if (given) return { production_date: given, production_date_source: 'given', production_date_rule: null };
  const storedGiven = current.production_date !== null && current.production_date_source !== 'serial';
  if (given === undefined && storedGiven) return undefined;
  const changed =
    q.serial !== current.serial || q.modelCode !== current.model_code || q.categoryCode !== current.category_code;
  if (given === undefined && current.production_date !== null && !changed) return undefined;
  const decoded = q.serial && decode ? await decode(db, q) : null;
  if (decoded)
    return { production_date: decoded.date, production_date_source: 'serial', production_date_rule: decoded.rule };
  return given === null || current.production_date !== null ? none : undefined;
}
