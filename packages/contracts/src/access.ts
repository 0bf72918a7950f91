/** Roles from PRODUCT.md "who uses it", plus the installation's own administrator. */
export const ROLES = [
  'platform_admin',
  'brand_admin',
  'service_manager',
  'agent',
  'dispatcher',
  'quality_inspector',
  'outlet_manager',
  'technician',
  'customer',
] as const;
export type Role = (typeof ROLES)[number];

export const CAPABILITIES = [
  'brands.read',
  'brands.write',
  'network.read',
  'network.write',
  'technicians.write',
  'divisions.read',
  'divisions.write',
  'users.read',
  'users.write',
  'apikeys.manage',
  'audit.read',
  'pii.phone',
  'catalog.read',
  'catalog.write',
  'customers.read',
  'customers.write',
  /** Void an entitlement use recorded by mistake (brand administrators). */
  'entitlements.correct',
  'policies.read',
  'policies.write',
  // Work orders (sections E, F): read is narrowed by scope; each step of the loop has its own capability.
  'orders.read',
  'orders.write',
  'orders.dispatch',
  'orders.outlet',
  'orders.visit',
  'orders.returnVisit',
  // Section G: the at-risk board, milestones and SLA reports (narrowed by scope); reviewing slips and
  // approving customer remedies (within the pack's limit for the role); an outlet's appeal of its
  // slips; the calendar's extra days (a year not shipped, a local holiday).
  'sla.read',
  'sla.review',
  'sla.appeal',
  'calendar.write',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** What each role may do; the data scope (which rows) is separate and comes from the user record. */
export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  platform_admin: CAPABILITIES,
  brand_admin: [
    'brands.read',
    'brands.write',
    'network.read',
    'network.write',
    'technicians.write',
    'divisions.read',
    'divisions.write',
    'users.read',
    'users.write',
    'apikeys.manage',
    'audit.read',
    'pii.phone',
    'catalog.read',
    'catalog.write',
    'customers.read',
    'customers.write',
    'entitlements.correct',
    'policies.read',
    'policies.write',
    'orders.read',
    'orders.write',
    'orders.dispatch',
    'sla.read',
    'sla.review',
    'calendar.write',
  ],
  service_manager: [
    'brands.read',
    'network.read',
    'divisions.read',
    'users.read',
    'audit.read',
    'catalog.read',
    'customers.read',
    'policies.read',
    'orders.read',
    'orders.dispatch',
    'sla.read',
    'sla.review',
  ],
  agent: [
    'brands.read',
    'network.read',
    'divisions.read',
    'pii.phone',
    'catalog.read',
    'customers.read',
    'customers.write',
    'orders.read',
    'orders.write',
    'orders.returnVisit',
    'sla.read',
  ],
  dispatcher: [
    'brands.read',
    'network.read',
    'divisions.read',
    'pii.phone',
    'catalog.read',
    'customers.read',
    'customers.write',
    'orders.read',
    'orders.write',
    'orders.dispatch',
    'sla.read',
  ],
  quality_inspector: [
    'brands.read',
    'network.read',
    'divisions.read',
    'catalog.read',
    'customers.read',
    'policies.read',
    'orders.read',
    'orders.returnVisit',
    'sla.read',
    'sla.review',
  ],
  outlet_manager: [
    'brands.read',
    'network.read',
    'technicians.write',
    'divisions.read',
    'users.read',
    'pii.phone',
    'catalog.read',
    'customers.read',
    'orders.read',
    'orders.outlet',
    'sla.read',
    'sla.appeal',
  ],
  // customers.read: the customers and products of their own jobs (technician scope), for live verdicts.
  technician: [
    'brands.read',
    'network.read',
    'divisions.read',
    'catalog.read',
    'customers.read',
    'orders.read',
    'orders.visit',
  ],
  // A customer reads only their own record (customer scope).
  customer: ['divisions.read', 'customers.read', 'orders.read'],
};

export type ScopeKind = 'all' | 'brand' | 'region' | 'outlet' | 'technician' | 'customer';

/** The data scope each role works in. Brand-level roles narrow to regions when the user has some. */
export const ROLE_SCOPE: Record<Role, ScopeKind> = {
  platform_admin: 'all',
  brand_admin: 'brand',
  service_manager: 'brand',
  agent: 'brand',
  dispatcher: 'brand',
  quality_inspector: 'brand',
  outlet_manager: 'outlet',
  technician: 'technician',
  customer: 'customer',
};

export function hasCapability(role: Role, cap: Capability): boolean {
  return ROLE_CAPABILITIES[role].includes(cap);
}
