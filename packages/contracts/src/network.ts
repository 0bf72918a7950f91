import { z } from 'zod';
import { ACTIVE_STATUS, categoryCode, divisionCode, pageQuery, phoneInput, recordName } from './common.ts';

export const SERVICE_TYPES = [
  'installation',
  'repair',
  'maintenance',
  'relocation',
  'inspection',
  'return_exchange',
  'consultation',
  'guidance',
  'complaint',
  'recycling',
] as const;
export const serviceType = z.enum(SERVICE_TYPES);
export type ServiceType = z.infer<typeof serviceType>;

export const OUTLET_TIERS = ['service_center', 'specialist', 'authorized'] as const;
export const OUTLET_STATUSES = ['active', 'probation', 'suspended', 'terminated'] as const;
export const TECHNICIAN_LEVELS = ['junior', 'intermediate', 'senior', 'expert'] as const;
/** A licence (上岗证) judged on today's date in Asia/Shanghai; expiring = valid, ending within 30 days. */
export const LICENCE_STATES = ['valid', 'expiring', 'expired', 'missing'] as const;

const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and -');
const name = recordName;

// ---------- brands ----------
export const brandCategory = z.strictObject({ code: categoryCode, name, nameEn: z.string().max(100).nullish() });
export const brand = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    hotlines: z.array(z.string()),
    logoUrl: z.string().nullable(),
    policyPack: z.string().nullable(),
    status: z.enum(ACTIVE_STATUS),
    categories: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Brand' });
export const brandCreate = z.strictObject({
  code,
  name,
  nameEn: z.string().trim().max(100).nullish(),
  hotlines: z.array(phoneInput).max(10).default([]),
  logoUrl: z.url().max(500).nullish(),
  policyPack: z.string().max(100).nullish(),
  categories: z.array(brandCategory).max(100).default([]),
});
// Defaults are dropped: a PATCH that leaves hotlines or categories out keeps them.
export const brandUpdate = brandCreate
  .omit({ code: true, hotlines: true, categories: true })
  .partial()
  .extend({
    hotlines: z.array(phoneInput).max(10).optional(),
    categories: z.array(brandCategory).max(100).optional(),
    status: z.enum(ACTIVE_STATUS).optional(),
  });
export const brandListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(50).optional(),
  status: z.enum(ACTIVE_STATUS).optional(),
});

// ---------- regions ----------
export const region = z
  .object({
    id: z.uuid(),
    brandId: z.uuid(),
    code: z.string(),
    name: z.string(),
    provinceCodes: z.array(z.string()),
    managerName: z.string().nullable(),
    phone: z.string().nullable(),
    status: z.enum(ACTIVE_STATUS),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Region' });
export const regionCreate = z.strictObject({
  brandId: z.uuid(),
  code,
  name,
  provinceCodes: z.array(divisionCode).max(40).default([]),
  managerName: z.string().trim().max(50).nullish(),
  phone: phoneInput.nullish(),
});
// Fields with a default are redeclared without it: a PATCH that leaves them out keeps them.
export const regionUpdate = regionCreate
  .omit({ brandId: true, code: true, provinceCodes: true })
  .partial()
  .extend({ provinceCodes: z.array(divisionCode).max(40).optional(), status: z.enum(ACTIVE_STATUS).optional() });
export const regionListQuery = z.strictObject({
  ...pageQuery,
  brandId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  status: z.enum(ACTIVE_STATUS).optional(),
});

// ---------- service management centers ----------
export const serviceCenter = z
  .object({
    id: z.uuid(),
    brandId: z.uuid(),
    regionId: z.uuid(),
    code: z.string(),
    name: z.string(),
    divisionCode: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    status: z.enum(ACTIVE_STATUS),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ServiceCenter' });
export const serviceCenterCreate = z.strictObject({
  regionId: z.uuid(),
  code,
  name,
  divisionCode: divisionCode.nullish(),
  address: z.string().trim().max(200).nullish(),
  phone: phoneInput.nullish(),
});
export const serviceCenterUpdate = serviceCenterCreate
  .omit({ regionId: true, code: true })
  .partial()
  .extend({ status: z.enum(ACTIVE_STATUS).optional() });
export const serviceCenterListQuery = z.strictObject({
  ...pageQuery,
  brandId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  status: z.enum(ACTIVE_STATUS).optional(),
});

// ---------- outlets ----------
export const outletAuthorization = z.strictObject({ brandId: z.uuid(), categoryCode, serviceType });
export const outletBrandLink = z.strictObject({
  brandId: z.uuid(),
  regionId: z.uuid().nullish(),
  centerId: z.uuid().nullish(),
});
export const outlet = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    tier: z.enum(OUTLET_TIERS),
    parentOutletId: z.uuid().nullable(),
    status: z.enum(OUTLET_STATUSES),
    capacityPerDay: z.number().int(),
    divisionCode: z.string(),
    divisionName: z.string().nullable(),
    address: z.string(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    phone: z.string().nullable(),
    dealerHotline: z.string().nullable(),
    contactName: z.string().nullable(),
    brands: z.array(z.object({ brandId: z.uuid(), regionId: z.uuid().nullable(), centerId: z.uuid().nullable() })),
    coverage: z.array(z.string()),
    authorizations: z.array(z.object({ brandId: z.uuid(), categoryCode: z.string(), serviceType })),
    technicianCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Outlet' });
export const outletCreate = z.strictObject({
  code,
  name,
  tier: z.enum(OUTLET_TIERS),
  parentOutletId: z.uuid().nullish(),
  status: z.enum(OUTLET_STATUSES).default('active'),
  capacityPerDay: z.number().int().min(0).max(10_000).default(20),
  divisionCode,
  address: z.string().trim().min(1).max(200),
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
  phone: phoneInput.nullish(),
  dealerHotline: phoneInput.nullish(),
  contactName: z.string().trim().max(50).nullish(),
  brands: z.array(outletBrandLink).min(1).max(20),
  coverage: z.array(divisionCode).max(2000).default([]),
  authorizations: z.array(outletAuthorization).max(500).default([]),
});
// Fields with a default are redeclared without it: a PATCH that leaves them out keeps them.
export const outletUpdate = outletCreate
  .omit({ code: true, status: true, capacityPerDay: true, coverage: true, authorizations: true })
  .partial()
  .extend({
    status: z.enum(OUTLET_STATUSES).optional(),
    capacityPerDay: z.number().int().min(0).max(10_000).optional(),
    coverage: z.array(divisionCode).max(2000).optional(),
    authorizations: z.array(outletAuthorization).max(500).optional(),
  });
export const outletListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(50).optional(),
  brandId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  tier: z.enum(OUTLET_TIERS).optional(),
  status: z.enum(OUTLET_STATUSES).optional(),
  covers: divisionCode.optional(),
});

// ---------- technicians ----------
export const technicianSkill = z.strictObject({ categoryCode, serviceType });
export const technician = z
  .object({
    id: z.uuid(),
    outletId: z.uuid(),
    outletName: z.string().nullable(),
    code: z.string(),
    name: z.string(),
    phone: z.string(),
    level: z.enum(TECHNICIAN_LEVELS),
    licenceNo: z.string().nullable(),
    licenceValidUntil: z.string().nullable(),
    licenceValid: z.boolean(),
    licenceState: z.enum(LICENCE_STATES),
    status: z.enum(ACTIVE_STATUS),
    skills: z.array(z.object({ categoryCode: z.string(), serviceType })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Technician' });
export const technicianCreate = z.strictObject({
  outletId: z.uuid(),
  code,
  name: z.string().trim().min(1).max(50),
  phone: phoneInput,
  level: z.enum(TECHNICIAN_LEVELS),
  licenceNo: z.string().trim().max(50).nullish(),
  licenceValidUntil: z.iso.date().nullish(),
  skills: z.array(technicianSkill).max(200).default([]),
});
// skills is redeclared without its default: a PATCH that leaves it out keeps the skills.
export const technicianUpdate = technicianCreate
  .omit({ code: true, outletId: true, skills: true })
  .partial()
  .extend({ skills: z.array(technicianSkill).max(200).optional(), status: z.enum(ACTIVE_STATUS).optional() });
export const technicianListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(50).optional(),
  outletId: z.uuid().optional(),
  brandId: z.uuid().optional(),
  level: z.enum(TECHNICIAN_LEVELS).optional(),
  status: z.enum(ACTIVE_STATUS).optional(),
  /** valid includes expiring (valid, ending within 30 days); missing = no licence on file. */
  licence: z.enum(LICENCE_STATES).optional(),
});
export const training = z
  .object({
    id: z.uuid(),
    technicianId: z.uuid(),
    course: z.string(),
    completedOn: z.string(),
    result: z.enum(['passed', 'failed', 'attended']),
    certificateNo: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Training' });
export const trainingCreate = z.strictObject({
  course: z.string().trim().min(1).max(100),
  completedOn: z.iso.date(),
  result: z.enum(['passed', 'failed', 'attended']),
  certificateNo: z.string().trim().max(50).nullish(),
});
export const trainingList = z.object({ items: z.array(training) });

// ---------- divisions ----------
export const division = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.number().int(),
    parentCode: z.string().nullable(),
    fullName: z.string(),
    kind: z.string().nullable(),
    urbanRural: z.enum(['urban', 'rural']).nullable(),
    urbanRuralDerived: z.enum(['urban', 'rural']).nullable(),
    overridden: z.boolean(),
    source: z.string(),
    hasChildren: z.boolean(),
  })
  .meta({ id: 'Division' });
export const divisionList = z.object({ items: z.array(division) });
export const divisionParams = z.strictObject({ code: divisionCode });
export const divisionListQuery = z.strictObject({
  parent: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  q: z.string().trim().min(1).max(30).optional(),
  level: z.coerce.number().int().min(1).max(4).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const divisionCreate = z.strictObject({
  code: divisionCode,
  name: z.string().trim().min(1).max(50),
  parentCode: divisionCode.nullish(),
  urbanRural: z.enum(['urban', 'rural']).nullish(),
});
export const divisionUpdate = z.strictObject({
  name: z.string().trim().min(1).max(50).optional(),
  urbanRural: z.enum(['urban', 'rural']).nullable().optional(),
});
