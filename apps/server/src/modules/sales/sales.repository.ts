import type { Tx } from '../../platform/audit.ts';
import type { SalesLinesTable } from './sales.tables.ts';

export interface SaleKey {
  source: SalesLinesTable['source'];
  externalId: string;
}

export async function findLine(db: Tx, brandId: string, key: SaleKey) {
  return db
    .selectFrom('sales_lines')
    .selectAll()
    .where('brand_id', '=', brandId)
    .where('source', '=', key.source)
    .where('external_id', '=', key.externalId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The customer of the brand holding one of these numbers (national form): the first number of the
 * list that matches decides; among customers sharing it, the oldest. Merged customers are skipped.
 */
export async function customerByPhones(db: Tx, brandId: string, normalized: string[]): Promise<string | null> {
  if (normalized.length === 0) return null;
  const rows = await db
    .selectFrom('customer_phones as ph')
    .innerJoin('customers as c', 'c.id', 'ph.customer_id')
    .select(['c.id', 'ph.normalized', 'c.created_at'])
    .where('ph.brand_id', '=', brandId)
    .where('ph.normalized', 'in', normalized)
    .where('c.status', '<>', 'merged')
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  for (const n of normalized) {
    const hit = rows.find((r) => r.normalized === n);
    if (hit) return hit.id;
  }
  return null;
}

export async function productById(db: Tx, id: string) {
  return db.selectFrom('installed_products').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function productBySerial(db: Tx, brandId: string, serial: string) {
  return db
    .selectFrom('installed_products')
    .selectAll()
    .where('brand_id', '=', brandId)
    .where('serial', '=', serial)
    .executeTakeFirst();
}
