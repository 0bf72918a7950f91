import { z } from 'zod';
import { divisionCode } from './common.ts';
import { customerCreate, productCreate } from './customers.ts';

/**
 * Sales (销售数据): one line = one sold unit, sent by a retailer's system (POST /sales) or imported
 * from a file (the `sales` import kind). Each line creates or updates the customer (matched by a
 * normalized phone within the brand) and the installed product (by serial within the brand, else by
 * the line's own key), idempotently.
 */
export const SALES_CHANNELS = ['store', 'ecommerce', 'dealer', 'project', 'other'] as const;
export const SALES_MAX_LINES = 1000;
export const SALE_STATUSES = ['created', 'updated', 'unchanged'] as const;

const p = productCreate.shape;

/** A sale with its codes resolved (brand → id, category name → code, outlet code → id): the command input. */
export const saleRecord = z.strictObject({
  brandId: z.uuid(),
  customerName: customerCreate.shape.name,
  phones: z.array(z.string().trim().min(5).max(40)).min(1).max(10),
  divisionCode: divisionCode.nullish(),
  address: z.string().trim().min(1).max(200).nullish(),
  categoryCode: p.categoryCode,
  modelCode: p.modelCode,
  serial: p.serial,
  purchaseDate: p.purchaseDate,
  hasInvoice: z.boolean().optional(),
  channel: z.enum(SALES_CHANNELS).nullish(),
  store: p.store,
  deliveryDate: p.deliveryDate,
  installationDate: p.installationDate,
  installingOutletId: p.installingOutletId,
  orderNo: z.string().trim().min(1).max(60).nullish(),
  lineNo: z.string().trim().min(1).max(20).nullish(),
});

const code = (max: number) => z.string().trim().max(max).nullish();

/**
 * One line of a retailer's feed: the same fields as the import's columns, by code. Only the shape is
 * checked here (400); the values (brand in scope, phone numbers, category, outlet, dates) are checked
 * per line and reported with the line number (422 SALES_HAS_ERRORS).
 */
export const saleLine = z.strictObject({
  /** The retailer's own id of the line: sending it again updates that line or changes nothing. */
  externalId: z.string().trim().min(1).max(100),
  brandCode: z.string().trim().min(1).max(40),
  customerName: z.string().trim().min(1).max(100),
  phones: z.array(z.string().trim().min(1).max(40)).min(1).max(10),
  divisionCode: code(9),
  address: code(200),
  /** The brand's category code or name. */
  categoryCode: z.string().trim().min(1).max(40),
  modelCode: code(60),
  serial: code(60),
  purchaseDate: z.iso.date().nullish(),
  hasInvoice: z.boolean().nullish(),
  /** store, ecommerce, dealer, project, other (or 门店, 电商, 经销商, 工程, 其他). */
  channel: code(40),
  store: code(100),
  deliveryDate: z.iso.date().nullish(),
  installationDate: z.iso.date().nullish(),
  /** Code of the installing outlet; it must serve the brand. */
  outletCode: code(40),
  orderNo: code(60),
  lineNo: code(20),
});

export const salesBatch = z.strictObject({ lines: z.array(saleLine).min(1).max(SALES_MAX_LINES) });

export const salesResult = z
  .object({
    total: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    lines: z.array(
      z.object({
        externalId: z.string(),
        status: z.enum(SALE_STATUSES),
        customerId: z.uuid(),
        productId: z.uuid(),
      }),
    ),
  })
  .meta({ id: 'SalesResult' });

/** One entry of a refused batch's `details`: the line (1 = first), its externalId and the field. */
export const salesLineError = z.object({
  line: z.number().int(),
  externalId: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
