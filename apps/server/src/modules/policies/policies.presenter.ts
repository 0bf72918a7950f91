// Rows → API shapes: a version (with or without its text) and a pack summary built from its versions.
import type { PolicyPackSummary, PolicyPackVersion, PolicyPackVersionSummary } from '@aftercare/contracts';
import type { Localized } from '@aftercare/policy';
import type { Scope } from '../../platform/access/principal.ts';
import { canManageBrand } from '../network/scope.ts';
import type { VersionRow } from './policies.repository.ts';
import { BASELINE_PACK } from './policies.rules.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentVersion(row: VersionRow): PolicyPackVersionSummary {
  return {
    packId: row.pack_id,
    version: row.version,
    status: row.status,
    extends: row.extends,
    name: row.name as Localized,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    brandId: row.brand_id,
    origin: row.origin,
    authorName: row.author_name,
    createdAt: row.created_at.toISOString(),
    activatedAt: iso(row.activated_at),
    retiredAt: iso(row.retired_at),
  };
}

export function presentVersionWithSource(row: VersionRow & { source: string }): PolicyPackVersion {
  return { ...presentVersion(row), source: row.source };
}

/** May a caller with this scope (and policies.write) write a pack that these (visible) brands name? */
export function canWritePack(scope: Scope, packId: string, brandIds: string[]): boolean {
  if (scope.kind === 'all') return true;
  return packId !== BASELINE_PACK && brandIds.some((id) => canManageBrand(scope, id));
}

/** A pack from its versions (sorted by version, at least one). */
export function presentPack(
  scope: Scope,
  mayWrite: boolean,
  versions: VersionRow[],
  brands: { id: string; code: string; name: string }[],
): PolicyPackSummary {
  const latest = versions[versions.length - 1]!;
  const named = [...versions].reverse().find((v) => v.status !== 'draft') ?? latest;
  const active = versions.filter((v) => v.status === 'active').map((v) => v.version);
  return {
    id: latest.pack_id,
    name: named.name as Localized,
    extends: named.extends,
    activeVersion: active.length ? active[active.length - 1]! : null,
    activeVersions: active,
    drafts: versions.filter((v) => v.status === 'draft').map((v) => v.version),
    latestVersion: latest.version,
    brands: brands.map((b) => ({ id: b.id, code: b.code, name: b.name })),
    writable:
      mayWrite &&
      canWritePack(
        scope,
        latest.pack_id,
        brands.map((b) => b.id),
      ),
  };
}
