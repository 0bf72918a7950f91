import type { customerListQuery } from '@aftercare/contracts';
import { type Expression, type ExpressionBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { paginate } from '../../platform/db/paginate.ts';
import type { DB } from '../../platform/db/schema.ts';
import { phoneFragment } from '../../platform/phone.ts';
import { searchQuery, searchTokens } from '../../platform/text-search.ts';
import { brandFilter } from '../network/scope.ts';
import { customerFilter } from './customers.scope.ts';
import type { CustomerPhonesTable, CustomersTable } from './customers.tables.ts';

export type CustomerRow = Selectable<CustomersTable>;
export type PhoneRow = Selectable<CustomerPhonesTable>;
export type AddressRow = Awaited<ReturnType<typeof addressesOf>>[number];

export interface CustomerView {
  row: CustomerRow;
  phones: PhoneRow[];
  addresses: AddressRow[];
}

type Where = (eb: ExpressionBuilder<DB, 'customers'>) => Expression<SqlBool>;

const COLUMNS = [
  'customers.id',
  'customers.brand_id',
  'customers.name',
  'customers.gender',
  'customers.tags',
  'customers.language',
  'customers.birthday',
  'customers.consents',
  'customers.notes',
  'customers.status',
  'customers.merged_into',
  'customers.created_at',
  'customers.updated_at',
  'customers.search',
] as const;

export const visibleCustomer = (scope: Scope) =>
  customerFilter(scope, sql.ref('customers.id'), sql.ref('customers.brand_id'));

export async function findCustomer(db: Tx, scope: Scope, id: string): Promise<CustomerRow | undefined> {
  return db
    .selectFrom('customers')
    .select(COLUMNS)
    .where('id', '=', id)
    .where(visibleCustomer(scope))
    .executeTakeFirst();
}

/** Locks the visible customers among `ids` (in id order, so two merges cannot deadlock). */
export async function lockCustomers(db: Tx, scope: Scope, ids: string[]): Promise<CustomerRow[]> {
  return db
    .selectFrom('customers')
    .select(COLUMNS)
    .where('id', 'in', ids)
    .where(visibleCustomer(scope))
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function phonesOf(db: Tx, customerIds: string[]): Promise<PhoneRow[]> {
  if (customerIds.length === 0) return [];
  return db
    .selectFrom('customer_phones')
    .selectAll()
    .where('customer_id', 'in', customerIds)
    .orderBy('is_primary', 'desc')
    .orderBy('created_at')
    .orderBy('normalized')
    .execute();
}

/**
 * Addresses with the division's full name and the effective urban/rural class: the address's own
 * override, else the division's (its override, its class, or for a township its county's class).
 */
export async function addressesOf(db: Tx, customerIds: string[]) {
  if (customerIds.length === 0) return [];
  return db
    .selectFrom('customer_addresses as a')
    .innerJoin('divisions as d', 'd.code', 'a.division_code')
    .leftJoin('divisions as p', 'p.code', 'd.parent_code')
    .selectAll('a')
    .select('d.full_name as division_name')
    .select(
      sql<string | null>`coalesce(a.urban_rural_override, d.urban_rural_override, d.urban_rural,
        CASE WHEN d.level = 4 THEN coalesce(p.urban_rural_override, p.urban_rural) END)`.as('urban_rural'),
    )
    .where('a.customer_id', 'in', customerIds)
    .orderBy('a.is_primary', 'desc')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

export async function withDetails(db: Tx, rows: CustomerRow[]): Promise<CustomerView[]> {
  const ids = rows.map((r) => r.id);
  const [phones, addresses] = await Promise.all([phonesOf(db, ids), addressesOf(db, ids)]);
  return rows.map((row) => ({
    row,
    phones: phones.filter((p) => p.customer_id === row.id),
    addresses: addresses.filter((a) => a.customer_id === row.id),
  }));
}

export async function customerView(db: Tx, scope: Scope, id: string): Promise<CustomerView | undefined> {
  const row = await findCustomer(db, scope, id);
  if (!row) return undefined;
  const [view] = await withDetails(db, [row]);
  return view;
}

/** Recomputes the search vector from the name and every address (detail and division names). */
export async function refreshSearch(db: Tx, customerId: string): Promise<void> {
  const c = await db.selectFrom('customers').select('name').where('id', '=', customerId).executeTakeFirstOrThrow();
  const addresses = await addressesOf(db, [customerId]);
  const tokens = searchTokens(c.name, ...addresses.flatMap((a) => [a.detail, a.division_name]));
  await db
    .updateTable('customers')
    .set({ search: sql<string>`to_tsvector('simple', ${tokens})` })
    .where('id', '=', customerId)
    .execute();
}

type ListQuery = z.infer<typeof customerListQuery>;
const SERIAL = /^[A-Za-z0-9_/-]{4,60}$/;

/**
 * What `q` matches: a phone number (whole, or 4+ digits as its start or its tail), else a name or
 * address fragment through the search index, and a whole serial number when it could be one. Phone
 * rows are narrowed to the scope's brands so the (brand_id, normalized) and (brand_id,
 * reverse(normalized)) indexes answer prefix and tail searches.
 */
function textMatch(eb: ExpressionBuilder<DB, 'customers'>, scope: Scope, q: string): Expression<SqlBool> {
  const serial = SERIAL.test(q)
    ? eb(
        'customers.id',
        'in',
        eb.selectFrom('installed_products as ip').select('ip.customer_id').where('ip.serial', '=', q.toUpperCase()),
      )
    : null;
  const digits = phoneFragment(q);
  if (digits) {
    const reversed = [...digits].reverse().join('');
    const phone = eb(
      'customers.id',
      'in',
      eb
        .selectFrom('customer_phones as cp')
        .select('cp.customer_id')
        .where(
          scope.kind === 'brand' || scope.kind === 'region'
            ? brandFilter(scope, sql.ref('cp.brand_id'))
            : sql<SqlBool>`true`,
        )
        .where((w) =>
          w.or([w('cp.normalized', 'like', `${digits}%`), w(sql`reverse(cp.normalized)`, 'like', `${reversed}%`)]),
        ),
    );
    return serial ? eb.or([phone, serial]) : phone;
  }
  const tsq = searchQuery(q);
  const text = tsq ? sql<SqlBool>`customers.search @@ to_tsquery('simple', ${tsq})` : null;
  if (text && serial) return eb.or([text, serial]);
  return text ?? serial ?? sql<SqlBool>`false`;
}

function listWhere(scope: Scope, q: ListQuery): Where {
  return (eb) => {
    const conds: Expression<SqlBool>[] = [visibleCustomer(scope)];
    if (q.brandId) conds.push(eb('customers.brand_id', '=', q.brandId));
    // Merged records are history: only listed when asked for.
    conds.push(q.status ? eb('customers.status', '=', q.status) : eb('customers.status', '<>', 'merged'));
    if (q.tag) conds.push(sql<SqlBool>`${q.tag} = ANY(customers.tags)`);
    if (q.q) conds.push(textMatch(eb, scope, q.q));
    return eb.and(conds);
  };
}

/** The list query (exported so a test can EXPLAIN it). */
export function listQuery(db: Tx, scope: Scope, q: ListQuery) {
  return db
    .selectFrom('customers')
    .where(listWhere(scope, q))
    .select(COLUMNS)
    .orderBy('customers.created_at', 'desc')
    .orderBy('customers.id');
}

export async function listCustomers(db: Tx, scope: Scope, q: ListQuery) {
  return paginate(listQuery(db, scope, q), db.selectFrom('customers').where(listWhere(scope, q)), q);
}

/** Visible, unmerged customers with this whole normalized number. */
export async function customersByPhone(db: Tx, scope: Scope, normalized: string): Promise<CustomerRow[]> {
  return db
    .selectFrom('customers')
    .select(COLUMNS)
    .where(visibleCustomer(scope))
    .where('customers.status', '<>', 'merged')
    .where((eb) =>
      eb(
        'customers.id',
        'in',
        eb.selectFrom('customer_phones as cp').select('cp.customer_id').where('cp.normalized', '=', normalized),
      ),
    )
    .orderBy('customers.created_at')
    .limit(20)
    .execute();
}

/**
 * Other visible, unmerged customers of the same brand that look like the same person: one of the
 * customer's phone numbers, or a name matching theirs (all its bigrams) with an address in one of
 * the same divisions.
 */
export async function duplicatesOf(db: Tx, scope: Scope, view: CustomerView) {
  const numbers = view.phones.map((p) => p.normalized);
  const divisions = [...new Set(view.addresses.map((a) => a.division_code))];
  const tsq = searchQuery(view.row.name);
  if (numbers.length === 0 && (divisions.length === 0 || !tsq)) return [];
  const byPhone = numbers.length
    ? sql<SqlBool>`EXISTS (SELECT 1 FROM customer_phones cp WHERE cp.customer_id = customers.id
        AND cp.normalized IN (${sql.join(numbers)}))`
    : sql<SqlBool>`false`;
  const byName =
    divisions.length && tsq
      ? sql<SqlBool>`(customers.search @@ to_tsquery('simple', ${tsq}) AND EXISTS (SELECT 1 FROM customer_addresses ca
          WHERE ca.customer_id = customers.id AND ca.division_code IN (${sql.join(divisions)})))`
      : sql<SqlBool>`false`;
  const rows = await db
    .selectFrom('customers')
    .select(COLUMNS)
    .select([byPhone.as('by_phone'), byName.as('by_name')])
    .where('customers.brand_id', '=', view.row.brand_id)
    .where('customers.id', '<>', view.row.id)
    .where('customers.status', '<>', 'merged')
    .where(visibleCustomer(scope))
    .where((eb) => eb.or([byPhone, byName]))
    .orderBy('customers.created_at')
    .limit(50)
    .execute();
  return rows.map(({ by_phone, by_name, ...row }) => ({
    row,
    reasons: [...(by_phone ? ['phone' as const] : []), ...(by_name ? ['name_and_division' as const] : [])],
  }));
}

/** Which of the customers share a phone number with another visible, unmerged customer of their brand. */
export async function sharingPhones(db: Tx, scope: Scope, customerIds: string[]): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('customer_phones as mine')
    .innerJoin('customer_phones as theirs', (j) =>
      j
        .onRef('theirs.brand_id', '=', 'mine.brand_id')
        .onRef('theirs.normalized', '=', 'mine.normalized')
        .onRef('theirs.customer_id', '<>', 'mine.customer_id'),
    )
    .innerJoin('customers', 'customers.id', 'theirs.customer_id')
    .select('mine.customer_id')
    .distinct()
    .where('mine.customer_id', 'in', customerIds)
    .where('customers.status', '<>', 'merged')
    .where(visibleCustomer(scope))
    .execute();
  return new Set(rows.map((r) => r.customer_id));
}
