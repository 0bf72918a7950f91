import { sql } from 'kysely';
import type { Tx } from '../../platform/audit.ts';

/**
 * The demo network is placed on the real national divisions already in the `divisions` table.
 * Everything is read in code order, so the same table gives the same placement.
 */

export interface City {
  code: string;
  name: string;
  provinceCode: string;
}

/** A county-level unit: a level-3 division, or a city without counties (东莞, 中山, 儋州, 嘉峪关). */
export interface County {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
  fullName: string;
  urban: boolean;
}

export interface Town {
  code: string;
  name: string;
  countyCode: string;
  fullName: string;
  kind: string | null;
}

export interface DivisionIndex {
  provinceNames: Map<string, string>;
  cities: Map<string, City>;
  /** Cities that have county-level units, by province, in code order. */
  citiesByProvince: Map<string, City[]>;
  countiesByCity: Map<string, County[]>;
  counties: Map<string, County>;
}

const PLACEHOLDER = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export async function loadDivisionIndex(db: Tx): Promise<DivisionIndex> {
  const upper = await db
    .selectFrom('divisions')
    .select(['code', 'name', 'level', 'parent_code'])
    .where('level', '<=', 2)
    .orderBy('code')
    .execute();
  const countyRows = await sql<{
    code: string;
    name: string;
    level: number;
    parent_code: string | null;
    full_name: string;
    urban_rural: string | null;
    urban_rural_override: string | null;
  }>`
    SELECT d.code, d.name, d.level, d.parent_code, d.full_name, d.urban_rural, d.urban_rural_override
    FROM divisions d
    WHERE d.level = 3
       OR (d.level = 2
           AND NOT EXISTS (SELECT 1 FROM divisions c WHERE c.parent_code = d.code AND c.level = 3)
           AND EXISTS (SELECT 1 FROM divisions t WHERE t.parent_code = d.code AND t.level = 4))
    ORDER BY d.code`.execute(db);

  const provinceNames = new Map<string, string>();
  const cities = new Map<string, City>();
  for (const r of upper) {
    if (r.level === 1) provinceNames.set(r.code, r.name);
    else if (r.parent_code) cities.set(r.code, { code: r.code, name: r.name, provinceCode: r.parent_code });
  }
  const counties = new Map<string, County>();
  const countiesByCity = new Map<string, County[]>();
  for (const r of countyRows.rows) {
    const cityCode = r.level === 2 ? r.code : r.parent_code;
    const city = cityCode ? cities.get(cityCode) : undefined;
    if (!city) continue;
    const urbanRural = r.urban_rural_override ?? r.urban_rural;
    const county: County = {
      code: r.code,
      name: r.name,
      cityCode: city.code,
      provinceCode: city.provinceCode,
      fullName: r.full_name,
      urban: urbanRural === 'urban' && r.name.endsWith('区'),
    };
    counties.set(county.code, county);
    push(countiesByCity, city.code, county);
  }
  const citiesByProvince = new Map<string, City[]>();
  for (const city of cities.values()) {
    if (countiesByCity.has(city.code)) push(citiesByProvince, city.provinceCode, city);
  }
  return { provinceNames, cities, citiesByProvince, countiesByCity, counties };
}

/** Townships and streets of the given counties, by county, in code order. */
export async function loadTowns(db: Tx, countyCodes: string[]): Promise<Map<string, Town[]>> {
  const byCounty = new Map<string, Town[]>();
  if (countyCodes.length === 0) return byCounty;
  const rows = await db
    .selectFrom('divisions')
    .select(['code', 'name', 'parent_code', 'full_name', 'kind'])
    .where('level', '=', 4)
    .where('parent_code', 'in', [...new Set(countyCodes)].sort())
    .orderBy('code')
    .execute();
  for (const r of rows) {
    if (!r.parent_code) continue;
    push(byCounty, r.parent_code, {
      code: r.code,
      name: r.name,
      countyCode: r.parent_code,
      fullName: r.full_name,
      kind: r.kind,
    });
  }
  return byCounty;
}

// The peoples named in autonomous divisions (longer names first: 土家 before 土).
const PEOPLES = [
  ...['维吾尔', '哈萨克', '柯尔克孜', '塔吉克', '达斡尔', '鄂温克', '鄂伦春', '土家', '布依', '哈尼', '傈僳', '拉祜'],
  ...['纳西', '景颇', '布朗', '普米', '独龙', '阿昌', '德昂', '基诺', '仡佬', '毛南', '仫佬', '朝鲜', '锡伯', '撒拉'],
  ...['保安', '东乡', '裕固', '蒙古', '各', '壮', '回', '苗', '侗', '彝', '藏', '满', '瑶', '白', '傣', '佤', '怒'],
  ...['羌', '黎', '畲', '水', '京', '土'],
];
const ETHNIC_AUTONOMOUS = new RegExp(`^(.{2,}?)(?:(?:${PEOPLES.join('|')})族?)+自治[县旗州]$`, 'u');

/** 天河区 → 天河, 长阳土家族自治县 → 长阳, 东乡族自治县 → 东乡, 浦东新区 → 浦东, 锡林郭勒盟 → 锡林郭勒; 南县 stays. */
export function shortName(name: string): string {
  const ethnic = name.match(ETHNIC_AUTONOMOUS);
  if (ethnic?.[1]) return ethnic[1];
  for (const suffix of [/族?自治[县旗州]$/u, /(?:新区|地区|林区|特区)$/u, /[市区县旗盟州]$/u]) {
    const s = name.replace(suffix, '');
    if (s !== name) return [...s].length >= 2 ? s : name;
  }
  return name;
}

/** The name people use for the city a county is in (北京 for 朝阳区, 仙桃 for 仙桃市). */
export function cityShortName(index: DivisionIndex, county: County, provinceShort: string): string {
  const city = index.cities.get(county.cityCode);
  if (!city) return provinceShort;
  if (!PLACEHOLDER.has(city.name)) return shortName(city.name);
  return city.name === '市辖区' || city.name === '县' ? provinceShort : shortName(county.name);
}

/** "广东省 东莞市 东莞市 东城街道" → "广东省东莞市东城街道". */
export function postalPrefix(fullName: string): string {
  const parts = fullName.split(/\s+/).filter(Boolean);
  return parts.filter((part, i) => part !== parts[i - 1]).join('');
}
