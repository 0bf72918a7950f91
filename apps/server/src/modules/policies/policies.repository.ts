// Reads of policy pack versions, filtered by scope. A pack is visible to a caller when it is the
// national baseline, when a brand the caller may see names it (brands.policy_pack), or to an
// all-scope caller; it is writable by an all-scope caller, or by a brand-scoped caller whose own brand
// names it — never the baseline, which only the platform administrator writes.
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { likePattern } from '../../platform/db/like.ts';
import { brandFilter, canManageBrand } from '../network/scope.ts';
import { BASELINE_PACK } from './policies.rules.ts';

/** Packs (by the pack id column of policy_packs) a scope may see. */
export function packFilter(scope: Scope, packIdColumn: Expression<string>): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`true`;
  return sql<SqlBool>`(${packIdColumn} = ${BASELINE_PACK} OR EXISTS (SELECT 1 FROM brands b WHERE b.policy_pack = ${packIdColumn} AND ${brandFilter(scope, sql.ref('b.id'))}))`;
}

export interface PackAccess {
  /** Whether the caller may see the pack (stored or not yet). */
  visible: boolean;
  writable: boolean;
  /** The brands the caller may see that name the pack. */
  brands: { id: string; code: string; name: string }[];
  /** The brand to record on audit rows and new versions: the first brand naming the pack. */
  brandId: string | null;
}

/** What the caller may do with pack `packId`, stored or not. */
export async function packAccess(db: Tx, scope: Scope, packId: string): Promise<PackAccess> {
  const linked = await db
    .selectFrom('brands')
    .select(['id', 'code', 'name'])
    .where('policy_pack', '=', packId)
    .orderBy('code')
    .execute();
  const seen = await db
    .selectFrom('brands')
    .select('id')
    .where('policy_pack', '=', packId)
    .where(brandFilter(scope, sql.ref('brands.id')))
    .execute();
  const brands = linked.filter((b) => seen.some((s) => s.id === b.id));
  const all = scope.kind === 'all';
  return {
    visible: all || packId === BASELINE_PACK || brands.length > 0,
    writable: all || (packId !== BASELINE_PACK && brands.some((b) => canManageBrand(scope, b.id))),
    brands,
    brandId: (all ? linked[0]?.id : brands[0]?.id) ?? null,
  };
}

export type VersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

const SUMMARY = [
  'id',
  'pack_id',
  'version',
  'extends',
  'name',
  'status',
  'effective_from',
  'effective_to',
  'brand_id',
  'origin',
  'author_name',
  'created_at',
  'activated_at',
  'retired_at',
] as const;

/** Every version of the packs the scope may see (optionally matching `q` on id or name), without their texts. */
export async function listVersions(db: Tx, scope: Scope, q?: string) {
  let query = db
    .selectFrom('policy_packs')
    .select(SUMMARY)
    .where(packFilter(scope, sql.ref('policy_packs.pack_id')));
  if (q) {
    const like = likePattern(q);
    query = query.where((eb) => eb.or([eb('pack_id', 'ilike', like), eb(sql<string>`name::text`, 'ilike', like)]));
  }
  return query.orderBy('pack_id').orderBy('version').execute();
}

/** The versions of one pack (no scope check: the caller checked `packAccess`). */
export async function versionsOf(db: Tx, packId: string) {
  return db.selectFrom('policy_packs').select(SUMMARY).where('pack_id', '=', packId).orderBy('version').execute();
}

/** One version with its text (no scope check: the caller checked `packAccess`). */
export async function findVersion(db: Tx, packId: string, version: number) {
  return db
    .selectFrom('policy_packs')
    .selectAll()
    .where('pack_id', '=', packId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The brands (visible to the scope) naming each of these packs. */
export async function brandsNaming(db: Tx, scope: Scope, packIds: string[]) {
  if (packIds.length === 0) return [];
  return db
    .selectFrom('brands')
    .select(['id', 'code', 'name', 'policy_pack'])
    .where('policy_pack', 'in', packIds)
    .where(brandFilter(scope, sql.ref('brands.id')))
    .orderBy('code')
    .execute();
}
