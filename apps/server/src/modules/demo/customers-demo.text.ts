import { type DemoBrand, ROADS, SURNAMES, TRADE_NAMES } from './catalog.ts';
import { ESTATES, ONLINE_STORES, VILLAGE_SUFFIX } from './customers-demo.data.ts';
import type { Place } from './customers-demo.places.ts';
import { landline } from './names.ts';
import type { Rng } from './random.ts';

/** Small helpers for the demo customers: calendar dates, phones and addresses as people write them, names. */

const DAY = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Same calendar day `years` later or earlier (29 February → 28 February). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-');
  const day = m === '02' && d === '29' ? '28' : d;
  return `${Number(y) + years}-${m}-${day}`;
}

export const minDate = (a: string, b: string) => (a < b ? a : b);

/** A time on a Shanghai calendar day (09:00–20:59 local) as an instant. */
export function onDay(rng: Rng, date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + (9 * 60 + rng.int(0, 12 * 60 - 1)) * 60_000);
}

export const pad = (n: number) => String(n).padStart(2, '0');

/** A mobile number as people type it: plain, spaced, dashed or with +86. */
export function mobileRaw(rng: Rng, n: string): string {
  const spaced = `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  return rng.weighted<() => string>([
    [() => n, 60],
    [() => spaced, 15],
    [() => `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`, 10],
    [() => `+86 ${spaced}`, 8],
    [() => `+86${n}`, 7],
  ])();
}

/** A landline as written on a card or a form: 0571-87654321, (0571)87654321, an extension at institutions. */
export function landlineRaw(rng: Rng, areaCode: string, institution: boolean): string {
  const number = landline(rng, areaCode);
  if (institution && rng.chance(0.3)) return `${number}转${rng.int(800, 8999)}`;
  return rng.chance(0.2) ? `(${areaCode})${number.slice(areaCode.length + 1)}` : number;
}

export function addressDetail(rng: Rng, place: Place, institution: boolean): string {
  if (institution) return `${rng.pick(ROADS)}${rng.int(1, 899)}号`;
  if (place.rural && rng.chance(0.7)) {
    return `${rng.pickSkewed(SURNAMES, 1.8)}家${rng.pick(VILLAGE_SUFFIX)}${rng.int(1, 260)}号`;
  }
  return `${rng.pick(ROADS)}${rng.int(1, 899)}号${rng.pick(ESTATES)}${rng.int(1, 30)}幢${rng.int(1, 4)}单元${rng.int(1, 32)}0${rng.int(1, 4)}室`;
}

export function institutionName(rng: Rng, kind: string, city: string, county: string): string {
  const n = ['一', '二', '三', '四', '五', '六', '七', '八'];
  switch (kind) {
    case 'institution:hospital':
      return rng.chance(0.5)
        ? `${city}市第${rng.pick(n)}人民医院`
        : `${county}${rng.pick(['中医院', '妇幼保健院', '人民医院'])}`;
    case 'institution:school':
      return rng.chance(0.5)
        ? `${county}第${rng.pick(n)}中学`
        : `${city}市${rng.pick(ROADS).replace(/[路街道大]+$/u, '')}小学`;
    case 'institution:nursing_home':
      return `${county}${rng.pick(TRADE_NAMES)}养老院`;
    case 'institution:government':
      return `${county}${rng.pick(['政务服务中心', '人民法院', '税务局', '市场监督管理局'])}`;
    case 'institution:enterprise':
      return `${city}${rng.pick(TRADE_NAMES)}${rng.pick(['实业有限公司', '酒店管理有限公司', '物业服务有限公司', '科技有限公司'])}`;
    default:
      return `${county}${rng.pick(['图书馆', '文化馆', '体育馆', '博物馆'])}`;
  }
}

export function storeName(
  rng: Rng,
  channel: string,
  brand: DemoBrand,
  place: Place,
  city: string,
  county: string,
): string | null {
  switch (channel) {
    case 'ecommerce':
      return rng.chance(0.6) ? `${brand.name}${rng.pick(ONLINE_STORES)}` : rng.pick(ONLINE_STORES);
    case 'store':
      return rng.weighted<() => string>([
        [() => `国美电器${city}${rng.pick(ROADS)}店`, 30],
        [() => `苏宁易购${city}${county}店`, 30],
        [() => `${brand.name}专卖店（${county}）`, 25],
        [() => `${city}${rng.pick(TRADE_NAMES)}家电商场`, 15],
      ])();
    case 'dealer':
      return `${place.rural ? county : city}${rng.pick(TRADE_NAMES)}电器商行`;
    case 'project':
      return `${brand.name}${city}工程渠道`;
    default:
      return null;
  }
}
