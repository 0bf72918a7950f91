import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, CommonErrors, type ErrorCode } from '../../platform/errors.ts';
import { licenceState } from './licence.ts';
import { TechnicianErrors } from './technicians.errors.ts';
import { findTechnician, skillsOf } from './technicians.repository.ts';

export type AssignBlock = 'NOT_FOUND' | 'INACTIVE' | 'LICENCE_MISSING' | 'LICENCE_EXPIRED' | 'SKILL_MISSING';

export type Assignability =
  | { ok: true; technicianId: string; outletId: string; licenceValidUntil: string }
  | { ok: false; reason: AssignBlock; code: ErrorCode; params: Record<string, string> };

const CODES: Record<AssignBlock, ErrorCode> = {
  NOT_FOUND: CommonErrors.NOT_FOUND,
  INACTIVE: TechnicianErrors.TECHNICIAN_INACTIVE,
  LICENCE_MISSING: TechnicianErrors.TECHNICIAN_LICENCE_MISSING,
  LICENCE_EXPIRED: TechnicianErrors.TECHNICIAN_LICENCE_EXPIRED,
  SKILL_MISSING: TechnicianErrors.TECHNICIAN_SKILL_MISSING,
};

const blocked = (reason: AssignBlock, params: Record<string, string> = {}): Assignability => ({
  ok: false,
  reason,
  code: CODES[reason],
  params,
});

/**
 * May this technician be given a job now? Active, with a licence valid today (Asia/Shanghai) and, when
 * `need` is given, the skill for that category and service type (PRODUCT A, F). A technician outside
 * the scope is NOT_FOUND. Pass the transaction that assigns, so the answer holds when it commits.
 */
export async function assignableTechnician(
  db: Tx,
  scope: Scope,
  technicianId: string,
  clock: Clock,
  need?: { categoryCode: string; serviceType: string },
): Promise<Assignability> {
  const tech = await findTechnician(db, scope, technicianId);
  if (!tech) return blocked('NOT_FOUND');
  if (tech.status !== 'active') return blocked('INACTIVE');
  const state = licenceState(tech.licence_valid_until, clock.now());
  if (state === 'missing' || !tech.licence_no) return blocked('LICENCE_MISSING');
  if (state === 'expired') return blocked('LICENCE_EXPIRED', { until: tech.licence_valid_until! });
  if (need) {
    const skills = await skillsOf(db, [technicianId]);
    const has = skills.some((s) => s.category_code === need.categoryCode && s.service_type === need.serviceType);
    if (!has) return blocked('SKILL_MISSING', { category: need.categoryCode, serviceType: need.serviceType });
  }
  return { ok: true, technicianId, outletId: tech.outlet_id, licenceValidUntil: tech.licence_valid_until! };
}

/** assignableTechnician that throws the reason as an AppError (404 or 422 TECHNICIAN_*). */
export async function assertAssignable(...args: Parameters<typeof assignableTechnician>): Promise<void> {
  const res = await assignableTechnician(...args);
  if (!res.ok) throw new AppError(res.code, res.params);
}
