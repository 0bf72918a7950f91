// Checking a pack text, saving it as a draft version, activating a draft, and comparing versions.
// Writes run in one transaction each, with their audit row and event; an activation then reloads the
// process's pack set (PackStore.refresh), so the next verdict uses the new version.
import type {
  PolicyPackActivation,
  PolicyPackDiff,
  PolicyPackValidation,
  PolicyPackVersion,
} from '@aftercare/contracts';
import { loadPackSet } from '@aftercare/policy';
import { createTwoFilesPatch } from 'diff';
import { sql } from 'kysely';
import type { Actor, Scope } from '../../platform/access/principal.ts';
import { type Tx, writeAudit } from '../../platform/audit.ts';
import type { CommandDeps } from '../../platform/context.ts';
import { onUniqueViolation } from '../../platform/db/unique.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emitEvent } from '../../platform/outbox.ts';
import { PolicyErrors } from './policies.errors.ts';
import { presentVersionWithSource } from './policies.presenter.ts';
import { findVersion, packAccess, packFilter, versionsOf } from './policies.repository.ts';
import { BASELINE_PACK, checkSource, lineOfKey, retireShadowed } from './policies.rules.ts';
import type { PackStore } from './policies.store.ts';

/** The active and retired versions the scope may see, as files to resolve a text against. */
async function visibleStoredFiles(db: Tx, scope: Scope) {
  const rows = await db
    .selectFrom('policy_packs')
    .select(['pack_id', 'version', 'source'])
    .where('status', '<>', 'draft')
    .where(packFilter(scope, sql.ref('policy_packs.pack_id')))
    .orderBy('pack_id')
    .orderBy('version')
    .execute();
  return rows.map((r) => ({ fileName: `${r.pack_id}@${r.version}`, text: r.source }));
}

/** POST /policy-packs/validate: the text's errors by line, resolved over its base among the visible packs. */
export async function validateSource(db: Tx, scope: Scope, source: string): Promise<PolicyPackValidation> {
  const checked = checkSource(source, await visibleStoredFiles(db, scope));
  const p = checked.pack;
  return {
    ok: checked.ok,
    errors: checked.errors,
    pack: p
      ? {
          id: p.id,
          version: p.version,
          extends: p.extends ?? null,
          effectiveFrom: p.effective.from,
          effectiveTo: p.effective.to ?? null,
        }
      : null,
  };
}

/**
 * The pack for a write: 404 when the caller may not see it, 403 for the baseline unless platform
 * admin. A pack nobody has stored yet is started by the platform administrator or the brand naming it.
 */
async function writableAccess(db: Tx, scope: Scope, packId: string) {
  const access = await packAccess(db, scope, packId);
  if (!access.visible) throw new AppError(CommonErrors.NOT_FOUND);
  if (!access.writable) {
    if (packId === BASELINE_PACK) throw new AppError(PolicyErrors.POLICY_BASELINE_FORBIDDEN);
    throw new AppError(CommonErrors.NOT_FOUND);
  }
  return access;
}

/** POST /policy-packs/:id/drafts: a new draft version; invalid text answers 422 with its line errors. */
export async function createDraft(
  deps: CommandDeps,
  actor: Actor,
  scope: Scope,
  packId: string,
  source: string,
): Promise<PolicyPackVersion> {
  return deps.db.transaction().execute(async (trx) => {
    const access = await writableAccess(trx, scope, packId);
    const versions = await versionsOf(trx, packId);
    const checked = checkSource(source, await visibleStoredFiles(trx, scope));
    if (!checked.ok)
      throw new AppError(
        PolicyErrors.POLICY_PACK_INVALID,
        { count: checked.errors.length },
        { errors: checked.errors },
      );
    const pack = checked.pack;
    if (pack.id !== packId) {
      const line = lineOfKey(source, 'id');
      const message = `id ${pack.id} is not ${packId}`;
      throw new AppError(
        PolicyErrors.POLICY_PACK_ID_MISMATCH,
        { found: pack.id, expected: packId },
        { errors: [{ line, column: 1, path: 'id', message }] },
      );
    }
    const latest = versions.reduce((m, v) => Math.max(m, v.version), 0);
    const notNewer = () =>
      new AppError(
        PolicyErrors.POLICY_VERSION_NOT_NEWER,
        { version: pack.version, latest },
        {
          errors: [
            {
              line: lineOfKey(source, 'version'),
              column: 1,
              path: 'version',
              message: `version must be greater than ${latest}`,
            },
          ],
        },
      );
    if (pack.version <= latest) throw notNewer();
    const now = deps.clock.now();
    const row = await onUniqueViolation(
      () =>
        trx
          .insertInto('policy_packs')
          .values({
            id: newId(),
            pack_id: pack.id,
            version: pack.version,
            extends: pack.extends ?? null,
            name: JSON.stringify(pack.name),
            source,
            status: 'draft',
            effective_from: pack.effective.from,
            effective_to: pack.effective.to ?? null,
            brand_id: access.brandId,
            origin: 'console',
            author_id: actor.type === 'user' ? actor.id : null,
            author_name: actor.name,
            created_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      notNewer,
    );
    await writeAudit(trx, deps.clock, actor, {
      action: 'policy_pack.draft',
      entity: 'policy_pack',
      entityId: packId,
      brandId: access.brandId,
      after: { packId, version: pack.version, effective: pack.effective, source },
    });
    await emitEvent(trx, deps.clock, {
      type: 'policy_pack.draft_saved',
      aggregateType: 'policy_pack',
      aggregateId: packId,
      brandId: access.brandId,
      payload: { packId, version: pack.version },
    });
    return presentVersionWithSource(row);
  });
}

/**
 * POST /policy-packs/:id/versions/:version/activate: the draft becomes active; the active versions it
 * replaces for their whole effective period are retired (one that starts later leaves the older in
 * force for earlier purchases). Refused when it would leave any stored pack unresolvable.
 */
export async function activateVersion(
  deps: CommandDeps & { packs: PackStore },
  actor: Actor,
  scope: Scope,
  packId: string,
  version: number,
): Promise<PolicyPackActivation> {
  const result = await deps.db.transaction().execute(async (trx) => {
    const access = await writableAccess(trx, scope, packId);
    // One activation of a pack at a time.
    const rows = await trx
      .selectFrom('policy_packs')
      .select(['version', 'status'])
      .where('pack_id', '=', packId)
      .forUpdate()
      .execute();
    const row = await findVersion(trx, packId, version);
    if (!row) throw new AppError(CommonErrors.NOT_FOUND);
    if (row.status !== 'draft')
      throw new AppError(PolicyErrors.POLICY_VERSION_NOT_DRAFT, { version, status: row.status });
    const newest = rows.filter((r) => r.status !== 'draft').reduce((m, r) => Math.max(m, r.version), 0);
    if (newest > version) throw new AppError(PolicyErrors.POLICY_VERSION_STALE, { version, latest: newest });
    // Every stored pack must still resolve with this version in force (a baseline change can break a brand pack).
    const stored = await trx
      .selectFrom('policy_packs')
      .select(['pack_id', 'version', 'source'])
      .where((eb) => eb.or([eb('status', '<>', 'draft'), eb('id', '=', row.id)]))
      .execute();
    const set = loadPackSet(stored.map((r) => ({ fileName: `${r.pack_id} v${r.version}`, text: r.source })));
    if (set.errors.length > 0) {
      const errors = set.errors.map((e) => ({ line: e.line, column: e.column, path: e.path, message: e.message }));
      throw new AppError(PolicyErrors.POLICY_ACTIVATION_BREAKS, { count: errors.length }, { errors });
    }
    const now = deps.clock.now();
    const active = await trx
      .updateTable('policy_packs')
      .set({ status: 'active', activated_at: now })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const retired = await retireShadowed(trx, deps.clock, packId);
    await writeAudit(trx, deps.clock, actor, {
      action: 'policy_pack.activate',
      entity: 'policy_pack',
      entityId: packId,
      brandId: access.brandId,
      before: { packId, version, status: 'draft' },
      after: { packId, version, status: 'active', retired },
    });
    await emitEvent(trx, deps.clock, {
      type: 'policy_pack.activated',
      aggregateType: 'policy_pack',
      aggregateId: packId,
      brandId: access.brandId,
      payload: { packId, version, retired, effective: { from: active.effective_from, to: active.effective_to } },
    });
    return { version: presentVersionWithSource(active), retired };
  });
  await deps.packs.refresh();
  return result;
}

/**
 * GET /policy-packs/:id/versions/:version/diff: a unified line diff from the version compared with
 * (`against`, else the newest active version other than this one, else the newest earlier stored one)
 * to this version. The caller checked that the pack is visible.
 */
export async function diffVersion(
  db: Tx,
  packId: string,
  version: number,
  against: number | undefined,
): Promise<PolicyPackDiff> {
  const target = await findVersion(db, packId, version);
  if (!target) throw new AppError(CommonErrors.NOT_FOUND);
  let baseVersion = against;
  if (baseVersion === undefined) {
    const versions = await versionsOf(db, packId);
    const others = versions.filter((v) => v.version !== version);
    const active = others.filter((v) => v.status === 'active').pop();
    const earlier = others.filter((v) => v.status !== 'draft' && v.version < version).pop();
    baseVersion = (active ?? earlier)?.version;
  }
  const base = baseVersion === undefined ? undefined : await findVersion(db, packId, baseVersion);
  if (baseVersion !== undefined && !base) throw new AppError(CommonErrors.NOT_FOUND);
  const oldName = base ? `${packId} v${base.version}` : '/dev/null';
  const unified = createTwoFilesPatch(oldName, `${packId} v${version}`, base?.source ?? '', target.source);
  let added = 0;
  let removed = 0;
  for (const line of unified.split('\n')) {
    if (line.startsWith('+') && !line.startsWith('+++')) added++;
    else if (line.startsWith('-') && !line.startsWith('---')) removed++;
  }
  return { packId, version, against: base?.version ?? null, unified, added, removed };
}
