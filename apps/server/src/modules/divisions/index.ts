/** Administrative divisions (GB/T 2260 and township codes): the module's public surface. */
import type { Tx } from '../../platform/audit.ts';
import { urbanRuralOf } from './divisions.presenter.ts';
import { findDivision } from './divisions.repository.ts';

export { deriveUrbanRural, readDivisionSeeds } from './division-data.ts';
export { divisionShape } from './divisions.commands.ts';
export { DivisionErrors } from './divisions.errors.ts';
export { ensureDivisions } from './divisions.load.ts';
export { divisionRoutes } from './divisions.routes.ts';

/**
 * The urban/rural class (市区/乡镇) an address in this division is judged by, or null when the code
 * is unknown or unclassified. Customers' addresses and SLA targets use it.
 */
export async function divisionUrbanRural(db: Tx, code: string): Promise<'urban' | 'rural' | null> {
  const row = await findDivision(db, code);
  return row ? urbanRuralOf(row).effective : null;
}
