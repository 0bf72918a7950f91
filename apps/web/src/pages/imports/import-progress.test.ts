import { expect, test } from 'vitest';
import { newJobId, progressBar } from './import-progress.ts';

const p = (phase: 'checking' | 'writing' | 'done' | 'failed', processed: number, total: number | null) => ({
  jobId: '00000000-0000-4000-8000-000000000000',
  kind: 'sales' as const,
  dryRun: false,
  phase,
  processed,
  total,
  startedAt: '',
  finishedAt: null,
});

test('the bar shows rows written of the total, never 100 % before the import is done', () => {
  expect(progressBar(null)).toEqual({ percent: 0, phase: 'waiting', processed: 0, total: null });
  expect(progressBar(p('checking', 0, null))).toMatchObject({ percent: 0, phase: 'checking' });
  expect(progressBar(p('writing', 500, 2000))).toMatchObject({ percent: 25, processed: 500, total: 2000 });
  expect(progressBar(p('writing', 2000, 2000)).percent).toBe(99);
  expect(progressBar(p('done', 2000, 2000)).percent).toBe(100);
  expect(progressBar(p('writing', 0, 0)).percent).toBe(0);
});

test('job ids are version-4 UUIDs the server accepts', () => {
  const ids = new Set(Array.from({ length: 20 }, newJobId));
  expect(ids.size).toBe(20);
  for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
