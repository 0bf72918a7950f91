import type { ImportProgress } from '../../api/imports.ts';

/** What the progress bar shows for a run: percent of rows written, or an unknown share while checking. */
export function progressBar(p: ImportProgress | null | undefined): {
  percent: number;
  phase: 'waiting' | 'checking' | 'writing' | 'done' | 'failed';
  processed: number;
  total: number | null;
} {
  if (!p) return { percent: 0, phase: 'waiting', processed: 0, total: null };
  const total = p.total;
  const percent =
    p.phase === 'done' ? 100 : total && total > 0 ? Math.min(99, Math.floor((p.processed / total) * 100)) : 0;
  return { percent, phase: p.phase, processed: p.processed, total };
}

/** A random (version 4) UUID; crypto.randomUUID exists only in secure contexts (https, localhost). */
export function newJobId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
