import type { customerAddressInput, customerCreate, customerPhoneInput, customerUpdate } from '@aftercare/contracts';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor, Scope } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CommandDeps } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emitEvent } from '../../platform/outbox.ts';
import { normalizePhone } from '../../platform/phone.ts';
import { visibleBrand } from '../network/lookups.ts';
import { CustomerErrors } from './customers.errors.ts';
import { type CustomerView, customerView, lockCustomers, refreshSearch } from './customers.repository.ts';
import { canWriteCustomers } from './customers.scope.ts';

type Trx = Transaction<DB>;
type PhoneInput = z.infer<typeof customerPhoneInput>;
type AddressInput = z.infer<typeof customerAddressInput>;

/** Phones normalized (422 for one that is not a number), duplicates dropped, exactly one primary. */
export function planPhones(input: PhoneInput[]) {
  const seen = new Set<string>();
  const plan: { raw: string; normalized: string; kind: string; primary: boolean }[] = [];
  for (const ph of input) {
    const n = normalizePhone(ph.number);
    if (!n) throw new AppError(CustomerErrors.CUSTOMER_PHONE_INVALID, { number: ph.number });
    if (seen.has(n.normalized)) continue;
    seen.add(n.normalized);
    plan.push({ raw: ph.number, normalized: n.normalized, kind: n.kind, primary: ph.isPrimary === true });
  }
  return withOnePrimary(plan, 'phones');
}

function withOnePrimary<T extends { primary: boolean }>(items: T[], list: string): T[] {
  const primaries = items.filter((i) => i.primary).length;
  if (primaries > 1) throw new AppError(CustomerErrors.CUSTOMER_PRIMARY_TWICE, { list });
  if (primaries === 0 && items[0]) items[0].primary = true;
  return items;
}

async function checkAddresses(trx: Trx, input: AddressInput[]) {
  const codes = [...new Set(input.map((a) => a.divisionCode))];
  if (codes.length) {
    const rows = await trx.selectFrom('divisions').select('code').where('code', 'in', codes).execute();
    const known = new Set(rows.map((r) => r.code));
    const unknown = codes.find((c) => !known.has(c));
    if (unknown) throw new AppError(CustomerErrors.CUSTOMER_DIVISION_UNKNOWN, { code: unknown });
  }
  return withOnePrimary(
    input.map((a) => ({ ...a, primary: a.isPrimary === true })),
    'addresses',
  );
}

async function replacePhones(trx: Trx, clock: Clock, c: { id: string; brand_id: string }, plan: PhonePlan) {
  await trx.deleteFrom('customer_phones').where('customer_id', '=', c.id).execute();
  if (plan.length === 0) return;
  await trx
    .insertInto('customer_phones')
    .values(
      plan.map((ph) => ({
        id: newId(),
        customer_id: c.id,
        brand_id: c.brand_id,
        raw: ph.raw,
        normalized: ph.normalized,
        kind: ph.kind,
        is_primary: ph.primary,
        created_at: clock.now(),
      })),
    )
    .execute();
}

type PhonePlan = ReturnType<typeof planPhones>;
type AddressPlan = Awaited<ReturnType<typeof checkAddresses>>;

async function replaceAddresses(trx: Trx, clock: Clock, c: { id: string; brand_id: string }, plan: AddressPlan) {
  await trx.deleteFrom('customer_addresses').where('customer_id', '=', c.id).execute();
  if (plan.length === 0) return;
  await trx
    .insertInto('customer_addresses')
    .values(
      plan.map((a) => ({
        id: newId(),
        customer_id: c.id,
        brand_id: c.brand_id,
        division_code: a.divisionCode,
        detail: a.detail,
        urban_rural_override: a.urbanRuralOverride ?? null,
        is_primary: a.primary,
        created_at: clock.now(),
      })),
    )
    .execute();
}

/** What the audit log keeps of a customer: the record with phones and addresses, no search vector. */
export function auditShape(v: CustomerView | undefined) {
  if (!v) return null;
  const { search: _search, ...row } = v.row;
  return {
    ...row,
    phones: v.phones.map((p) => ({ normalized: p.normalized, kind: p.kind, isPrimary: p.is_primary })),
    addresses: v.addresses.map((a) => ({ divisionCode: a.division_code, detail: a.detail, isPrimary: a.is_primary })),
  };
}

/** Creates a customer with phones and addresses in the caller's transaction (an importer runs many). */
export async function createCustomerTx(
  trx: Trx,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  input: z.infer<typeof customerCreate>,
): Promise<CustomerView> {
  const brand = await visibleBrand(trx, scope, input.brandId);
  if (!brand) throw new AppError(CustomerErrors.CUSTOMER_BRAND_UNKNOWN, { brandId: input.brandId });
  if (!canWriteCustomers(scope, input.brandId)) throw new AppError(CommonErrors.FORBIDDEN);
  const phones = planPhones(input.phones);
  const addresses = await checkAddresses(trx, input.addresses);

  const now = clock.now();
  const id = newId();
  const consents = input.consents
    ? { ...input.consents, at: now.toISOString() }
    : { serviceMessages: true, marketing: false, at: null };
  await trx
    .insertInto('customers')
    .values({
      id,
      brand_id: input.brandId,
      name: input.name,
      gender: input.gender ?? null,
      tags: [...new Set(input.tags)],
      language: input.language ?? null,
      birthday: input.birthday ?? null,
      consents: JSON.stringify(consents),
      notes: input.notes ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const ref = { id, brand_id: input.brandId };
  await replacePhones(trx, clock, ref, phones);
  await replaceAddresses(trx, clock, ref, addresses);
  await refreshSearch(trx, id);
  const view = (await customerView(trx, scope, id))!;
  await writeAudit(trx, clock, actor, {
    action: 'customer.create',
    entity: 'customer',
    entityId: id,
    brandId: input.brandId,
    after: auditShape(view),
  });
  await emitEvent(trx, clock, {
    type: 'customer.created',
    aggregateType: 'customer',
    aggregateId: id,
    brandId: input.brandId,
  });
  return view;
}

export async function createCustomer(
  deps: CommandDeps,
  actor: Actor,
  scope: Scope,
  input: z.infer<typeof customerCreate>,
): Promise<CustomerView> {
  return deps.db.transaction().execute((trx) => createCustomerTx(trx, deps.clock, actor, scope, input));
}

/** A visible customer locked for a write by this scope: 404 when not visible, 403/409 when not writable. */
export async function lockWritable(trx: Trx, scope: Scope, id: string) {
  const [row] = await lockCustomers(trx, scope, [id]);
  if (!row) throw new AppError(CommonErrors.NOT_FOUND);
  if (!canWriteCustomers(scope, row.brand_id)) throw new AppError(CommonErrors.FORBIDDEN);
  if (row.status === 'merged') throw new AppError(CustomerErrors.CUSTOMER_MERGED, { id });
  return row;
}

export async function updateCustomer(
  deps: CommandDeps,
  actor: Actor,
  scope: Scope,
  id: string,
  input: z.infer<typeof customerUpdate>,
): Promise<CustomerView> {
  return deps.db.transaction().execute((trx) => updateCustomerTx(trx, deps.clock, actor, scope, id, input));
}

/** The same inside the caller's transaction (imports and feeds write many records all-or-nothing). */
export async function updateCustomerTx(
  trx: Trx,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  id: string,
  input: z.infer<typeof customerUpdate>,
): Promise<CustomerView> {
  const current = await lockWritable(trx, scope, id);
  const phones = input.phones ? planPhones(input.phones) : null;
  const addresses = input.addresses ? await checkAddresses(trx, input.addresses) : null;
  const before = auditShape(await customerView(trx, scope, id));
  const now = clock.now();
  // Consents carry the time they were given or changed.
  const consents = input.consents === undefined ? undefined : { ...input.consents, at: now.toISOString() };
  await trx
    .updateTable('customers')
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.gender !== undefined && { gender: input.gender }),
      ...(input.tags !== undefined && { tags: [...new Set(input.tags)] }),
      ...(input.language !== undefined && { language: input.language }),
      ...(input.birthday !== undefined && { birthday: input.birthday }),
      ...(consents !== undefined && { consents: JSON.stringify(consents) }),
      ...(input.notes !== undefined && { notes: input.notes }),
      ...(input.status !== undefined && { status: input.status }),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  if (phones) await replacePhones(trx, clock, current, phones);
  if (addresses) await replaceAddresses(trx, clock, current, addresses);
  if (input.name !== undefined || addresses) await refreshSearch(trx, id);
  const view = (await customerView(trx, scope, id))!;
  await writeAudit(trx, clock, actor, {
    action: input.status === 'inactive' ? 'customer.deactivate' : 'customer.update',
    entity: 'customer',
    entityId: id,
    brandId: current.brand_id,
    before,
    after: auditShape(view),
  });
  await emitEvent(trx, clock, {
    type: 'customer.updated',
    aggregateType: 'customer',
    aggregateId: id,
    brandId: current.brand_id,
  });
  return view;
}
