import { ROLE_SCOPE, type Role } from '@aftercare/contracts';
import { sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { AuthErrors } from '../auth/auth.errors.ts';
import { outletFilter, technicianFilter } from '../network/scope.ts';
import type { UserRow } from './users.repository.ts';

export interface ScopeInput {
  role: Role;
  brandIds: string[];
  regionIds: string[];
  outletId?: string | null | undefined;
  technicianId?: string | null | undefined;
}

export interface ScopeColumns {
  brand_ids: string[];
  region_ids: string[];
  outlet_id: string | null;
  technician_id: string | null;
}

const within = (ids: string[], allowed: string[]) => ids.every((id) => allowed.includes(id));

/**
 * Checks that a new user's data scope is complete for the role and no wider than the creator's own:
 * brand-level roles need brands (and, from a regional creator, regions) within the creator's; an
 * outlet manager an outlet the creator sees; a technician login a technician the creator sees, at
 * that technician's outlet. Returns the scope columns to store. 422 USER_SCOPE_INVALID otherwise.
 */
export async function validateUserScope(trx: Tx, creator: Scope, input: ScopeInput): Promise<ScopeColumns> {
  const { role } = input;
  const fail = (reason: string): never => {
    throw new AppError(AuthErrors.USER_SCOPE_INVALID, { role, reason });
  };
  const brandIds = [...new Set(input.brandIds)];
  const regionIds = [...new Set(input.regionIds)];
  const outletId = input.outletId ?? null;
  const technicianId = input.technicianId ?? null;

  if (role === 'platform_admin') {
    if (creator.kind !== 'all') fail('only the platform administrator grants this role');
    if (brandIds.length || regionIds.length || outletId || technicianId)
      fail('no brands, regions, outlet or technician');
    return { brand_ids: [], region_ids: [], outlet_id: null, technician_id: null };
  }
  if (role === 'customer') return fail('customer logins come from self-service');

  if (ROLE_SCOPE[role] === 'brand') {
    if (outletId || technicianId) fail('no outlet or technician for a brand-level role');
    if (brandIds.length === 0) fail('at least one brand');
    const brands = await trx.selectFrom('brands').select('id').where('id', 'in', brandIds).execute();
    if (brands.length !== brandIds.length) fail('unknown brand');
    if (creator.kind !== 'all' && !within(brandIds, creator.brandIds)) fail('a brand outside your own');
    if (creator.kind === 'region' && (regionIds.length === 0 || !within(regionIds, creator.regionIds))) {
      fail('regions within your own');
    }
    if (regionIds.length) {
      const regions = await trx.selectFrom('regions').select(['id', 'brand_id']).where('id', 'in', regionIds).execute();
      if (regions.length !== regionIds.length || regions.some((r) => !brandIds.includes(r.brand_id))) {
        fail('regions of the given brands');
      }
    }
    return { brand_ids: brandIds, region_ids: regionIds, outlet_id: null, technician_id: null };
  }

  if (brandIds.length || regionIds.length) fail('no brands or regions for an outlet-level role');
  if (role === 'outlet_manager') {
    if (technicianId) fail('no technician for an outlet manager');
    if (!outletId) return fail('an outlet');
    const outlet = await trx
      .selectFrom('outlets')
      .select('id')
      .where('id', '=', outletId)
      .where(outletFilter(creator, sql.ref('outlets.id')))
      .executeTakeFirst();
    if (!outlet) fail('an outlet you can see');
    return { brand_ids: [], region_ids: [], outlet_id: outletId, technician_id: null };
  }

  // technician
  if (!technicianId) return fail('a technician');
  const tech = await trx
    .selectFrom('technicians')
    .select(['id', 'outlet_id'])
    .where('id', '=', technicianId)
    .where(technicianFilter(creator, sql.ref('technicians.id'), sql.ref('technicians.outlet_id')))
    .executeTakeFirst();
  if (!tech) return fail('a technician you can see');
  if (outletId && outletId !== tech.outlet_id) fail("the technician's own outlet");
  return { brand_ids: [], region_ids: [], outlet_id: tech.outlet_id, technician_id: technicianId };
}

/**
 * May this scope change a user it can see? Only if the user's scope lies within its own: all their
 * brands (regions) are the manager's, or, for outlet-level users, their outlet is visible (which the
 * read filter already checked).
 */
export function canManageUser(scope: Scope, row: Pick<UserRow, 'role' | 'brand_ids' | 'region_ids' | 'outlet_id'>) {
  if (scope.kind === 'all') return true;
  if (row.role === 'platform_admin') return false;
  if (scope.kind === 'brand') {
    return row.brand_ids.length ? within(row.brand_ids, scope.brandIds) : row.outlet_id !== null;
  }
  if (scope.kind === 'region') {
    if (row.region_ids.length) return within(row.region_ids, scope.regionIds) && within(row.brand_ids, scope.brandIds);
    return row.brand_ids.length === 0 && row.outlet_id !== null;
  }
  return false;
}
