import { z } from 'zod';
import { categoryCode, divisionCode, pageQuery } from './common.ts';

/** Customer tags: VIP, key account, and the kind of institution for institutional customers. */
export const CUSTOMER_TAGS = [
  'vip',
  'key_account',
  'institution:hospital',
  'institution:school',
  'institution:nursing_home',
  'institution:government',
  'institution:enterprise',
  'institution:other',
] as const;
export const CUSTOMER_STATUSES = ['active', 'inactive', 'merged'] as const;
export const PRODUCT_STATUSES = ['active', 'retired'] as const;
export const PRODUCTION_DATE_SOURCES = ['given', 'serial'] as const;
export const PHONE_KINDS = ['mobile', 'landline'] as const;
export const URBAN_RURAL = ['urban', 'rural'] as const;

/**
 * What a screen pop can say about a customer from their own record: tags, consent, a suspected
 * duplicate (another customer of the brand shares one of their phone numbers), and a product whose
 * whole-unit warranty ends within 30 days (judged by the warranty engine).
 */
export const CUSTOMER_FLAGS = [
  'vip',
  'key_account',
  'institution',
  'no_service_messages',
  'possible_duplicate',
  'warranty_expiring_30d',
] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

// Checked and normalized by the server (422 CUSTOMER_PHONE_INVALID): +86, spaces, dashes, parentheses,
// full-width digits and an extension are all accepted.
export const customerPhoneInput = z.strictObject({
  number: z.string().trim().min(5).max(40),
  isPrimary: z.boolean().optional(),
});
export const customerAddressInput = z.strictObject({
  divisionCode,
  detail: text(200),
  urbanRuralOverride: z.enum(URBAN_RURAL).nullish(),
  isPrimary: z.boolean().optional(),
});
export const consentsInput = z.strictObject({ serviceMessages: z.boolean(), marketing: z.boolean() });

export const customerCreate = z.strictObject({
  brandId: z.uuid(),
  name: text(100),
  gender: z.enum(['male', 'female']).nullish(),
  tags: z.array(z.enum(CUSTOMER_TAGS)).max(10).default([]),
  language: optionalText(40),
  birthday: z.iso.date().nullish(),
  consents: consentsInput.optional(),
  notes: optionalText(2000),
  phones: z.array(customerPhoneInput).max(10).default([]),
  addresses: z.array(customerAddressInput).max(10).default([]),
});
// A PATCH that leaves phones, addresses or tags out keeps them; given, they replace the whole list.
export const customerUpdate = customerCreate
  .omit({ brandId: true, tags: true, phones: true, addresses: true })
  .partial()
  .extend({
    tags: z.array(z.enum(CUSTOMER_TAGS)).max(10).optional(),
    phones: z.array(customerPhoneInput).max(10).optional(),
    addresses: z.array(customerAddressInput).max(10).optional(),
    status: z.enum(['active', 'inactive']).optional(),
  });
export const customerListQuery = z.strictObject({
  ...pageQuery,
  /** Name or address fragment (王伟, 朝阳), phone number or fragment (4+ digits, prefix or tail), serial. */
  q: z.string().trim().max(50).optional(),
  brandId: z.uuid().optional(),
  status: z.enum(CUSTOMER_STATUSES).optional(),
  tag: z.enum(CUSTOMER_TAGS).optional(),
});

export const customerPhone = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.enum(PHONE_KINDS),
  isPrimary: z.boolean(),
});
export const customerAddress = z.object({
  id: z.uuid(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  detail: z.string(),
  urbanRural: z.enum(URBAN_RURAL).nullable(),
  urbanRuralOverride: z.enum(URBAN_RURAL).nullable(),
  isPrimary: z.boolean(),
});
export const customer = z
  .object({
    id: z.uuid(),
    brandId: z.uuid(),
    name: z.string(),
    gender: z.enum(['male', 'female']).nullable(),
    tags: z.array(z.string()),
    language: z.string().nullable(),
    birthday: z.string().nullable(),
    consents: z.object({ serviceMessages: z.boolean(), marketing: z.boolean(), at: z.string().nullable() }),
    notes: z.string().nullable(),
    status: z.enum(CUSTOMER_STATUSES),
    mergedInto: z.uuid().nullable(),
    phones: z.array(customerPhone),
    addresses: z.array(customerAddress),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Customer' });

// ---------- installed products ----------
const serial = z
  .string()
  .trim()
  .min(4)
  .max(60)
  .regex(/^[A-Za-z0-9_/-]+$/, 'letters, digits, _, / and -');
const day = z.iso.date().nullish();

/** An extended-warranty contract (延保) sold for the product; `covers` is the contract's terms as the brand writes them. */
export const extendedWarrantyInput = z.strictObject({
  contractNo: text(60),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  covers: z.record(z.string(), z.unknown()).default({}),
});

export const productCreate = z.strictObject({
  customerId: z.uuid(),
  categoryCode,
  modelCode: optionalText(60),
  serial: serial.nullish(),
  productionDate: day,
  purchaseDate: day,
  hasInvoice: z.boolean().default(false),
  invoicePhotoUrl: z.url().max(500).nullish(),
  channel: optionalText(40),
  store: optionalText(100),
  deliveryDate: day,
  installationDate: day,
  installingOutletId: z.uuid().nullish(),
  warrantyStartOverride: day,
  extendedWarranties: z.array(extendedWarrantyInput).max(10).default([]),
});
// Given, extendedWarranties replaces the product's contracts; left out, keeps them.
export const productUpdate = productCreate
  .omit({ customerId: true, hasInvoice: true, extendedWarranties: true })
  .partial()
  .extend({
    hasInvoice: z.boolean().optional(),
    status: z.enum(PRODUCT_STATUSES).optional(),
    extendedWarranties: z.array(extendedWarrantyInput).max(10).optional(),
  });
export const productListQuery = z.strictObject({
  ...pageQuery,
  customerId: z.uuid().optional(),
  /** Serial number, whole. */
  q: z.string().trim().max(60).optional(),
  brandId: z.uuid().optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
});

export const product = z
  .object({
    id: z.uuid(),
    brandId: z.uuid(),
    customerId: z.uuid(),
    categoryCode: z.string(),
    modelCode: z.string().nullable(),
    serial: z.string().nullable(),
    productionDate: z.string().nullable(),
    /** `given` by whoever registered it, or read from the `serial` by the brand pack's rule `productionDateRule`. */
    productionDateSource: z.enum(PRODUCTION_DATE_SOURCES).nullable(),
    productionDateRule: z.string().nullable(),
    purchaseDate: z.string().nullable(),
    hasInvoice: z.boolean(),
    invoicePhotoUrl: z.string().nullable(),
    channel: z.string().nullable(),
    store: z.string().nullable(),
    deliveryDate: z.string().nullable(),
    installationDate: z.string().nullable(),
    installingOutletId: z.uuid().nullable(),
    warrantyStartOverride: z.string().nullable(),
    status: z.enum(PRODUCT_STATUSES),
    extendedWarranties: z.array(
      z.object({ contractNo: z.string(), startsOn: z.string(), endsOn: z.string(), covers: z.unknown() }),
    ),
    entitlements: z.array(z.object({ code: z.string(), used: z.number().int(), limit: z.number().int().nullable() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'InstalledProduct' });

// ---------- screen pop, duplicates, merge ----------
export const customerLookupQuery = z
  .strictObject({
    phone: z.string().trim().min(4).max(40).optional(),
    serial: z.string().trim().min(1).max(60).optional(),
  })
  .refine((q) => (q.phone === undefined) !== (q.serial === undefined), 'give phone or serial');
/** A work order as the screen pop lists it (open orders and the latest contacts). */
export const orderSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  type: z.string(),
  channel: z.string(),
  status: z.string(),
  disposition: z.string().nullable(),
  productId: z.uuid().nullable(),
  createdAt: z.string(),
});
export const customerLookup = z
  .object({
    customers: z.array(
      z.object({
        customer,
        products: z.array(product),
        flags: z.array(z.enum(CUSTOMER_FLAGS)),
        /** Every open order of the customer the caller may see. */
        openOrders: z.array(orderSummary),
        /** The five latest contacts (orders of any status, including those closed on the call). */
        recentContacts: z.array(orderSummary),
      }),
    ),
  })
  .meta({ id: 'CustomerLookup' });
export const customerDuplicates = z.object({
  items: z.array(z.object({ customer, reasons: z.array(z.enum(['phone', 'name_and_division'])) })),
});
export const customerMerge = z.strictObject({ otherId: z.uuid() });
