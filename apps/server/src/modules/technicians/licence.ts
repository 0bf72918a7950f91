/**
 * Licence (上岗证) validity in business time: a licence "valid until 2026-03-15" is valid through
 * 23:59:59 of that day in Asia/Shanghai (UTC+8 all year, no daylight saving).
 */
export type LicenceState = 'valid' | 'expiring' | 'expired' | 'missing';

/** A licence ending within this many days (inclusive) is "expiring". */
export const LICENCE_EXPIRING_DAYS = 30;

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The calendar date (YYYY-MM-DD) in Asia/Shanghai at the given instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-DD plus n calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function licenceState(validUntil: string | null, now: Date): LicenceState {
  if (!validUntil) return 'missing';
  const today = shanghaiDate(now);
  if (validUntil < today) return 'expired';
  return validUntil <= addDays(today, LICENCE_EXPIRING_DAYS) ? 'expiring' : 'valid';
}

export function licenceValid(validUntil: string | null, now: Date): boolean {
  const s = licenceState(validUntil, now);
  return s === 'valid' || s === 'expiring';
}
