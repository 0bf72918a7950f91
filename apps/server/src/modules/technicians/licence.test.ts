import { describe, expect, it } from 'vitest';
import { addDays, licenceState, licenceValid, shanghaiDate } from './licence.ts';

describe('licence validity (Asia/Shanghai business date)', () => {
  it('takes the date in Shanghai, which turns at 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2026-03-15T15:59:59Z'))).toBe('2026-03-15');
    expect(shanghaiDate(new Date('2026-03-15T16:00:00Z'))).toBe('2026-03-16');
  });

  it('adds calendar days across month and leap-year ends', () => {
    expect(addDays('2026-03-15', 30)).toBe('2026-04-14');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('keeps a licence valid until the end of its last day in Shanghai', () => {
    expect(licenceValid('2026-03-15', new Date('2026-03-15T15:59:59Z'))).toBe(true);
    expect(licenceValid('2026-03-15', new Date('2026-03-15T16:00:00Z'))).toBe(false);
    expect(licenceState('2026-03-15', new Date('2026-03-15T16:00:00Z'))).toBe('expired');
  });

  it('calls a licence ending within 30 days expiring, and one without a date missing', () => {
    const now = new Date('2026-03-15T02:00:00Z');
    expect(licenceState('2026-04-14', now)).toBe('expiring');
    expect(licenceState('2026-04-15', now)).toBe('valid');
    expect(licenceState('2026-03-14', now)).toBe('expired');
    expect(licenceState(null, now)).toBe('missing');
    expect(licenceValid(null, now)).toBe(false);
  });
});
