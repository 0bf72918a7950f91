// Recomputing milestones on request (POST /sla/recompute): after a calendar correction, a back-dated
// import or a changed pack. Only within the caller's scope; audited.
import type { Actor, Scope } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { CommandDeps } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { visibleBrand } from '../network/lookups.ts';
import { invisibleOrders } from './sla.repository.ts';
import { recomputeMilestones } from './sla.sync.ts';

export async function recompute(
  deps: CommandDeps,
  actor: Actor,
  scope: Scope,
  input: { brandId?: string | undefined; orderIds?: string[] | undefined },
): Promise<{ orders: number; milestones: number }> {
  if (input.brandId && !(await visibleBrand(deps.db, scope, input.brandId))) throw new AppError(CommonErrors.NOT_FOUND);
  if (input.orderIds && (await invisibleOrders(deps.db, scope, input.orderIds)).length > 0)
    throw new AppError(CommonErrors.NOT_FOUND);
  // Without a brand or orders: every brand of the caller (all of them for the platform).
  const brands = input.brandId
    ? [input.brandId]
    : scope.kind === 'all' || input.orderIds
      ? [undefined]
      : scope.brandIds;
  const total = { orders: 0, milestones: 0 };
  for (const brandId of brands) {
    const r = await recomputeMilestones(deps.db, deps.clock, {
      ...(brandId && { brandId }),
      ...(input.orderIds && { orderIds: input.orderIds }),
    });
    total.orders += r.orders;
    total.milestones += r.milestones;
  }
  await writeAudit(deps.db, deps.clock, actor, {
    action: 'sla.recompute',
    entity: 'sla_milestone',
    entityId: null,
    brandId: input.brandId ?? null,
    after: { ...input, ...total },
  });
  return total;
}
