import type { Capability, Role } from '@aftercare/contracts';
import type { ImportKind } from './api/imports.ts';

/**
 * The one map from capabilities (GET /auth/me) to what the console shows: pages (menu items and
 * routes) and buttons. The server enforces the same capabilities; this only hides what would fail.
 */
export type PageKey =
  | 'customers'
  | 'models'
  | 'parts'
  | 'outlets'
  | 'technicians'
  | 'brands'
  | 'regions'
  | 'serviceCenters'
  | 'users'
  | 'divisions'
  | 'imports'
  | 'audit'
  | 'apiKeys'
  | 'policies'
  | 'calendar'
  | 'desk'
  | 'orders'
  | 'dispatch'
  | 'slaBoard'
  | 'returnVisits'
  | 'slaReports'
  | 'outletOffers'
  | 'outletOrders'
  | 'outletDayPlan'
  | 'assessmentSlips'
  | 'remedies'
  | 'outletSlips';

export type MenuGroup = 'service' | 'catalog' | 'network' | 'system';

export interface PageAccess {
  key: PageKey;
  path: string;
  group: MenuGroup;
  /** Any one of these capabilities opens the page. */
  caps: readonly Capability[];
  /** Roles that have the capability but no use for the page (kept off their menu). */
  hiddenFor?: readonly Role[];
}

const FIELD_ROLES: readonly Role[] = ['outlet_manager', 'technician', 'customer'];

export const PAGES: readonly PageAccess[] = [
  // The outlet portal (section Q): an outlet manager's home is the offers waiting for an answer.
  {
    key: 'outletOffers',
    path: '/outlet/offers',
    group: 'service',
    caps: ['orders.outlet'],
    hiddenFor: ['platform_admin'],
  },
  {
    key: 'outletOrders',
    path: '/outlet/orders',
    group: 'service',
    caps: ['orders.outlet'],
    hiddenFor: ['platform_admin'],
  },
  {
    key: 'outletDayPlan',
    path: '/outlet/day-plan',
    group: 'service',
    caps: ['orders.outlet'],
    hiddenFor: ['platform_admin'],
  },
  // The outlet's assessment slips, appealed from there (section G).
  { key: 'outletSlips', path: '/outlet/slips', group: 'service', caps: ['sla.appeal'], hiddenFor: ['platform_admin'] },
  // Staff work-order pages (sections E, F, I): the agent's desk first, so an agent lands on it.
  { key: 'desk', path: '/desk', group: 'service', caps: ['orders.write'] },
  { key: 'orders', path: '/orders', group: 'service', caps: ['orders.read'], hiddenFor: ['customer', 'technician'] },
  { key: 'dispatch', path: '/dispatch', group: 'service', caps: ['orders.dispatch'] },
  // The at-risk board; an outlet manager sees its own milestones on the outlet orders page instead.
  { key: 'slaBoard', path: '/sla/board', group: 'service', caps: ['sla.read'], hiddenFor: ['outlet_manager'] },
  { key: 'returnVisits', path: '/return-visits', group: 'service', caps: ['orders.returnVisit'] },
  { key: 'slaReports', path: '/sla/reports', group: 'service', caps: ['sla.read'] },
  { key: 'outlets', path: '/network/outlets', group: 'network', caps: ['network.read'] },
  { key: 'technicians', path: '/network/technicians', group: 'network', caps: ['network.read'] },
  { key: 'brands', path: '/network/brands', group: 'network', caps: ['brands.read'], hiddenFor: FIELD_ROLES },
  { key: 'regions', path: '/network/regions', group: 'network', caps: ['network.read'], hiddenFor: FIELD_ROLES },
  {
    key: 'serviceCenters',
    path: '/network/service-centers',
    group: 'network',
    caps: ['network.read'],
    hiddenFor: FIELD_ROLES,
  },
  {
    key: 'customers',
    path: '/customers',
    group: 'service',
    caps: ['customers.read'],
    hiddenFor: ['customer', 'technician'],
  },
  // Assessment slips and customer remedies (section G); an outlet manager has its own slips page.
  { key: 'assessmentSlips', path: '/sla/slips', group: 'service', caps: ['sla.read'], hiddenFor: FIELD_ROLES },
  { key: 'remedies', path: '/sla/remedies', group: 'service', caps: ['sla.read'], hiddenFor: FIELD_ROLES },
  { key: 'models', path: '/catalog/models', group: 'catalog', caps: ['catalog.read'] },
  { key: 'parts', path: '/catalog/parts', group: 'catalog', caps: ['catalog.read'] },
  { key: 'users', path: '/system/users', group: 'system', caps: ['users.read'] },
  { key: 'divisions', path: '/system/divisions', group: 'system', caps: ['divisions.read'], hiddenFor: FIELD_ROLES },
  { key: 'imports', path: '/system/imports', group: 'system', caps: ['network.write', 'technicians.write'] },
  { key: 'audit', path: '/system/audit', group: 'system', caps: ['audit.read'] },
  { key: 'apiKeys', path: '/system/api-keys', group: 'system', caps: ['apikeys.manage'] },
  { key: 'policies', path: '/system/policies', group: 'system', caps: ['policies.read'] },
  {
    key: 'calendar',
    path: '/system/calendar',
    group: 'system',
    caps: ['sla.read', 'calendar.write'],
    hiddenFor: FIELD_ROLES,
  },
];

/** Record pages reached from a page (not on the menu): open to whoever may open that page. */
export const RECORD_ROUTES = [
  { path: '/customers/:id', page: 'customers' },
  { path: '/products/:id', page: 'customers' },
  { path: '/orders/:id', page: 'orders' },
] as const satisfies readonly { path: string; page: PageKey }[];

/** Buttons and the capability each needs. */
export const ACTIONS = {
  'brand.write': 'brands.write',
  'region.write': 'network.write',
  'serviceCenter.write': 'network.write',
  'outlet.write': 'network.write',
  'technician.write': 'technicians.write',
  'training.add': 'technicians.write',
  'user.write': 'users.write',
  'customer.write': 'customers.write',
  'catalog.write': 'catalog.write',
  'division.write': 'divisions.write',
  'import.outlets': 'network.write',
  'import.regions': 'network.write',
  'import.service_centers': 'network.write',
  'import.technicians': 'technicians.write',
  'import.models': 'catalog.write',
  'import.parts': 'catalog.write',
  'import.sales': 'customers.write',
  'policy.write': 'policies.write',
  'slip.appeal': 'sla.appeal',
  'slip.review': 'sla.review',
  'remedy.decide': 'sla.review',
  'calendar.write': 'calendar.write',
} as const satisfies Record<string, Capability> & Record<`import.${ImportKind}`, Capability>;

export type Action = keyof typeof ACTIONS;

export interface Principal {
  role: Role;
  capabilities: readonly Capability[];
}

export function canOpen(user: Principal | null | undefined, page: PageAccess): boolean {
  if (!user) return false;
  if (page.hiddenFor?.includes(user.role)) return false;
  return page.caps.some((c) => user.capabilities.includes(c));
}

export function can(user: Principal | null | undefined, action: Action): boolean {
  return Boolean(user?.capabilities.includes(ACTIONS[action]));
}

export function visiblePages(user: Principal | null | undefined): PageAccess[] {
  return PAGES.filter((p) => canOpen(user, p));
}

/** The technician's phone pages (antd-mobile, no console frame). */
export const FIELD_HOME = '/m';

/** Where a user lands after login, or when a page is not theirs. */
export function homePath(user: Principal | null | undefined): string {
  // A technician works on a phone: the mobile job pages, outside the console.
  if (user?.role === 'technician') return FIELD_HOME;
  return visiblePages(user)[0]?.path ?? '/welcome';
}

/**
 * Where to go after login: back to the page the session was on when it ended, if this user may open
 * it (a different user may have logged in), else their home.
 */
export function landingPath(user: Principal | null | undefined, from: string | undefined): string {
  // A technician whose session ended on a job goes back to it (the phone pages are not on the menu).
  if (from?.startsWith(`${FIELD_HOME}/`) && user?.capabilities.includes('orders.visit')) return from;
  const page = from ? PAGES.find((p) => from === p.path || from.startsWith(p.path + '?')) : undefined;
  return page && from && canOpen(user, page) ? from : homePath(user);
}
