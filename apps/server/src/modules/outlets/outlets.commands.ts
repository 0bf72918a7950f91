import type { outletCreate, outletUpdate } from '@aftercare/contracts';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor, Scope } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CommandDeps } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { onUniqueViolation } from '../../platform/db/unique.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emitEvent } from '../../platform/outbox.ts';
import { searchTokens } from '../../platform/text-search.ts';
import { canManageBrand } from '../network/scope.ts';
import { OutletErrors } from './outlets.errors.ts';
import { lockOutlet, type OutletView, outletView } from './outlets.repository.ts';
import {
  type AuthorizationPlan,
  checkAuthorizations,
  checkCoordinates,
  checkCoverage,
  checkDivision,
  checkParent,
  type LinkPlan,
  resolveLinks,
} from './outlets.rules.ts';

const DEACTIVATED = new Set(['suspended', 'terminated']);

/** The business date (Asia/Shanghai) a brand link starts. */
function shanghaiDate(clock: Clock): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(clock.now());
}

const searchOf = (name: string, code: string) => sql<string>`to_tsvector('simple', ${searchTokens(name, code)})`;

async function insertLinks(trx: Transaction<DB>, clock: Clock, outletId: string, links: LinkPlan[]) {
  if (links.length === 0) return;
  const since = shanghaiDate(clock);
  await trx
    .insertInto('brand_outlets')
    .values(
      links.map((l) => ({
        brand_id: l.brandId,
        outlet_id: outletId,
        region_id: l.regionId,
        center_id: l.centerId,
        since,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['brand_id', 'outlet_id']).doUpdateSet((eb) => ({
        region_id: eb.ref('excluded.region_id'),
        center_id: eb.ref('excluded.center_id'),
      })),
    )
    .execute();
}

async function insertCoverage(trx: Transaction<DB>, outletId: string, codes: string[]) {
  if (codes.length === 0) return;
  await trx
    .insertInto('outlet_coverage')
    .values(codes.map((c) => ({ outlet_id: outletId, division_code: c })))
    .execute();
}

async function insertAuthorizations(trx: Transaction<DB>, outletId: string, auths: AuthorizationPlan[]) {
  if (auths.length === 0) return;
  await trx
    .insertInto('outlet_authorizations')
    .values(
      auths.map((a) => ({
        outlet_id: outletId,
        brand_id: a.brandId,
        category_code: a.categoryCode,
        service_type: a.serviceType,
      })),
    )
    .execute();
}

/** What the audit log keeps of an outlet: the record as the actor sees it, without the search vector. */
function auditShape(v: OutletView | undefined) {
  if (!v) return null;
  return { ...v.row, brands: v.brands, coverage: v.coverage, authorizations: v.authorizations };
}

/**
 * Creates an outlet with its brand links, coverage and authorizations inside the caller's
 * transaction (the importer runs many in one). Every check runs before the first write.
 */
export async function createOutletTx(
  trx: Transaction<DB>,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  input: z.infer<typeof outletCreate>,
): Promise<{ id: string }> {
  const links = await resolveLinks(trx, scope, input.brands);
  await checkDivision(trx, input.divisionCode);
  const coverage = await checkCoverage(trx, input.coverage);
  const auths = await checkAuthorizations(trx, input.authorizations, new Set(links.map((l) => l.brandId)));
  if (input.parentOutletId) await checkParent(trx, scope, input.parentOutletId, null);
  checkCoordinates(input.lat ?? null, input.lng ?? null);
  const taken = await trx.selectFrom('outlets').select('id').where('code', '=', input.code).executeTakeFirst();
  if (taken) throw new AppError(OutletErrors.OUTLET_CODE_TAKEN, { code: input.code });

  const now = clock.now();
  const id = newId();
  await trx
    .insertInto('outlets')
    .values({
      id,
      code: input.code,
      name: input.name,
      tier: input.tier,
      parent_outlet_id: input.parentOutletId ?? null,
      status: input.status,
      capacity_per_day: input.capacityPerDay,
      division_code: input.divisionCode,
      address: input.address,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      phone: input.phone ?? null,
      dealer_hotline: input.dealerHotline ?? null,
      contact_name: input.contactName ?? null,
      created_at: now,
      updated_at: now,
      search: searchOf(input.name, input.code),
    })
    .execute();
  await insertLinks(trx, clock, id, links);
  await insertCoverage(trx, id, coverage);
  await insertAuthorizations(trx, id, auths);

  const brandId = links[0]!.brandId;
  await writeAudit(trx, clock, actor, {
    action: 'outlet.create',
    entity: 'outlet',
    entityId: id,
    brandId,
    outletId: id,
    after: auditShape(await outletView(trx, scope, id)),
  });
  await emitEvent(trx, clock, {
    type: 'outlet.created',
    aggregateType: 'outlet',
    aggregateId: id,
    brandId,
    outletId: id,
    payload: { brandIds: links.map((l) => l.brandId), status: input.status },
  });
  return { id };
}

/**
 * Edits an outlet inside the caller's transaction. `brands` and `authorizations` replace only what the
 * caller manages: links and authorizations of other brands the outlet serves are kept as they are.
 * Removing a brand link drops that brand's authorizations. Status suspended/terminated deactivates.
 */
export async function updateOutletTx(
  trx: Transaction<DB>,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  id: string,
  input: z.infer<typeof outletUpdate>,
): Promise<{ id: string }> {
  const current = await lockOutlet(trx, scope, id);
  if (!current) throw new AppError(CommonErrors.NOT_FOUND);
  const allLinks = await trx.selectFrom('brand_outlets').selectAll().where('outlet_id', '=', id).execute();
  const managedIds = allLinks.filter((l) => canManageBrand(scope, l.brand_id)).map((l) => l.brand_id);
  if (scope.kind !== 'all' && managedIds.length === 0) throw new AppError(CommonErrors.FORBIDDEN);

  const links = input.brands ? await resolveLinks(trx, scope, input.brands) : null;
  const actorBrandIds = new Set(links ? links.map((l) => l.brandId) : managedIds);
  const keptBrandIds = allLinks.map((l) => l.brand_id).filter((b) => !canManageBrand(scope, b));
  const finalBrandIds = [...keptBrandIds, ...actorBrandIds];
  if (input.divisionCode !== undefined) await checkDivision(trx, input.divisionCode);
  const coverage = input.coverage ? await checkCoverage(trx, input.coverage) : null;
  const auths = input.authorizations ? await checkAuthorizations(trx, input.authorizations, actorBrandIds) : null;
  if (input.parentOutletId) await checkParent(trx, scope, input.parentOutletId, id);
  checkCoordinates(
    input.lat !== undefined ? input.lat : current.lat,
    input.lng !== undefined ? input.lng : current.lng,
  );

  const before = auditShape(await outletView(trx, scope, id));
  const name = input.name ?? current.name;
  await trx
    .updateTable('outlets')
    .set({
      ...(input.name !== undefined && { name: input.name, search: searchOf(name, current.code) }),
      ...(input.tier !== undefined && { tier: input.tier }),
      ...(input.parentOutletId !== undefined && { parent_outlet_id: input.parentOutletId }),
      ...(input.status !== undefined && { status: input.status }),
      ...(input.capacityPerDay !== undefined && { capacity_per_day: input.capacityPerDay }),
      ...(input.divisionCode !== undefined && { division_code: input.divisionCode }),
      ...(input.address !== undefined && { address: input.address }),
      ...(input.lat !== undefined && { lat: input.lat }),
      ...(input.lng !== undefined && { lng: input.lng }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.dealerHotline !== undefined && { dealer_hotline: input.dealerHotline }),
      ...(input.contactName !== undefined && { contact_name: input.contactName }),
      updated_at: clock.now(),
    })
    .where('id', '=', id)
    .execute();
  if (links) {
    const dropped = managedIds.filter((b) => !actorBrandIds.has(b));
    if (dropped.length) {
      await trx.deleteFrom('brand_outlets').where('outlet_id', '=', id).where('brand_id', 'in', dropped).execute();
    }
    await insertLinks(trx, clock, id, links);
  }
  if (auths) {
    const replaced = [...new Set([...managedIds, ...actorBrandIds])];
    if (replaced.length) {
      await trx
        .deleteFrom('outlet_authorizations')
        .where('outlet_id', '=', id)
        .where('brand_id', 'in', replaced)
        .execute();
    }
    await insertAuthorizations(trx, id, auths);
  } else if (links) {
    await trx
      .deleteFrom('outlet_authorizations')
      .where('outlet_id', '=', id)
      .where('brand_id', 'not in', finalBrandIds)
      .execute();
  }
  if (coverage) {
    await trx.deleteFrom('outlet_coverage').where('outlet_id', '=', id).execute();
    await insertCoverage(trx, id, coverage);
  }

  const deactivated = input.status !== undefined && input.status !== current.status && DEACTIVATED.has(input.status);
  const brandId = [...actorBrandIds][0] ?? allLinks[0]?.brand_id ?? null;
  await writeAudit(trx, clock, actor, {
    action: deactivated ? 'outlet.deactivate' : 'outlet.update',
    entity: 'outlet',
    entityId: id,
    brandId,
    outletId: id,
    before,
    after: auditShape(await outletView(trx, scope, id)),
  });
  await emitEvent(trx, clock, {
    type: 'outlet.updated',
    aggregateType: 'outlet',
    aggregateId: id,
    brandId,
    outletId: id,
    payload: { fields: Object.keys(input), status: input.status ?? current.status, previousStatus: current.status },
  });
  return { id };
}

export async function createOutlet(deps: CommandDeps, actor: Actor, scope: Scope, input: z.infer<typeof outletCreate>) {
  return onUniqueViolation(
    () =>
      deps.db.transaction().execute(async (trx) => {
        const { id } = await createOutletTx(trx, deps.clock, actor, scope, input);
        return (await outletView(trx, scope, id))!;
      }),
    () => new AppError(OutletErrors.OUTLET_CODE_TAKEN, { code: input.code }),
    'outlets_code_key',
  );
}

export async function updateOutlet(
  deps: CommandDeps,
  actor: Actor,
  scope: Scope,
  id: string,
  input: z.infer<typeof outletUpdate>,
) {
  return deps.db.transaction().execute(async (trx) => {
    await updateOutletTx(trx, deps.clock, actor, scope, id, input);
    return (await outletView(trx, scope, id))!;
  });
}
