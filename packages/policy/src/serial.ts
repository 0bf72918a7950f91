// Production date from the serial number, by the brand's rules in its pack (`serial.rules`). Pure:
// the caller gives the pack in force and the product; the answer is the date and the rule that
// read it, or null with the reason (no rule for the product, no match, a date the calendar lacks).
import { addDays, compareDates, dayNumber, daysInMonth, type IsoDate } from './dates.ts';
import type { Localized, Pack, SerialRule } from './schema.ts';

export interface SerialProduct {
  /** Pack category (`air-conditioner`). */
  category: string;
  model?: string | null | undefined;
  serial: string | null | undefined;
  /** A decoded date after this day (the purchase, or today) is refused as implausible. */
  notAfter?: IsoDate | undefined;
}

export type SerialDecodeReason = 'no-serial' | 'no-rules' | 'no-rule-for-product' | 'no-match' | 'invalid-date';

export type SerialDecoding =
  | { date: IsoDate; rule: string; path: string }
  | { date: null; reason: SerialDecodeReason; rule?: string; explanation: Localized };

const EXPLAIN: Record<SerialDecodeReason, Localized> = {
  'no-serial': { 'zh-CN': '没有序列号。', 'en-US': 'There is no serial number.' },
  'no-rules': { 'zh-CN': '本政策包没有序列号解码规则。', 'en-US': 'This policy pack has no serial-number rules.' },
  'no-rule-for-product': {
    'zh-CN': '没有适用于该品类或型号的序列号规则。',
    'en-US': 'No serial-number rule is for this category or model.',
  },
  'no-match': { 'zh-CN': '序列号不符合任何适用规则的格式。', 'en-US': 'The serial matches no applicable rule.' },
  'invalid-date': {
    'zh-CN': '序列号中的日期无效或晚于购买日期/今天。',
    'en-US': 'The date in the serial does not exist or is later than the purchase (or today).',
  },
};

const fmt = (y: number, m: number, d: number): IsoDate =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Monday of ISO week `week` of `year`, or null when the year has no such week. */
export function isoWeekMonday(year: number, week: number): IsoDate | null {
  if (week < 1 || week > 53) return null;
  const jan4 = fmt(year, 1, 4);
  const isoWeekday = (((dayNumber(jan4) + 3) % 7) + 7) % 7; // Monday 0 (1970-01-01 was a Thursday)
  const monday = addDays(jan4, -isoWeekday + 7 * (week - 1));
  // Week 53 exists only when its Thursday still falls in the year.
  return addDays(monday, 3).startsWith(`${String(year).padStart(4, '0')}-`) ? monday : null;
}

/** The date a rule's match names, or null when it is not a real date. */
function dateOf(groups: Record<string, string | undefined>): IsoDate | null {
  const y = groups.year ?? '';
  if (!/^\d{2}$|^\d{4}$/.test(y)) return null;
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  if (groups.week !== undefined) {
    if (!/^\d{1,2}$/.test(groups.week)) return null;
    return isoWeekMonday(year, Number(groups.week));
  }
  const month = Number(groups.month);
  if (!/^\d{1,2}$/.test(groups.month ?? '') || month < 1 || month > 12) return null;
  if (groups.day === undefined) return fmt(year, month, 1);
  const day = Number(groups.day);
  if (!/^\d{1,2}$/.test(groups.day) || day < 1 || day > daysInMonth(year, month)) return null;
  return fmt(year, month, day);
}

function fits(rule: SerialRule, p: SerialProduct): boolean {
  if (rule.categories && !rule.categories.includes(p.category)) return false;
  if (rule.model !== undefined && !(p.model && new RegExp(rule.model).test(p.model))) return false;
  return true;
}

/** The production date the pack's serial rules read from the product's serial. */
export function decodeProductionDate(pack: Pack, product: SerialProduct): SerialDecoding {
  const no = (reason: SerialDecodeReason, rule?: string): SerialDecoding => ({
    date: null,
    reason,
    ...(rule ? { rule } : {}),
    explanation: EXPLAIN[reason],
  });
  const serial = product.serial?.trim().toUpperCase();
  if (!serial) return no('no-serial');
  const rules = pack.serial?.rules ?? [];
  if (rules.length === 0) return no('no-rules');
  const applicable = rules.map((rule, i) => ({ rule, i })).filter(({ rule }) => fits(rule, product));
  if (applicable.length === 0) return no('no-rule-for-product');
  for (const { rule, i } of applicable) {
    const m = new RegExp(rule.pattern).exec(serial);
    if (!m) continue;
    const date = dateOf(m.groups ?? {});
    if (!date || (product.notAfter && compareDates(date, product.notAfter) > 0)) return no('invalid-date', rule.id);
    return { date, rule: rule.id, path: `serial.rules.${i}` };
  }
  return no('no-match');
}
