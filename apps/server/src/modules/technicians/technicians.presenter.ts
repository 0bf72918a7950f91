import type { ServiceType } from '@aftercare/contracts';
import type { Principal } from '../../platform/access/principal.ts';
import { phoneFor } from '../../platform/masking.ts';
import { licenceState } from './licence.ts';
import type { TechnicianRow, TrainingRow } from './technicians.repository.ts';

type SkillRow = { technician_id: string; category_code: string; service_type: string };

export function presentTechnician(p: Principal, row: TechnicianRow, skills: SkillRow[], now: Date) {
  const state = licenceState(row.licence_valid_until, now);
  return {
    id: row.id,
    outletId: row.outlet_id,
    outletName: row.outlet_name,
    code: row.code,
    name: row.name,
    phone: phoneFor(p, row.phone),
    level: row.level as 'junior' | 'intermediate' | 'senior' | 'expert',
    licenceNo: row.licence_no,
    licenceValidUntil: row.licence_valid_until,
    licenceValid: state === 'valid' || state === 'expiring',
    licenceState: state,
    status: row.status as 'active' | 'inactive',
    skills: skills
      .filter((s) => s.technician_id === row.id)
      .map((s) => ({ categoryCode: s.category_code, serviceType: s.service_type as ServiceType })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentTraining(row: TrainingRow) {
  return {
    id: row.id,
    technicianId: row.technician_id,
    course: row.course,
    completedOn: row.completed_on,
    result: row.result as 'passed' | 'failed' | 'attended',
    certificateNo: row.certificate_no,
    createdAt: row.created_at.toISOString(),
  };
}
