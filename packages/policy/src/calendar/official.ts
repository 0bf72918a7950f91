// The official PRC calendar (国务院办公厅 holiday notices) from the `chinese-days` data package:
// public holidays (incl. the weekdays given off in lieu) and adjusted working days (调休, a Saturday
// or Sunday worked to bridge a holiday). Years the package does not cover fall back to Monday–Friday
// working (`covered: false`); calendar_days override rows add such a year without a release.
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

export interface OfficialDay {
  working: boolean;
  /** A public holiday (or a day given off in lieu that belongs to it). */
  holiday: boolean;
  /** An adjusted working day (调休): a weekend day worked because of a nearby holiday. */
  adjusted: boolean;
  /** The holiday's Chinese name (春节, 国庆节 …), null on an ordinary day. */
  name: string | null;
  /** The holiday's English name, null on an ordinary day. */
  nameEn: string | null;
  /** Whether the data package has this year's official notice. */
  covered: boolean;
}

interface Entry {
  en: string;
  zh: string;
}

function table(raw: Record<string, string>): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const [date, value] of Object.entries(raw)) {
    const [en = '', zh = ''] = value.split(',');
    out.set(date, { en, zh: zh || en });
  }
  return out;
}

const HOLIDAYS = table(data.holidays as Record<string, string>);
const WORKDAYS = table(data.workdays as Record<string, string>);
const years = [...HOLIDAYS.keys(), ...WORKDAYS.keys()].map((d) => Number(d.slice(0, 4)));
/** The first and last year the shipped data covers (2004–2026 in chinese-days 1.5.7). */
export const OFFICIAL_YEARS = { from: Math.min(...years), to: Math.max(...years) } as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day of week of an ISO date, 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
}

/** The official day from the chinese-days data package (2004–2026 shipped), overrides aside. */
export function officialDay(date: string): OfficialDay {
  const year = Number(date.slice(0, 4));
  const covered = year >= OFFICIAL_YEARS.from && year <= OFFICIAL_YEARS.to;
  const holiday = HOLIDAYS.get(date);
  if (holiday) return { working: false, holiday: true, adjusted: false, name: holiday.zh, nameEn: holiday.en, covered };
  const workday = WORKDAYS.get(date);
  if (workday) return { working: true, holiday: false, adjusted: true, name: workday.zh, nameEn: workday.en, covered };
  const dow = weekday(date);
  return { working: dow !== 0 && dow !== 6, holiday: false, adjusted: false, name: null, nameEn: null, covered };
}

/** The days of a year that are not ordinary: holidays and adjusted working days, in date order. */
export function officialSpecialDays(year: number): ({ date: string } & OfficialDay)[] {
  const prefix = `${year}-`;
  const dates = [...HOLIDAYS.keys(), ...WORKDAYS.keys()].filter((d) => d.startsWith(prefix)).sort();
  return dates.map((date) => ({ date, ...officialDay(date) }));
}
