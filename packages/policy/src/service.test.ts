// The `service` section: offer deadline, checklist, completion code and return visit per shipped pack.
import { describe, expect, test } from 'vitest';
import { shipped } from '../test/packs.ts';
import { parsePack } from './parse.ts';
import { distanceMetres, SERVICE_DEFAULTS, serviceRules } from './service.ts';

describe('service rules', () => {
  test('the baseline sets a 30-minute offer, a four-item checklist, a 6-digit code and a 72-hour return visit', () => {
    const r = serviceRules(shipped('cn-baseline'));
    expect(r.acceptMinutes).toBe(30);
    expect(r.checklist.map((c) => c.id)).toEqual(['licence-shown', 'fee-standard-shown', 'power-on-test', 'clean-up']);
    expect(r.codeLength).toBe(6);
    expect(r.returnVisitDueHours).toBe(72);
  });

  test("Midea's checklist is its conduct standard and replaces the baseline's list as a whole", () => {
    const r = serviceRules(shipped('midea'));
    expect(r.checklist).toHaveLength(8);
    expect(r.checklist.map((c) => c.id)).toContain('shoe-covers');
    expect(r.checklist.every((c) => c.required)).toBe(true);
    // Not set by Midea: inherited from the baseline.
    expect(r.acceptMinutes).toBe(30);
  });

  test('a pack without a service section gets the defaults', () => {
    expect(serviceRules(undefined)).toEqual({
      acceptMinutes: SERVICE_DEFAULTS.acceptMinutes,
      maxAutoOffers: SERVICE_DEFAULTS.maxAutoOffers,
      checklist: [],
      checkInMaxDistanceM: SERVICE_DEFAULTS.checkInMaxDistanceM,
      codeTtlMinutes: SERVICE_DEFAULTS.codeTtlMinutes,
      codeLength: SERVICE_DEFAULTS.codeLength,
      returnVisitDueHours: SERVICE_DEFAULTS.returnVisitDueHours,
    });
  });

  test('a bad value points at its line', () => {
    const text = [
      'id: x',
      'version: 1',
      'name: { zh-CN: 测试, en-US: Test }',
      'effective: { from: 2026-01-01 }',
      'service:',
      '  dispatch:',
      '    acceptMinutes: -5',
    ].join('\n');
    const r = parsePack(text, 'x.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 7 });
  });

  test('distance in metres: 1 km of latitude is about 1 112 m per 0.01°', () => {
    expect(distanceMetres({ lat: 31.2, lng: 121.5 }, { lat: 31.21, lng: 121.5 })).toBe(1112);
    expect(distanceMetres({ lat: 31.2, lng: 121.5 }, { lat: 31.2, lng: 121.5 })).toBe(0);
  });
});
