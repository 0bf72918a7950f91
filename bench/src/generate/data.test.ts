import { describe, expect, it } from 'vitest';
import { MOBILE_PREFIXES } from '../../../apps/server/src/modules/demo/catalog.ts';
import { normalizePhone } from '../../../apps/server/src/platform/phone.ts';
import {
  addressDetail,
  batchRng,
  landline,
  landlineForm,
  mobileForm,
  mobileOf,
  progressLine,
  rng,
  serialOf,
  uuid,
  VILLAGE_WORDS,
} from './data.ts';
import { lookupForm, parseGenerateArgs } from './options.ts';

describe('generator data', () => {
  it('is deterministic per seed and batch', () => {
    const a = batchRng(1, 5);
    const b = batchRng(1, 5);
    const c = batchRng(1, 6);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('makes UUIDv7 ids that sort by their timestamp', () => {
    const r = rng(3);
    const ids = [uuid(r, 1_000), uuid(r, 1_001), uuid(r, 2 ** 40 + 5)];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]!.slice(0, 13)).toBe('00000000-03e8');
  });

  it('gives every customer a distinct mobile the app accepts', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const m = mobileOf(i, 1, MOBILE_PREFIXES);
      expect(normalizePhone(m)?.normalized).toBe(m);
      seen.add(m);
    }
    expect(seen.size).toBe(20_000);
    // Far apart indices with the same prefix stay distinct too.
    expect(mobileOf(37 * 1_000_000, 1, MOBILE_PREFIXES)).not.toBe(mobileOf(0, 1, MOBILE_PREFIXES));
  });

  it('writes numbers in forms that normalize back to the national form', () => {
    const r = rng(9);
    for (let k = 0; k < 12; k++) {
      expect(normalizePhone(mobileForm('13812345678', k))?.normalized).toBe('13812345678');
      expect(normalizePhone(lookupForm('13812345678', k))?.normalized).toBe('13812345678');
      const l = landline(r);
      expect(normalizePhone(l)).toEqual({ normalized: l, kind: 'landline' });
      expect(normalizePhone(landlineForm(l, k))?.normalized).toBe(l);
      expect(normalizePhone(lookupForm(l, k))?.normalized).toBe(l);
    }
    expect(lookupForm('13812345678', 1)).toBe('+86 138-1234-5678');
    expect(lookupForm('13812345678', 2)).toBe('008613812345678');
  });

  it('makes unique serials with the production month', () => {
    const at = new Date(Date.UTC(2024, 2, 5));
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) seen.add(serialOf(i, 'AU', at));
    expect(seen.size).toBe(50_000);
    expect(serialOf(0, 'AU', at)).toMatch(/^AU2403[0-9A-Z]{7}$/);
  });

  it('writes urban and rural address details', () => {
    const r = rng(1);
    expect(addressDetail(r, true, ['幸福路'], VILLAGE_WORDS)).toMatch(/^幸福路\d+号\d+栋\d+室$/);
    expect(addressDetail(r, false, ['幸福路'], VILLAGE_WORDS)).toMatch(/^\p{Script=Han}+村\d+组\d+号$/u);
  });

  it('shows percent and rate', () => {
    expect(progressLine('customers', 250_000, 1_000_000, 10_000)).toBe(
      'customers  25.0% 250,000/1,000,000 · 25,000/s · 10 s',
    );
  });
});

describe('generator options', () => {
  const env = { BENCH_DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test' };
  it('parses and checks', () => {
    const o = parseGenerateArgs(['--customers', '10_000_000', '--seed', '2', '--replace'], env);
    expect(o).toMatchObject({ customers: 10_000_000, seed: 2, replace: true, database: 'aftercare_screenpop' });
    expect(() => parseGenerateArgs([], env)).toThrow(/--customers/);
    expect(() => parseGenerateArgs(['--customers', '10'], {})).toThrow(/BENCH_DATABASE_URL/);
    expect(() => parseGenerateArgs(['--customers', '10', '--database', 'x; drop'], env)).toThrow(/--database/);
    expect(() => parseGenerateArgs(['--customers', '1.5'], env)).toThrow(/integer/);
  });
});
