import type { TFunction } from 'i18next';

/** Whole minutes as "2 d 3 h", "3 h 05 min" or "45 min" (i18n `milestones.duration`). */
export function durationText(t: TFunction, minutes: number): string {
  const m = Math.max(0, Math.floor(minutes));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const mm = m % 60;
  if (d > 0) return t('milestones.duration.d', { d, h });
  if (h > 0) return t('milestones.duration.h', { h, m: String(mm).padStart(2, '0') });
  return t('milestones.duration.m', { m: mm });
}

/** Minutes from `now` to `dueAt`: positive while time is left, negative once late. */
export function minutesToDue(dueAt: string | null | undefined, nowMs: number): number | null {
  if (!dueAt) return null;
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return null;
  return (due - nowMs) / 60_000;
}

/** A localized name in the UI language. */
export function nameIn(name: { 'zh-CN': string; 'en-US': string } | undefined | null, lang: string): string {
  if (!name) return '';
  return lang === 'en-US' ? name['en-US'] || name['zh-CN'] : name['zh-CN'] || name['en-US'];
}
