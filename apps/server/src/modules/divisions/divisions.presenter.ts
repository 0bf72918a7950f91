import type { DivisionRow } from './divisions.repository.ts';

type UrbanRural = 'urban' | 'rural';

/**
 * The urban/rural class an address is judged by (SLA targets differ): the override when an admin set
 * one, else the division's own class from its name (街道 urban, 镇/乡 rural), else for a township
 * whose name says neither (…地区, …开发区) its county's class.
 */
export function urbanRuralOf(row: DivisionRow): { effective: UrbanRural | null; derived: UrbanRural | null } {
  const parent = row.level === 4 ? (row.parent_urban_rural_override ?? row.parent_urban_rural) : null;
  const derived = (row.urban_rural ?? parent) as UrbanRural | null;
  return { effective: (row.urban_rural_override as UrbanRural | null) ?? derived, derived };
}

export function presentDivision(row: DivisionRow) {
  const { effective, derived } = urbanRuralOf(row);
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parent_code,
    fullName: row.full_name,
    kind: row.kind,
    urbanRural: effective,
    urbanRuralDerived: derived,
    overridden: row.urban_rural_override !== null,
    source: row.source,
    hasChildren: Boolean(row.has_children),
  };
}
