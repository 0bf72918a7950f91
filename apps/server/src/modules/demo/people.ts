import type { Insertable } from 'kysely';
import type { TechnicianSkillsTable, TechnicianTrainingsTable } from '../../platform/db/schema.ts';
import { COURSES, type OutletKind } from './catalog.ts';
import { personName, shanghaiDate } from './names.ts';
import type { OutletRow, Skill } from './network.ts';
import type { Tier } from './placement.ts';
import type { Rng } from './random.ts';

export interface TechnicianRow {
  id: string;
  outlet_id: string;
  code: string;
  name: string;
  phone: string;
  level: 'junior' | 'intermediate' | 'senior' | 'expert';
  licence_no: string | null;
  licence_valid_until: string | null;
  status: 'active' | 'inactive';
  created_at: Date;
  updated_at: Date;
}

export interface PeopleRows {
  technicians: TechnicianRow[];
  skills: Insertable<TechnicianSkillsTable>[];
  trainings: Insertable<TechnicianTrainingsTable>[];
  heroTechnician: TechnicianRow;
}

interface Deps {
  rng: Rng;
  id: () => string;
  now: Date;
  mobile: () => string;
}

export interface StaffedOutlet {
  row: OutletRow;
  kind: OutletKind;
  skills: Skill[];
}

const HEADCOUNT: Record<Tier, [number, number]> = {
  service_center: [6, 10],
  specialist: [3, 6],
  authorized: [2, 3],
};

const LEVELS = [
  ['junior', 30],
  ['intermediate', 35],
  ['senior', 25],
  ['expert', 10],
] as const;

/** Licence (上岗证) validity: most valid, some expired, some expiring within 30 days, a few trainees without. */
function licenceDays(rng: Rng): number | null {
  return rng.weighted<() => number | null>([
    [() => null, 4],
    [() => -rng.int(1, 400), 8],
    [() => rng.int(1, 29), 6],
    [() => rng.int(31, 1095), 82],
  ])();
}

/** Juniors install and maintain; the others take every job their outlet is authorized for. */
function skillsFor(rng: Rng, outletSkills: Skill[], level: TechnicianRow['level']): Skill[] {
  const categories = [...new Set(outletSkills.map((s) => s.category_code))];
  const mine = new Set(rng.sample(categories, rng.int(1, Math.min(3, categories.length))));
  const junior = new Set(['installation', 'maintenance', 'relocation']);
  const own = outletSkills.filter((s) => mine.has(s.category_code) && s.service_type !== 'return_exchange');
  const allowed = level === 'junior' ? own.filter((s) => junior.has(s.service_type)) : own;
  return allowed.length ? allowed : own.slice(0, 1);
}

export function buildPeople(outlets: StaffedOutlet[], heroOutletId: string, d: Deps): PeopleRows {
  const { rng } = d;
  const out: PeopleRows = { technicians: [], skills: [], trainings: [], heroTechnician: undefined as never };
  let seq = 0;
  let certificates = 0;
  for (const { row: outlet, kind, skills: outletSkills } of outlets) {
    const [lo, hi] = HEADCOUNT[outlet.tier];
    const count = rng.int(lo, hi);
    const province = outlet.division_code.slice(0, 2);
    for (let i = 0; i < count; i++) {
      const hero = outlet.id === heroOutletId && i === 0;
      seq++;
      const code = `T${String(seq).padStart(5, '0')}`;
      const name = personName(rng, 0.06);
      const level = hero ? 'senior' : rng.weighted(LEVELS);
      const days = hero ? 540 : licenceDays(rng);
      const issued = shanghaiDate(d.now, -rng.int(200, 2000)).slice(0, 4);
      const inactive = outlet.status === 'terminated' || (!hero && rng.chance(0.04));
      const tech: TechnicianRow = {
        id: d.id(),
        outlet_id: outlet.id,
        code,
        name,
        phone: d.mobile(),
        level,
        licence_no: days === null ? null : `SG${province}${issued}${String(seq).padStart(5, '0')}`,
        licence_valid_until: days === null ? null : shanghaiDate(d.now, days),
        status: inactive ? 'inactive' : 'active',
        created_at: d.now,
        updated_at: d.now,
      };
      out.technicians.push(tech);
      if (hero) out.heroTechnician = tech;

      for (const s of skillsFor(rng, outletSkills, level)) {
        out.skills.push({ technician_id: tech.id, outlet_id: outlet.id, ...s });
      }
      const courses = rng.sample([...COURSES.common, ...COURSES[kind]], rng.int(1, 4));
      for (const course of courses) {
        const result = rng.weighted<'passed' | 'failed' | 'attended'>([
          ['passed', 80],
          ['attended', 14],
          ['failed', 6],
        ]);
        const completedOn = shanghaiDate(d.now, -rng.int(7, 1000));
        out.trainings.push({
          id: d.id(),
          technician_id: tech.id,
          outlet_id: outlet.id,
          course,
          completed_on: completedOn,
          result,
          certificate_no:
            result === 'passed' ? `PX${completedOn.slice(0, 4)}${String(++certificates).padStart(6, '0')}` : null,
          created_at: d.now,
        });
      }
    }
  }
  if (!out.heroTechnician) throw new Error('demo data: the demo outlet has no technician');
  return out;
}
