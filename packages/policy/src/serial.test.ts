// Production date from the serial: pack validation (errors point at the line) and decoding, rule by rule.
import { describe, expect, test } from 'vitest';
import { shipped } from '../test/packs.ts';
import { parsePack } from './parse.ts';
import type { Pack } from './schema.ts';
import { decodeProductionDate, isoWeekMonday } from './serial.ts';

const packText = (rules: string) => `id: demo
version: 1
name: { zh-CN: 示例, en-US: Demo }
effective: { from: 2026-01-01 }
serial:
  rules:
${rules}`;

function pack(rules: string): Pack {
  const r = parsePack(packText(rules));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.pack;
}

const RULES = `    - id: ac-yymm
      categories: [air-conditioner]
      pattern: '^AC(?<year>\\d{2})(?<month>\\d{2})\\d{6}$'
    - id: washer-yyyymmdd
      categories: [washer]
      model: '^XQG'
      pattern: '^W(?<year>\\d{4})(?<month>\\d{2})(?<day>\\d{2})\\d{4}$'
    - id: pc-week
      categories: [pc]
      pattern: '^P(?<year>\\d{2})W(?<week>\\d{2})[A-Z0-9]{4}$'
`;

describe('serial rules are validated when the pack parses', () => {
  test.each([
    ["      pattern: '^(?<year>\\d{2}'\n", 8, 'not a valid regular expression'],
    ["      pattern: '^(?<month>\\d{2})'\n", 8, '(?<year>'],
    ["      pattern: '^(?<year>\\d{2})'\n", 8, 'exactly one of'],
    ["      pattern: '^(?<year>\\d{2})(?<month>\\d{2})(?<week>\\d{2})'\n", 8, 'exactly one of'],
    ["      pattern: '^(?<year>\\d{2})(?<week>\\d{2})(?<day>\\d{2})'\n", 8, 'needs a (?<month>'],
    ["      pattern: '^(?<year>\\d{2})(?<month>\\d{2})(?<lot>\\d)'\n", 8, 'unknown named groups lot'],
    ["      model: '[KFR'\n      pattern: '^(?<year>\\d{2})(?<month>\\d{2})'\n", 8, 'model: not a valid'],
  ])('%j → line %i: %s', (lines, line, message) => {
    const r = parsePack(packText(`    - id: bad\n${lines}`), 'demo.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line });
    expect(r.errors[0]!.message).toContain(message);
    expect(r.errors[0]!.message).toMatch(/^demo\.yaml:8:\d+ serial\.rules\.0\./);
  });

  test('a rule id used twice is an error at the second one', () => {
    const r = parsePack(
      packText(
        `    - id: a\n      pattern: '(?<year>\\d{2})(?<month>\\d{2})'\n    - id: a\n      pattern: '(?<year>\\d{2})(?<week>\\d{2})'\n`,
      ),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 9, path: 'serial.rules.1.id' });
  });
});

describe('decodeProductionDate', () => {
  const p = pack(RULES);
  test.each([
    // [category, model, serial, date or reason]
    ['air-conditioner', null, 'AC2503123456', '2025-03-01'], // 2-digit year, month → first of the month
    ['air-conditioner', null, ' ac2503123456 ', '2025-03-01'], // trimmed, upper-cased
    ['air-conditioner', null, 'AC2513123456', 'invalid-date'], // month 13
    ['air-conditioner', null, 'AC2500123456', 'invalid-date'], // month 0
    ['air-conditioner', null, 'XX2503123456', 'no-match'],
    ['washer', 'XQG80-12', 'W202402291234', '2024-02-29'], // 4-digit year and a day, leap year
    ['washer', 'XQG80-12', 'W202302291234', 'invalid-date'], // 29 February of a common year
    ['washer', 'MB100', 'W202402291234', 'no-rule-for-product'], // model pattern does not fit
    ['washer', null, 'W202402291234', 'no-rule-for-product'], // no model: a model rule does not apply
    ['pc', null, 'P26W01ABCD', '2025-12-29'], // ISO week 1 of 2026 starts in 2025
    ['pc', null, 'P20W53ABCD', '2020-12-28'], // 2020 has 53 weeks
    ['pc', null, 'P21W53ABCD', 'invalid-date'], // 2021 has 52
    ['pc', null, 'P21W00ABCD', 'invalid-date'],
    ['refrigerator', null, 'AC2503123456', 'no-rule-for-product'],
    ['air-conditioner', null, '', 'no-serial'],
  ])('%s %s %j → %s', (category, model, serial, expected) => {
    const d = decodeProductionDate(p, { category, model, serial });
    if (/^\d{4}-/.test(expected)) expect(d).toMatchObject({ date: expected });
    else expect(d).toMatchObject({ date: null, reason: expected });
  });

  test('names the rule and its path; explains a refusal in both languages', () => {
    expect(decodeProductionDate(p, { category: 'pc', serial: 'P26W10ABCD' })).toEqual({
      date: '2026-03-02',
      rule: 'pc-week',
      path: 'serial.rules.2',
    });
    const no = decodeProductionDate(p, { category: 'air-conditioner', serial: 'AC2513123456' });
    expect(no).toMatchObject({ date: null, reason: 'invalid-date', rule: 'ac-yymm' });
    if (no.date === null) expect(no.explanation['zh-CN']).toContain('日期无效');
  });

  test('a decoded date after the purchase (or today) is refused; the same day is accepted', () => {
    const at = (notAfter: string) =>
      decodeProductionDate(p, { category: 'air-conditioner', serial: 'AC2503123456', notAfter });
    expect(at('2025-03-01')).toMatchObject({ date: '2025-03-01' });
    expect(at('2025-02-28')).toMatchObject({ date: null, reason: 'invalid-date' });
  });

  test('a pack without rules says so', () => {
    expect(decodeProductionDate(shipped('cn-baseline'), { category: 'washer', serial: 'X1' })).toMatchObject({
      reason: 'no-rules',
    });
  });

  test('ISO week Mondays', () => {
    expect(isoWeekMonday(2026, 1)).toBe('2025-12-29');
    expect(isoWeekMonday(2027, 1)).toBe('2027-01-04');
    expect(isoWeekMonday(2026, 53)).toBe('2026-12-28');
    expect(isoWeekMonday(2025, 53)).toBeNull();
  });
});

describe('the shipped packs decode the serials the demo data prints', () => {
  test.each([
    ['aux', 'air-conditioner', 'AX2503123000045', '2025-03-01', 'aux-ax-yymm'],
    ['aux', 'heat-pump-water-heater', 'AX2411007000046', '2024-11-01', 'aux-ax-yymm'],
    ['midea', 'washer', 'MD2508001000047', '2025-08-01', 'midea-md-yymm'],
    ['midea', 'washer', 'MD20250815000047', '2025-08-15', 'midea-washer-yyyymmdd'],
    ['fujitsu', 'laptop', 'FJ2401999000048', '2024-01-01', 'fujitsu-fj-yymm'],
    ['fujitsu', 'laptop', 'FJW2610AB12CD34', '2026-03-02', 'fujitsu-fjw-yyww'],
    ['gome', 'television', 'GM2312555000049', '2023-12-01', 'gome-gm-yymm'],
    ['orlusa', 'toilet', 'OL2206010000050', '2022-06-01', 'orlusa-ol-yymm'],
  ])('%s %s %s → %s by %s', (id, category, serial, date, rule) => {
    expect(decodeProductionDate(shipped(id), { category, serial })).toMatchObject({ date, rule });
  });

  test('the baseline has no rules, and a brand pack does not read another brand’s serials', () => {
    expect(
      decodeProductionDate(shipped('aux'), { category: 'air-conditioner', serial: 'MD2508001000047' }),
    ).toMatchObject({ reason: 'no-match' });
  });
});
