import { createHash } from 'node:crypto';
import type { productUpdate, SALE_STATUSES, saleRecord } from '@aftercare/contracts';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor, Scope } from '../../platform/access/principal.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DB } from '../../platform/db/schema.ts';
import { onUniqueViolation } from '../../platform/db/unique.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { normalizePhone } from '../../platform/phone.ts';
import { createCustomerTx, updateCustomerTx } from '../customers/customers.commands.ts';
import { CustomerErrors } from '../customers/customers.errors.ts';
import { addressesOf, phonesOf } from '../customers/customers.repository.ts';
import { canWriteCustomers } from '../customers/customers.scope.ts';
import { createProductTx, updateProductTx } from '../customers/products.commands.ts';
import type { ProductionDateDecoder } from '../customers/products.production.ts';
import { SalesErrors } from './sales.errors.ts';
import { customerByPhones, findLine, productById, productBySerial, type SaleKey } from './sales.repository.ts';

type Trx = Transaction<DB>;
export type SaleRecord = z.infer<typeof saleRecord>;
export type SaleStatus = (typeof SALE_STATUSES)[number];
export type { SaleKey };

export interface SaleOutcome {
  status: SaleStatus;
  customerId: string;
  productId: string;
}

/** The line as stored for comparison: phones in national form, serial upper case, fixed key order. */
function canonical(sale: SaleRecord, phones: string[], serial: string | null) {
  return {
    brandId: sale.brandId,
    customerName: sale.customerName,
    phones,
    divisionCode: sale.divisionCode ?? null,
    address: sale.address ?? null,
    categoryCode: sale.categoryCode,
    modelCode: sale.modelCode ?? null,
    serial,
    purchaseDate: sale.purchaseDate ?? null,
    hasInvoice: sale.hasInvoice ?? null,
    channel: sale.channel ?? null,
    store: sale.store ?? null,
    deliveryDate: sale.deliveryDate ?? null,
    installationDate: sale.installationDate ?? null,
    installingOutletId: sale.installingOutletId ?? null,
    orderNo: sale.orderNo ?? null,
    lineNo: sale.lineNo ?? null,
  };
}

function normalizedPhones(sale: SaleRecord): { raw: string; normalized: string }[] {
  const out: { raw: string; normalized: string }[] = [];
  for (const raw of sale.phones) {
    const n = normalizePhone(raw);
    if (!n) throw new AppError(CustomerErrors.CUSTOMER_PHONE_INVALID, { number: raw });
    if (!out.some((p) => p.normalized === n.normalized)) out.push({ raw, normalized: n.normalized });
  }
  return out;
}

type ProductPatch = z.infer<typeof productUpdate>;

/** The product fields the line gives (blank ones leave the product as it is) that differ from the record. */
function productChanges(
  sale: SaleRecord,
  serial: string | null,
  row: NonNullable<Awaited<ReturnType<typeof productById>>>,
) {
  const patch: ProductPatch = {};
  const wanted: [keyof ProductPatch, unknown, unknown][] = [
    ['categoryCode', sale.categoryCode, row.category_code],
    ['modelCode', sale.modelCode, row.model_code],
    ['serial', serial, row.serial],
    ['purchaseDate', sale.purchaseDate, row.purchase_date],
    ['hasInvoice', sale.hasInvoice, row.has_invoice],
    ['channel', sale.channel, row.channel],
    ['store', sale.store, row.store],
    ['deliveryDate', sale.deliveryDate, row.delivery_date],
    ['installationDate', sale.installationDate, row.installation_date],
    ['installingOutletId', sale.installingOutletId, row.installing_outlet_id],
  ];
  for (const [field, value, current] of wanted) {
    if (value !== undefined && value !== null && value !== current) (patch as Record<string, unknown>)[field] = value;
  }
  return patch;
}

/** Adds the line's new phones and address to a known customer; a correction of the same line also renames. */
async function updateCustomerFromSale(
  trx: Trx,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  customerId: string,
  sale: SaleRecord,
  phones: { raw: string; normalized: string }[],
  rename: boolean,
): Promise<boolean> {
  const row = await trx.selectFrom('customers').select('name').where('id', '=', customerId).executeTakeFirstOrThrow();
  const existingPhones = await phonesOf(trx, [customerId]);
  const addedPhones = phones.filter((p) => !existingPhones.some((e) => e.normalized === p.normalized));
  const existingAddresses = await addressesOf(trx, [customerId]);
  const addAddress =
    sale.divisionCode &&
    sale.address &&
    !existingAddresses.some((a) => a.division_code === sale.divisionCode && a.detail === sale.address);
  const newName = rename && row.name !== sale.customerName;
  if (!addedPhones.length && !addAddress && !newName) return false;
  await updateCustomerTx(trx, clock, actor, scope, customerId, {
    ...(newName && { name: sale.customerName }),
    ...(addedPhones.length && {
      phones: [
        ...existingPhones.map((p) => ({ number: p.raw, isPrimary: p.is_primary })),
        ...addedPhones.map((p) => ({ number: p.raw })),
      ],
    }),
    ...(addAddress && {
      addresses: [
        ...existingAddresses.map((a) => ({
          divisionCode: a.division_code,
          detail: a.detail,
          urbanRuralOverride: a.urban_rural_override as 'urban' | 'rural' | null,
          isPrimary: a.is_primary,
        })),
        { divisionCode: sale.divisionCode!, detail: sale.address! },
      ],
    }),
  });
  return true;
}

/**
 * Applies one sales line inside the caller's transaction. The same line again (same key, same
 * content) changes nothing. Otherwise: the product is the one this line wrote before, or the brand's
 * product with the serial; the customer is the product's owner, or the brand's customer with one of
 * the phones, or a new one. A product already registered to someone whose phones the line does not
 * name is refused (an import does not move products between customers).
 */
export async function applySaleTx(
  trx: Trx,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  sale: SaleRecord,
  key: SaleKey,
  decode?: ProductionDateDecoder,
): Promise<SaleOutcome> {
  if (!canWriteCustomers(scope, sale.brandId)) throw new AppError(CommonErrors.FORBIDDEN);
  const phones = normalizedPhones(sale);
  const serial = sale.serial ? sale.serial.trim().toUpperCase() : null;
  const hash = createHash('sha256')
    .update(
      JSON.stringify(
        canonical(
          sale,
          phones.map((p) => p.normalized),
          serial,
        ),
      ),
    )
    .digest('hex');
  const line = await findLine(trx, sale.brandId, key);
  if (line && line.payload_hash === hash) {
    return { status: 'unchanged', customerId: line.customer_id, productId: line.product_id };
  }

  let product = line ? await productById(trx, line.product_id) : undefined;
  if (serial) {
    const bySerial = await productBySerial(trx, sale.brandId, serial);
    if (bySerial && product && bySerial.id !== product.id)
      throw new AppError(CustomerErrors.PRODUCT_SERIAL_TAKEN, { serial });
    product ??= bySerial;
  }
  const matched = await customerByPhones(
    trx,
    sale.brandId,
    phones.map((p) => p.normalized),
  );
  let status: SaleStatus = 'unchanged';
  let customerId: string;
  let productId: string;
  if (product) {
    customerId = product.customer_id;
    // The owner must be the customer the phones name; only a correction of the line that registered
    // the product (same feed id or order line; a serial says nothing about who bought it) may bring
    // phones nobody has yet, and rename.
    const correction = line?.product_id === product.id && !isUnitKey(key);
    if (matched ? matched !== customerId : !correction)
      throw new AppError(SalesErrors.SALES_PRODUCT_OTHER_CUSTOMER, { serial: product.serial ?? serial ?? '' });
    if (await updateCustomerFromSale(trx, clock, actor, scope, customerId, sale, phones, correction))
      status = 'updated';
    const patch = productChanges(sale, serial, product);
    if (Object.keys(patch).length) {
      await updateProductTx(trx, clock, actor, scope, product.id, patch, decode);
      status = 'updated';
    }
    productId = product.id;
  } else {
    if (matched) {
      customerId = matched;
      const correction = line?.customer_id === matched && !isUnitKey(key);
      await updateCustomerFromSale(trx, clock, actor, scope, customerId, sale, phones, correction);
    } else {
      const created = await createCustomerTx(trx, clock, actor, scope, {
        brandId: sale.brandId,
        name: sale.customerName,
        tags: [],
        phones: phones.map((p) => ({ number: p.raw })),
        addresses: sale.divisionCode && sale.address ? [{ divisionCode: sale.divisionCode, detail: sale.address }] : [],
      });
      customerId = created.row.id;
    }
    const created = await createProductTx(
      trx,
      clock,
      actor,
      scope,
      {
        customerId,
        categoryCode: sale.categoryCode,
        modelCode: sale.modelCode ?? null,
        serial,
        purchaseDate: sale.purchaseDate ?? null,
        hasInvoice: sale.hasInvoice ?? false,
        channel: sale.channel ?? null,
        store: sale.store ?? null,
        deliveryDate: sale.deliveryDate ?? null,
        installationDate: sale.installationDate ?? null,
        installingOutletId: sale.installingOutletId ?? null,
        extendedWarranties: [],
      },
      decode,
    );
    productId = created.row.id;
    status = 'created';
  }

  const now = clock.now();
  if (line) {
    await trx
      .updateTable('sales_lines')
      .set({ customer_id: customerId, product_id: productId, payload_hash: hash, updated_at: now })
      .where('id', '=', line.id)
      .execute();
  } else {
    await onUniqueViolation(
      () =>
        trx
          .insertInto('sales_lines')
          .values({
            id: newId(),
            brand_id: sale.brandId,
            source: key.source,
            external_id: key.externalId,
            order_no: sale.orderNo ?? null,
            line_no: sale.lineNo ?? null,
            customer_id: customerId,
            product_id: productId,
            payload_hash: hash,
            created_at: now,
            updated_at: now,
          })
          .execute(),
      () => new AppError(SalesErrors.SALES_LINE_CONFLICT),
    );
  }
  return { status, customerId, productId };
}

const SERIAL_KEY = 'serial:';
/** An imported row without an order line is remembered by its serial: the unit, not the sale. */
const isUnitKey = (key: SaleKey) => key.source === 'import' && key.externalId.startsWith(SERIAL_KEY);

/** The key an imported row is remembered by: its order line, else its serial. */
export function importKey(sale: SaleRecord): SaleKey {
  if (sale.orderNo && sale.lineNo) return { source: 'import', externalId: `order:${sale.orderNo}#${sale.lineNo}` };
  return { source: 'import', externalId: `${SERIAL_KEY}${(sale.serial ?? '').trim().toUpperCase()}` };
}
