import type { productCreate, productUpdate } from '@aftercare/contracts';
import { shanghaiDate } from '@aftercare/policy';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor, Scope } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CommandDeps } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { onUniqueViolation } from '../../platform/db/unique.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emitEvent } from '../../platform/outbox.ts';
import { outletFilter } from '../network/scope.ts';
import { CustomerErrors } from './customers.errors.ts';
import { findCustomer } from './customers.repository.ts';
import { canWriteCustomers } from './customers.scope.ts';
import { type ProductionDateDecoder, productionForCreate, productionForUpdate } from './products.production.ts';
import { lockProduct, type ProductView, productView } from './products.repository.ts';

type Trx = Transaction<DB>;
const SERIAL_KEY = 'installed_products_serial_key';

async function checkCategory(trx: Trx, brandId: string, categoryCode: string) {
  const row = await trx
    .selectFrom('brand_categories')
    .select('code')
    .where('brand_id', '=', brandId)
    .where('code', '=', categoryCode)
    .executeTakeFirst();
  if (!row) throw new AppError(CustomerErrors.PRODUCT_CATEGORY_UNKNOWN, { categoryCode });
}

/** The installing outlet serves the brand and is within the caller's scope. */
async function checkOutlet(trx: Trx, scope: Scope, brandId: string, outletId: string) {
  const row = await trx
    .selectFrom('brand_outlets')
    .select('outlet_id')
    .where('brand_id', '=', brandId)
    .where('outlet_id', '=', outletId)
    .where(outletFilter(scope, sql.ref('brand_outlets.outlet_id')))
    .executeTakeFirst();
  if (!row) throw new AppError(CustomerErrors.PRODUCT_OUTLET_UNKNOWN, { outletId });
}

async function checkSerial(trx: Trx, brandId: string, serial: string, exceptId: string | null) {
  let q = trx
    .selectFrom('installed_products')
    .select('id')
    .where('brand_id', '=', brandId)
    .where('serial', '=', serial);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw new AppError(CustomerErrors.PRODUCT_SERIAL_TAKEN, { serial });
}

type Contracts = z.infer<typeof productCreate>['extendedWarranties'];

/** Contract numbers unique per brand (other products' contracts, and within the list); ends on or after start. */
async function checkContracts(trx: Trx, brandId: string, contracts: Contracts, productId: string | null) {
  const seen = new Set<string>();
  for (const c of contracts) {
    if (c.endsOn < c.startsOn) throw new AppError(CustomerErrors.PRODUCT_CONTRACT_DATES, { contractNo: c.contractNo });
    if (seen.has(c.contractNo)) throw new AppError(CustomerErrors.PRODUCT_CONTRACT_TAKEN, { contractNo: c.contractNo });
    seen.add(c.contractNo);
  }
  if (seen.size === 0) return;
  let q = trx
    .selectFrom('extended_warranty_contracts')
    .select('contract_no')
    .where('brand_id', '=', brandId)
    .where('contract_no', 'in', [...seen]);
  if (productId) q = q.where('product_id', '<>', productId);
  const taken = await q.executeTakeFirst();
  if (taken) throw new AppError(CustomerErrors.PRODUCT_CONTRACT_TAKEN, { contractNo: taken.contract_no });
}

async function replaceContracts(trx: Trx, clock: Clock, brandId: string, productId: string, contracts: Contracts) {
  await trx.deleteFrom('extended_warranty_contracts').where('product_id', '=', productId).execute();
  if (contracts.length === 0) return;
  await onUniqueViolation(
    () =>
      trx
        .insertInto('extended_warranty_contracts')
        .values(
          contracts.map((c) => ({
            id: newId(),
            product_id: productId,
            brand_id: brandId,
            contract_no: c.contractNo,
            starts_on: c.startsOn,
            ends_on: c.endsOn,
            covers: JSON.stringify(c.covers),
            created_at: clock.now(),
          })),
        )
        .execute(),
    () =>
      new AppError(CustomerErrors.PRODUCT_CONTRACT_TAKEN, {
        contractNo: contracts.map((c) => c.contractNo).join(', '),
      }),
    'extended_warranty_contracts_brand_id_contract_no_key',
  );
}

const serialOf = (s: string | null | undefined) => (s ? s.trim().toUpperCase() : null);

function auditShape(v: ProductView | undefined) {
  return v ? { ...v.row, extendedWarranties: v.contracts, entitlements: v.counters } : null;
}

/** Registers an installed product for a visible customer, inside the caller's transaction. */
export async function createProductTx(
  trx: Trx,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  input: z.infer<typeof productCreate>,
  decode?: ProductionDateDecoder,
): Promise<ProductView> {
  const customer = await findCustomer(trx, scope, input.customerId);
  if (!customer) throw new AppError(CustomerErrors.PRODUCT_CUSTOMER_UNKNOWN, { customerId: input.customerId });
  if (!canWriteCustomers(scope, customer.brand_id)) throw new AppError(CommonErrors.FORBIDDEN);
  if (customer.status === 'merged') throw new AppError(CustomerErrors.CUSTOMER_MERGED, { id: customer.id });
  const brandId = customer.brand_id;
  await checkCategory(trx, brandId, input.categoryCode);
  if (input.installingOutletId) await checkOutlet(trx, scope, brandId, input.installingOutletId);
  const serial = serialOf(input.serial);
  if (serial) await checkSerial(trx, brandId, serial, null);
  await checkContracts(trx, brandId, input.extendedWarranties, null);
  const production = await productionForCreate(trx, decode, input.productionDate, {
    brandId,
    categoryCode: input.categoryCode,
    modelCode: input.modelCode ?? null,
    serial,
    notAfter: input.purchaseDate ?? shanghaiDate(clock.now()),
  });

  const now = clock.now();
  const id = newId();
  await onUniqueViolation(
    () =>
      trx
        .insertInto('installed_products')
        .values({
          id,
          brand_id: brandId,
          customer_id: customer.id,
          category_code: input.categoryCode,
          model_code: input.modelCode ?? null,
          serial,
          ...production,
          purchase_date: input.purchaseDate ?? null,
          has_invoice: input.hasInvoice,
          invoice_photo_url: input.invoicePhotoUrl ?? null,
          channel: input.channel ?? null,
          store: input.store ?? null,
          delivery_date: input.deliveryDate ?? null,
          installation_date: input.installationDate ?? null,
          installing_outlet_id: input.installingOutletId ?? null,
          warranty_start_override: input.warrantyStartOverride ?? null,
          created_at: now,
          updated_at: now,
        })
        .execute(),
    () => new AppError(CustomerErrors.PRODUCT_SERIAL_TAKEN, { serial: serial ?? '' }),
    SERIAL_KEY,
  );
  // A new product has no contracts to replace.
  if (input.extendedWarranties.length > 0) await replaceContracts(trx, clock, brandId, id, input.extendedWarranties);
  const view = (await productView(trx, scope, id))!;
  await writeAudit(trx, clock, actor, {
    action: 'product.create',
    entity: 'product',
    entityId: id,
    brandId,
    outletId: input.installingOutletId ?? null,
    after: auditShape(view),
  });
  await emitEvent(trx, clock, {
    type: 'product.registered',
    aggregateType: 'product',
    aggregateId: id,
    brandId,
    outletId: input.installingOutletId ?? null,
    payload: { customerId: customer.id, serial },
  });
  return view;
}

export async function createProduct(
  deps: CommandDeps & { decode?: ProductionDateDecoder },
  actor: Actor,
  scope: Scope,
  input: z.infer<typeof productCreate>,
) {
  return deps.db.transaction().execute((trx) => createProductTx(trx, deps.clock, actor, scope, input, deps.decode));
}

export async function updateProduct(
  deps: CommandDeps & { decode?: ProductionDateDecoder },
  actor: Actor,
  scope: Scope,
  id: string,
  input: z.infer<typeof productUpdate>,
): Promise<ProductView> {
  return deps.db.transaction().execute((trx) => updateProductTx(trx, deps.clock, actor, scope, id, input, deps.decode));
}

/** The same inside the caller's transaction (imports and feeds write many records all-or-nothing). */
export async function updateProductTx(
  trx: Trx,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  id: string,
  input: z.infer<typeof productUpdate>,
  decode?: ProductionDateDecoder,
): Promise<ProductView> {
  const current = await lockProduct(trx, scope, id);
  if (!current) throw new AppError(CommonErrors.NOT_FOUND);
  const brandId = current.brand_id;
  if (!canWriteCustomers(scope, brandId)) throw new AppError(CommonErrors.FORBIDDEN);
  if (input.categoryCode !== undefined) await checkCategory(trx, brandId, input.categoryCode);
  if (input.installingOutletId) await checkOutlet(trx, scope, brandId, input.installingOutletId);
  const serial = input.serial === undefined ? undefined : serialOf(input.serial);
  if (serial) await checkSerial(trx, brandId, serial, id);
  if (input.extendedWarranties) await checkContracts(trx, brandId, input.extendedWarranties, id);
  const purchase = input.purchaseDate !== undefined ? input.purchaseDate : current.purchase_date;
  const production = await productionForUpdate(trx, decode, current, input.productionDate, {
    brandId,
    categoryCode: input.categoryCode ?? current.category_code,
    modelCode: input.modelCode !== undefined ? (input.modelCode ?? null) : current.model_code,
    serial: serial !== undefined ? serial : current.serial,
    notAfter: purchase ?? shanghaiDate(clock.now()),
  });
  const before = auditShape(await productView(trx, scope, id));
  await onUniqueViolation(
    () =>
      trx
        .updateTable('installed_products')
        .set({
          ...(input.categoryCode !== undefined && { category_code: input.categoryCode }),
          ...(input.modelCode !== undefined && { model_code: input.modelCode }),
          ...(serial !== undefined && { serial }),
          ...production,
          ...(input.purchaseDate !== undefined && { purchase_date: input.purchaseDate }),
          ...(input.hasInvoice !== undefined && { has_invoice: input.hasInvoice }),
          ...(input.invoicePhotoUrl !== undefined && { invoice_photo_url: input.invoicePhotoUrl }),
          ...(input.channel !== undefined && { channel: input.channel }),
          ...(input.store !== undefined && { store: input.store }),
          ...(input.deliveryDate !== undefined && { delivery_date: input.deliveryDate }),
          ...(input.installationDate !== undefined && { installation_date: input.installationDate }),
          ...(input.installingOutletId !== undefined && { installing_outlet_id: input.installingOutletId }),
          ...(input.warrantyStartOverride !== undefined && { warranty_start_override: input.warrantyStartOverride }),
          ...(input.status !== undefined && { status: input.status }),
          updated_at: clock.now(),
        })
        .where('id', '=', id)
        .execute(),
    () => new AppError(CustomerErrors.PRODUCT_SERIAL_TAKEN, { serial: serial ?? '' }),
    SERIAL_KEY,
  );
  if (input.extendedWarranties) await replaceContracts(trx, clock, brandId, id, input.extendedWarranties);
  // An outlet-scoped caller never writes, so the product stays visible to the scope that changed it.
  const view = (await productView(trx, scope, id))!;
  await writeAudit(trx, clock, actor, {
    action: input.status === 'retired' ? 'product.retire' : 'product.update',
    entity: 'product',
    entityId: id,
    brandId,
    outletId: view.row.installing_outlet_id,
    before,
    after: auditShape(view),
  });
  await emitEvent(trx, clock, {
    type: 'product.updated',
    aggregateType: 'product',
    aggregateId: id,
    brandId,
    outletId: view.row.installing_outlet_id,
  });
  return view;
}
