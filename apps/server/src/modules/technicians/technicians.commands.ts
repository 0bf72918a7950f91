import type { technicianCreate, technicianUpdate, trainingCreate } from '@aftercare/contracts';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor, Scope } from '../../platform/access/principal.ts';
import { type Tx, writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CommandDeps } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emitEvent } from '../../platform/outbox.ts';
import { searchTokens } from '../../platform/text-search.ts';
import { visibleOutlet } from '../network/lookups.ts';
import { shanghaiDate } from './licence.ts';
import { TechnicianErrors } from './technicians.errors.ts';
import { findTechnician, outletCategories, skillsOf } from './technicians.repository.ts';

type Skill = { categoryCode: string; serviceType: string };

/** Stored without spaces and dashes, so one number is one string for search and matching. */
export function normalizePhone(phone: string): string {
  return phone.replace(/[\s-]/g, '');
}

async function checkSkills(trx: Tx, outletId: string, skills: Skill[]): Promise<Skill[]> {
  const unique = [...new Map(skills.map((s) => [`${s.categoryCode}|${s.serviceType}`, s])).values()];
  if (unique.length === 0) return unique;
  const categories = await outletCategories(trx, outletId);
  const bad = unique.find((s) => !categories.has(s.categoryCode));
  if (bad) throw new AppError(TechnicianErrors.TECHNICIAN_SKILL_INVALID, { category: bad.categoryCode });
  return unique;
}

function checkLicence(licenceNo: string | null | undefined, validUntil: string | null | undefined) {
  if (validUntil && !licenceNo) throw new AppError(TechnicianErrors.TECHNICIAN_LICENCE_INCOMPLETE);
}

async function insertSkills(trx: Tx, technicianId: string, outletId: string, skills: Skill[]) {
  if (skills.length === 0) return;
  await trx
    .insertInto('technician_skills')
    .values(
      skills.map((s) => ({
        technician_id: technicianId,
        outlet_id: outletId,
        category_code: s.categoryCode,
        service_type: s.serviceType,
      })),
    )
    .execute();
}

/**
 * Creates a technician inside the caller's transaction (the importer runs many in one). The outlet
 * must exist, be visible to the scope and not be terminated.
 */
export async function createTechnicianTx(
  trx: Transaction<DB>,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  input: z.infer<typeof technicianCreate>,
): Promise<{ id: string }> {
  const outlet = await visibleOutlet(trx, scope, input.outletId);
  if (!outlet || outlet.status === 'terminated') throw new AppError(TechnicianErrors.TECHNICIAN_OUTLET_INVALID);
  checkLicence(input.licenceNo, input.licenceValidUntil);
  const skills = await checkSkills(trx, input.outletId, input.skills ?? []);
  const taken = await trx.selectFrom('technicians').select('id').where('code', '=', input.code).executeTakeFirst();
  if (taken) throw new AppError(TechnicianErrors.TECHNICIAN_CODE_TAKEN, { code: input.code });
  const id = newId();
  const now = clock.now();
  await trx
    .insertInto('technicians')
    .values({
      id,
      outlet_id: input.outletId,
      code: input.code,
      name: input.name,
      phone: normalizePhone(input.phone),
      level: input.level,
      licence_no: input.licenceNo ?? null,
      licence_valid_until: input.licenceValidUntil ?? null,
      created_at: now,
      updated_at: now,
      search: sql<string>`to_tsvector('simple', ${searchTokens(input.name, input.code)})`,
    })
    .execute();
  await insertSkills(trx, id, input.outletId, skills);
  await writeAudit(trx, clock, actor, {
    action: 'technician.create',
    entity: 'technician',
    entityId: id,
    outletId: input.outletId,
    after: { ...input, skills },
  });
  await emitEvent(trx, clock, {
    type: 'technician.created',
    aggregateType: 'technician',
    aggregateId: id,
    outletId: input.outletId,
  });
  return { id };
}

export async function createTechnician(
  deps: CommandDeps,
  actor: Actor,
  scope: Scope,
  input: z.infer<typeof technicianCreate>,
) {
  return deps.db.transaction().execute((trx) => createTechnicianTx(trx, deps.clock, actor, scope, input));
}

export async function updateTechnician(
  deps: CommandDeps,
  actor: Actor,
  scope: Scope,
  id: string,
  input: z.infer<typeof technicianUpdate>,
) {
  return deps.db.transaction().execute((trx) => updateTechnicianTx(trx, deps.clock, actor, scope, id, input));
}

/** Updates a technician the scope may see inside the caller's transaction (404 otherwise). */
export async function updateTechnicianTx(
  trx: Transaction<DB>,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  id: string,
  input: z.infer<typeof technicianUpdate>,
) {
  const before = await findTechnician(trx, scope, id, { forUpdate: true });
  if (!before) throw new AppError(CommonErrors.NOT_FOUND);
  checkLicence(
    input.licenceNo !== undefined ? input.licenceNo : before.licence_no,
    input.licenceValidUntil !== undefined ? input.licenceValidUntil : before.licence_valid_until,
  );
  const skills = input.skills ? await checkSkills(trx, before.outlet_id, input.skills) : null;
  const beforeSkills = await skillsOf(trx, [id]);
  const name = input.name ?? before.name;
  await trx
    .updateTable('technicians')
    .set({
      ...(input.name !== undefined && {
        name: input.name,
        search: sql<string>`to_tsvector('simple', ${searchTokens(name, before.code)})`,
      }),
      ...(input.phone !== undefined && { phone: normalizePhone(input.phone) }),
      ...(input.level !== undefined && { level: input.level }),
      ...(input.licenceNo !== undefined && { licence_no: input.licenceNo }),
      ...(input.licenceValidUntil !== undefined && { licence_valid_until: input.licenceValidUntil }),
      ...(input.status !== undefined && { status: input.status }),
      updated_at: clock.now(),
    })
    .where('id', '=', id)
    .execute();
  if (skills) {
    await trx.deleteFrom('technician_skills').where('technician_id', '=', id).execute();
    await insertSkills(trx, id, before.outlet_id, skills);
  }
  const after = (await findTechnician(trx, scope, id))!;
  const afterSkills = await skillsOf(trx, [id]);
  const statusChange = input.status !== undefined && input.status !== before.status;
  const action = statusChange
    ? input.status === 'inactive'
      ? 'technician.deactivate'
      : 'technician.activate'
    : 'technician.update';
  await writeAudit(trx, clock, actor, {
    action,
    entity: 'technician',
    entityId: id,
    outletId: before.outlet_id,
    before: { ...before, skills: beforeSkills },
    after: { ...after, skills: afterSkills },
  });
  await emitEvent(trx, clock, {
    type: statusChange && input.status === 'inactive' ? 'technician.deactivated' : 'technician.updated',
    aggregateType: 'technician',
    aggregateId: id,
    outletId: before.outlet_id,
  });
  return { row: after, skills: afterSkills };
}

export async function addTraining(
  deps: CommandDeps,
  actor: Actor,
  scope: Scope,
  technicianId: string,
  input: z.infer<typeof trainingCreate>,
) {
  return deps.db.transaction().execute(async (trx) => {
    const tech = await findTechnician(trx, scope, technicianId, { forUpdate: true });
    if (!tech) throw new AppError(CommonErrors.NOT_FOUND);
    if (input.completedOn > shanghaiDate(deps.clock.now())) {
      throw new AppError(TechnicianErrors.TECHNICIAN_TRAINING_DATE_INVALID, { date: input.completedOn });
    }
    const id = newId();
    await trx
      .insertInto('technician_trainings')
      .values({
        id,
        technician_id: technicianId,
        outlet_id: tech.outlet_id,
        course: input.course,
        completed_on: input.completedOn,
        result: input.result,
        certificate_no: input.certificateNo ?? null,
        created_at: deps.clock.now(),
      })
      .execute();
    await writeAudit(trx, deps.clock, actor, {
      action: 'technician.training_add',
      entity: 'technician',
      entityId: technicianId,
      outletId: tech.outlet_id,
      after: { trainingId: id, ...input },
    });
    await emitEvent(trx, deps.clock, {
      type: 'technician.training_recorded',
      aggregateType: 'technician',
      aggregateId: technicianId,
      outletId: tech.outlet_id,
      payload: { trainingId: id },
    });
    return id;
  });
}
