/**
 * Pure, deterministic pieces of the large-data generator: a seeded PRNG, ids, phone numbers, serials,
 * names and address details. Row i of a given seed is always the same, whatever the batch size or the
 * number of batches in flight, because every batch draws from its own stream (seed, batch number).
 */
import { normalizePhone } from '../../../apps/server/src/platform/phone.ts';

export type Rng = () => number;

/**
 * sfc32 (128-bit state, period ≥ 2^32 and in practice far more) seeded through splitmix32, so the
 * streams of different batches do not overlap the way 32-bit-state generators' streams would (that
 * repeats ids). Returns [0, 1).
 */
export function rng(seed: number, stream = 0): Rng {
  let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let [a, b, c, d] = [split(), split(), split(), split()];
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next();
  return () => next() / 4294967296;
}

/** The stream of one batch: the same (seed, batch) always gives the same numbers. */
export function batchRng(seed: number, batch: number): Rng {
  return rng(seed, batch + 1);
}

export const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A UUIDv7 like the app's ids (platform/ids.ts): 48-bit millisecond timestamp `ms`, then random bits
 * from the stream. Rows generated in order get ascending ids, so primary keys grow at their right edge
 * as they do in the app, instead of random page splits.
 */
export function uuid(r: Rng, ms = 0): string {
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const n = Math.floor(r() * 4294967296);
    b.push(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
  }
  const hi = Math.floor(ms / 4294967296);
  const lo = ms >>> 0;
  [b[0], b[1], b[2], b[3], b[4], b[5]] = [
    (hi >>> 8) & 255,
    hi & 255,
    lo >>> 24,
    (lo >>> 16) & 255,
    (lo >>> 8) & 255,
    lo & 255,
  ];
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.map((x) => HEX[x]!);
  return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
}

/**
 * The mobile number of customer i: one of the real prefixes and an 8-digit subscriber number that is
 * a bijection of i (for i < 10^8 per prefix), so no two generated customers share a mobile.
 */
export function mobileOf(i: number, seed: number, prefixes: readonly string[]): string {
  const p = i % prefixes.length;
  const k = Math.floor(i / prefixes.length);
  // For a fixed prefix, k ↦ sub is a bijection mod 10^8 (48271 is coprime to 10); the offset per
  // prefix keeps neighbouring customers from sharing their last digits.
  const sub = (k * 48271 + p * 7_654_321 + seed * 7919 + 12345) % 100_000_000;
  const prefix = prefixes[p]!;
  return `${prefix}${String(sub).padStart(8, '0')}`;
}

/** Area codes: 3-digit ones take 8-digit subscriber numbers, 4-digit ones 7 or 8 digits. */
export const AREA_CODES = ['010', '020', '021', '022', '023', '024', '025', '027', '028', '029'] as const;
export const AREA_CODES_4 = ['0371', '0531', '0571', '0574', '0591', '0731', '0755', '0769', '0871', '0898'] as const;

/** A landline in national form (area code with its 0 + subscriber number, never starting 0/1). */
export function landline(r: Rng): string {
  const three = r() < 0.5;
  const area = three ? pick(r, AREA_CODES) : pick(r, AREA_CODES_4);
  const len = three ? 8 : r() < 0.7 ? 8 : 7;
  let sub = String(2 + Math.floor(r() * 8));
  while (sub.length < len) sub += String(Math.floor(r() * 10));
  return area + sub;
}

/** How people type a mobile number (what `raw` keeps): 13812345678, 138 1234 5678, +86 138-…, … */
export function mobileForm(n: string, form: number): string {
  const [a, b, c] = [n.slice(0, 3), n.slice(3, 7), n.slice(7)];
  switch (form % 6) {
    case 0:
      return n;
    case 1:
      return `${a} ${b} ${c}`;
    case 2:
      return `${a}-${b}-${c}`;
    case 3:
      return `+86 ${a}-${b}-${c}`;
    case 4:
      return `0086${n}`;
    default:
      return `+86 ${a} ${b} ${c}`;
  }
}

/** How people type a landline: 010-87654321, (0571)87654321, +86 10 8765 4321, 0086 571 8765432. */
export function landlineForm(n: string, form: number): string {
  const areaLen = n.startsWith('01') || n.startsWith('02') ? 3 : 4;
  const [area, sub] = [n.slice(0, areaLen), n.slice(areaLen)];
  switch (form % 4) {
    case 0:
      return `${area}-${sub}`;
    case 1:
      return `(${area})${sub}`;
    case 2:
      return `+86 ${area.slice(1)} ${sub.slice(0, 4)} ${sub.slice(4)}`;
    default:
      return `0086 ${area.slice(1)} ${sub}`;
  }
}

/** The app's normalized form of a typed number; throws when the app would reject it. */
export function normalized(raw: string): { normalized: string; kind: 'mobile' | 'landline' } {
  const n = normalizePhone(raw);
  if (!n) throw new Error(`generator produced a number the app rejects: ${raw}`);
  return n;
}

const B36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The serial of product number idx (global, < 2^32): a brand prefix, the production year-month and
 * 7 base-36 characters of a bijective scramble of idx, so serials are unique and look random.
 */
export function serialOf(idx: number, prefix: string, produced: Date): string {
  let x = Math.imul(idx ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  // Both steps are bijections of 32-bit values (xor with a constant, multiply by an odd number,
  // xor-shift), so distinct idx give distinct x.
  let tail = '';
  for (let i = 0; i < 7; i++) {
    tail = B36[x % 36]! + tail;
    x = Math.floor(x / 36);
  }
  const ym = `${String(produced.getUTCFullYear() % 100).padStart(2, '0')}${String(produced.getUTCMonth() + 1).padStart(2, '0')}`;
  return `${prefix}${ym}${tail}`;
}

/** A street address detail: urban (road, number, building, room) or rural (village, group, number). */
export function addressDetail(r: Rng, urban: boolean, roads: readonly string[], villages: readonly string[]): string {
  const n = 1 + Math.floor(r() * 299);
  if (urban) {
    const building = 1 + Math.floor(r() * 30);
    const room = (1 + Math.floor(r() * 28)) * 100 + 1 + Math.floor(r() * 6);
    return `${pick(r, roads)}${n}号${building}栋${room}室`;
  }
  return `${pick(r, villages)}村${1 + Math.floor(r() * 12)}组${n}号`;
}

export const VILLAGE_WORDS = [
  ...['新庄', '王家', '李庄', '张湾', '大岭', '小河', '东坪', '西岗', '南塘', '北山', '柳树', '杨林'],
  ...['石桥', '黄土', '高坡', '双龙', '桃园', '梨树', '红星', '胜利', '团结', '前进', '光荣', '永丰'],
];

/** Rows per second and percent done, for the progress line. */
export function progressLine(label: string, done: number, total: number, elapsedMs: number): string {
  const pct = total > 0 ? (100 * done) / total : 100;
  const rate = elapsedMs > 0 ? Math.round((done * 1000) / elapsedMs) : 0;
  return `${label} ${pct.toFixed(1).padStart(5)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} · ${rate.toLocaleString('en-US')}/s · ${(elapsedMs / 1000).toFixed(0)} s`;
}
