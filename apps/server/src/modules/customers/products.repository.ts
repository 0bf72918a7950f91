import type { productListQuery } from '@aftercare/contracts';
import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { paginate } from '../../platform/db/paginate.ts';
import { outletFilter } from '../network/scope.ts';
import { productFilter } from './customers.scope.ts';
import type {
  EntitlementCountersTable,
  ExtendedWarrantyContractsTable,
  InstalledProductsTable,
} from './customers.tables.ts';

/** A product row, with whether the scope may see its installing outlet (else the id is not shown). */
export type ProductRow = Selectable<InstalledProductsTable> & { outlet_visible: boolean };

export interface ProductView {
  row: ProductRow;
  contracts: Selectable<ExtendedWarrantyContractsTable>[];
  counters: Selectable<EntitlementCountersTable>[];
}

/** The installing outlet is named only to callers who may see that outlet. */
const outletVisible = (scope: Scope) =>
  sql<boolean>`coalesce(${outletFilter(scope, sql.ref('installed_products.installing_outlet_id'))}, false)`.as(
    'outlet_visible',
  );

export const visibleProduct = (scope: Scope) =>
  productFilter(
    scope,
    sql.ref('installed_products.id'),
    sql.ref('installed_products.customer_id'),
    sql.ref('installed_products.brand_id'),
    sql.ref('installed_products.installing_outlet_id'),
  );

export async function findProduct(db: Tx, scope: Scope, id: string): Promise<ProductRow | undefined> {
  return db
    .selectFrom('installed_products')
    .selectAll()
    .select(outletVisible(scope))
    .where('id', '=', id)
    .where(visibleProduct(scope))
    .executeTakeFirst();
}

export async function lockProduct(db: Tx, scope: Scope, id: string): Promise<ProductRow | undefined> {
  return db
    .selectFrom('installed_products')
    .selectAll()
    .select(outletVisible(scope))
    .where('id', '=', id)
    .where(visibleProduct(scope))
    .forUpdate()
    .executeTakeFirst();
}

export async function productViews(db: Tx, rows: ProductRow[]): Promise<ProductView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [contracts, counters] = await Promise.all([
    db
      .selectFrom('extended_warranty_contracts')
      .selectAll()
      .where('product_id', 'in', ids)
      .orderBy('starts_on')
      .execute(),
    db
      .selectFrom('entitlement_counters')
      .selectAll()
      .where('product_id', 'in', ids)
      .orderBy('entitlement_code')
      .execute(),
  ]);
  return rows.map((row) => ({
    row,
    contracts: contracts.filter((c) => c.product_id === row.id),
    counters: counters.filter((c) => c.product_id === row.id),
  }));
}

export async function productView(db: Tx, scope: Scope, id: string): Promise<ProductView | undefined> {
  const row = await findProduct(db, scope, id);
  if (!row) return undefined;
  const [view] = await productViews(db, [row]);
  return view;
}

/** The visible products of these customers. */
export async function productsOf(db: Tx, scope: Scope, customerIds: string[]): Promise<ProductView[]> {
  if (customerIds.length === 0) return [];
  const rows = await db
    .selectFrom('installed_products')
    .selectAll()
    .select(outletVisible(scope))
    .where('customer_id', 'in', customerIds)
    .where(visibleProduct(scope))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return productViews(db, rows);
}

/** The visible product with this serial (any of the scope's brands), or undefined. */
export async function productsBySerial(db: Tx, scope: Scope, serial: string): Promise<ProductRow[]> {
  return db
    .selectFrom('installed_products')
    .selectAll()
    .select(outletVisible(scope))
    .where('serial', '=', serial.trim().toUpperCase())
    .where(visibleProduct(scope))
    .limit(20)
    .execute();
}

export async function listProducts(db: Tx, scope: Scope, q: z.infer<typeof productListQuery>) {
  let base = db.selectFrom('installed_products').where(visibleProduct(scope));
  if (q.customerId) base = base.where('customer_id', '=', q.customerId);
  if (q.brandId) base = base.where('brand_id', '=', q.brandId);
  if (q.status) base = base.where('status', '=', q.status);
  if (q.q) base = base.where('serial', '=', q.q.toUpperCase());
  return paginate(base.selectAll().select(outletVisible(scope)).orderBy('created_at', 'desc').orderBy('id'), base, q);
}
