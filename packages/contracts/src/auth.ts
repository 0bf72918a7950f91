import { z } from 'zod';
import { CAPABILITIES, ROLES } from './access.ts';
import { pageQuery, phoneInput } from './common.ts';

export const loginRequest = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const scope = z.object({
  kind: z.enum(['all', 'brand', 'region', 'outlet', 'technician', 'customer']),
  brandIds: z.array(z.uuid()),
  regionIds: z.array(z.uuid()),
  outletId: z.uuid().nullable(),
  technicianId: z.uuid().nullable(),
  customerId: z.uuid().nullable(),
});

export const me = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    capabilities: z.array(z.enum(CAPABILITIES)),
    scope,
    locale: z.string(),
  })
  .meta({ id: 'Me' });

export const demoLogins = z.object({
  demo: z.boolean(),
  users: z.array(z.object({ username: z.string(), password: z.string(), role: z.enum(ROLES), label: z.string() })),
});

export const user = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    brandIds: z.array(z.uuid()),
    regionIds: z.array(z.uuid()),
    outletId: z.uuid().nullable(),
    technicianId: z.uuid().nullable(),
    customerId: z.uuid().nullable(),
    phone: z.string().nullable(),
    status: z.enum(['active', 'disabled']),
    lockedUntil: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

const password = z.string().min(10, 'at least 10 characters').max(200);
export const userCreate = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3)
    .max(50)
    .regex(/^[A-Za-z0-9_.@-]+$/),
  displayName: z.string().trim().min(1).max(50),
  password,
  role: z.enum(ROLES),
  brandIds: z.array(z.uuid()).max(20).default([]),
  regionIds: z.array(z.uuid()).max(50).default([]),
  outletId: z.uuid().nullish(),
  technicianId: z.uuid().nullish(),
  phone: phoneInput.nullish(),
});
export const userUpdate = z.strictObject({
  displayName: z.string().trim().min(1).max(50).optional(),
  password: password.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  phone: phoneInput.nullish(),
  unlock: z.literal(true).optional(),
});
export const userListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(50).optional(),
  role: z.enum(ROLES).optional(),
  outletId: z.uuid().optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const apiKeyCreate = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const apiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });
/** The secret `key` is returned once, at creation; only its sha256 is stored. */
export const apiKeyCreated = apiKey.extend({ key: z.string() }).meta({ id: 'ApiKeyCreated' });
export const apiKeyList = z.object({ items: z.array(apiKey) });
