import { describe, expect, test } from 'vitest';
import { loadPackSet } from './load.ts';

const file = (fileName: string, body: string) => ({ fileName, text: body });
const head = (id: string, version: number, ext?: string, from = '2026-01-01') =>
  `id: ${id}\nversion: ${version}\n${ext ? `extends: ${ext}\n` : ''}name: { zh-CN: 包, en-US: Pack }\neffective: { from: ${from} }\n`;
const base = (version: number, years: number, from = '2026-01-01') =>
  file(
    `base-v${version}.yaml`,
    `${head('base', version, undefined, from)}warranty:\n  categories:\n    washer:\n      wholeUnit: { years: ${years} }\n`,
  );

describe('loadPackSet', () => {
  test('resolves each brand pack over its base', () => {
    const set = loadPackSet([
      base(1, 1),
      file('b.yaml', `${head('b', 1, 'base')}returns:\n  returnWithin: { days: 7 }\n`),
    ]);
    expect(set.errors).toEqual([]);
    const b = set.packs.find((p) => p.id === 'b')!;
    expect(b.warranty?.categories?.washer?.wholeUnit).toEqual({ years: 1 });
    expect(b.resolved.chain.map((c) => c.id)).toEqual(['base', 'b']);
  });

  test('picks the base version effective when the brand pack starts', () => {
    const set = loadPackSet([
      base(1, 1),
      base(2, 2, '2027-01-01'),
      file('b.yaml', head('b', 1, 'base', '2026-06-01')),
      file('c.yaml', head('c', 1, 'base', '2027-02-01')),
    ]);
    expect(set.errors).toEqual([]);
    expect(set.packs.find((p) => p.id === 'b')!.resolved.chain[0]).toEqual({
      id: 'base',
      version: 1,
      paths: expect.any(Array),
    });
    expect(set.packs.find((p) => p.id === 'c')!.warranty?.categories?.washer?.wholeUnit).toEqual({ years: 2 });
  });

  test('reports parse errors with their file, a missing base, a cycle and a duplicate version', () => {
    const set = loadPackSet([
      base(1, 1),
      base(1, 3),
      file('bad.yaml', `${head('bad', 1)}warranty: { nonsense: 1 }\n`),
      file('orphan.yaml', head('orphan', 1, 'nowhere')),
      file('x.yaml', head('x', 1, 'y')),
      file('y.yaml', head('y', 1, 'x')),
    ]);
    const messages = set.errors.map((e) => `${e.fileName}:${e.line} ${e.message}`);
    expect(messages.some((m) => m.startsWith('base-v1.yaml:1') && m.includes('defined twice'))).toBe(true);
    expect(set.errors.find((e) => e.fileName === 'bad.yaml')).toMatchObject({ line: 5, path: 'warranty' });
    expect(messages.some((m) => m.includes('nowhere, which no file defines'))).toBe(true);
    expect(messages.some((m) => m.includes('cycle'))).toBe(true);
    expect(set.packs.map((p) => p.id)).toEqual(['base']);
  });
});
