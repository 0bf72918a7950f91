import { ROLE_CAPABILITIES, ROLES, type Role } from '@aftercare/contracts';
import { describe, expect, test } from 'vitest';
import { ACTIONS, can, canOpen, homePath, landingPath, PAGES, visiblePages } from './access.ts';

const as = (role: Role) => ({ role, capabilities: ROLE_CAPABILITIES[role] });
const keys = (role: Role) => visiblePages(as(role)).map((p) => p.key);

describe('access map', () => {
  test('every page and action names a real capability of some role', () => {
    const all = new Set(ROLES.flatMap((r) => ROLE_CAPABILITIES[r]));
    for (const p of PAGES) for (const c of p.caps) expect(all.has(c)).toBe(true);
    for (const c of Object.values(ACTIONS)) expect(all.has(c)).toBe(true);
  });

  test.each([
    [
      'platform_admin',
      [
        'desk',
        'orders',
        'dispatch',
        'slaBoard',
        'returnVisits',
        'slaReports',
        'outlets',
        'technicians',
        'brands',
        'regions',
        'serviceCenters',
        'customers',
        'assessmentSlips',
        'remedies',
        'models',
        'parts',
        'users',
        'divisions',
        'imports',
        'audit',
        'apiKeys',
        'policies',
        'calendar',
      ],
    ],
    [
      'brand_admin',
      [
        'desk',
        'orders',
        'dispatch',
        'slaBoard',
        'slaReports',
        'outlets',
        'technicians',
        'brands',
        'regions',
        'serviceCenters',
        'customers',
        'assessmentSlips',
        'remedies',
        'models',
        'parts',
        'users',
        'divisions',
        'imports',
        'audit',
        'apiKeys',
        'policies',
        'calendar',
      ],
    ],
    [
      'service_manager',
      [
        'orders',
        'dispatch',
        'slaBoard',
        'slaReports',
        'outlets',
        'technicians',
        'brands',
        'regions',
        'serviceCenters',
        'customers',
        'assessmentSlips',
        'remedies',
        'models',
        'parts',
        'users',
        'divisions',
        'audit',
        'policies',
        'calendar',
      ],
    ],
    [
      'agent',
      [
        'desk',
        'orders',
        'slaBoard',
        'returnVisits',
        'slaReports',
        'outlets',
        'technicians',
        'brands',
        'regions',
        'serviceCenters',
        'customers',
        'assessmentSlips',
        'remedies',
        'models',
        'parts',
        'divisions',
        'calendar',
      ],
    ],
    [
      'outlet_manager',
      [
        'outletOffers',
        'outletOrders',
        'outletDayPlan',
        'outletSlips',
        'orders',
        'slaReports',
        'outlets',
        'technicians',
        'customers',
        'models',
        'parts',
        'users',
        'imports',
      ],
    ],
    ['technician', ['outlets', 'technicians', 'models', 'parts']],
    ['customer', []],
  ] as const)('%s sees its menu', (role, expected) => {
    expect(keys(role)).toEqual(expected);
  });

  test('buttons follow capabilities', () => {
    expect(can(as('brand_admin'), 'outlet.write')).toBe(true);
    expect(can(as('outlet_manager'), 'outlet.write')).toBe(false);
    expect(can(as('outlet_manager'), 'technician.write')).toBe(true);
    expect(can(as('agent'), 'user.write')).toBe(false);
    expect(can(null, 'brand.write')).toBe(false);
    expect(can(as('agent'), 'customer.write')).toBe(true);
    expect(can(as('quality_inspector'), 'customer.write')).toBe(false);
    expect(can(as('agent'), 'catalog.write')).toBe(false);
    expect(can(as('brand_admin'), 'catalog.write')).toBe(true);
    expect(can(as('brand_admin'), 'policy.write')).toBe(true);
    expect(can(as('service_manager'), 'policy.write')).toBe(false);
    expect(can(as('brand_admin'), 'calendar.write')).toBe(true);
    expect(can(as('service_manager'), 'calendar.write')).toBe(false);
  });

  test('home is the first page on the menu, or the welcome page without one', () => {
    // The outlet portal opens on the offers waiting for an answer; a technician on the phone pages.
    expect(homePath(as('outlet_manager'))).toBe('/outlet/offers');
    expect(homePath(as('technician'))).toBe('/m');
    expect(canOpen(as('platform_admin'), PAGES.find((p) => p.key === 'outletOffers')!)).toBe(false);
    expect(homePath(as('customer'))).toBe('/welcome');
    expect(canOpen(undefined, PAGES[0]!)).toBe(false);
  });

  test('after login, back to where the session ended only if the new user may open it', () => {
    expect(landingPath(as('brand_admin'), '/system/users?role=agent')).toBe('/system/users?role=agent');
    expect(landingPath(as('technician'), '/system/users')).toBe('/m');
    expect(landingPath(as('technician'), '/m/jobs/0193')).toBe('/m/jobs/0193');
    expect(landingPath(as('agent'), '/m/jobs/0193')).not.toBe('/m/jobs/0193');
    // Staff who take calls land on the agent desk.
    expect(landingPath(as('brand_admin'), '/welcome')).toBe('/desk');
    expect(landingPath(as('brand_admin'), undefined)).toBe('/desk');
    expect(landingPath(as('agent'), '/orders')).toBe('/orders');
    expect(landingPath(as('customer'), '/orders')).toBe('/welcome');
  });
});
