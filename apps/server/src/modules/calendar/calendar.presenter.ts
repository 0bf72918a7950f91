import type { CalendarDay } from '@aftercare/contracts';
import type { OfficialDay } from '@aftercare/policy';
import type { CalendarDayRow } from './calendar.repository.ts';

export function presentOverride(row: CalendarDayRow): CalendarDay {
  return {
    id: row.id,
    date: row.day,
    working: row.working,
    name: row.name,
    nameEn: null,
    source: 'override',
    kind: row.working ? 'extra_working' : 'day_off',
    brandId: row.brand_id,
    divisionPrefix: row.division_prefix,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentOfficial(day: { date: string } & OfficialDay): CalendarDay {
  return {
    id: null,
    date: day.date,
    working: day.working,
    name: day.name ?? '',
    nameEn: day.nameEn,
    source: 'official',
    kind: day.holiday ? 'holiday' : 'adjusted_working',
    brandId: null,
    divisionPrefix: null,
    createdAt: null,
  };
}
