import { describe, expect, test } from 'vitest';
import { parsePack } from './parse.ts';

const GOOD = `id: test-pack
version: 2
name: { zh-CN: 测试, en-US: Test }
effective: { from: 2026-01-01 }
warranty:
  categories:
    washer:
      wholeUnit: { years: 1 }
`;

describe('parsePack', () => {
  test('a valid pack parses, dates stay calendar strings', () => {
    const r = parsePack(GOOD, 'test.yaml');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.pack.version).toBe(2);
      expect(r.pack.effective.from).toBe('2026-01-01');
      expect(r.pack.warranty?.categories?.washer?.wholeUnit).toEqual({ years: 1 });
    }
  });

  test('a YAML syntax error points at its line', () => {
    const r = parsePack('id: x\nversion: [1\nname: y\n', 'bad.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.line).toBeGreaterThanOrEqual(2);
  });

  test('a wrong value points at the value line and names the path', () => {
    const r = parsePack(GOOD.replace('wholeUnit: { years: 1 }', 'wholeUnit: { years: -1 }'), 'test.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ line: 8, path: 'warranty.categories.washer.wholeUnit.years' });
      expect(r.errors[0]!.message).toMatch(/^test\.yaml:8:/);
    }
  });

  test('an unknown key points at that key', () => {
    const r = parsePack(GOOD.replace('    washer:\n', '    washer:\n      wholeUnitt: { years: 1 }\n'), 'test.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 8, column: 7, path: 'warranty.categories.washer' });
  });

  test('a term with two units, a bad date and a missing version each point at their line', () => {
    const text = GOOD.replace('version: 2\n', '')
      .replace('from: 2026-01-01', 'from: 2026-02-30')
      .replace('{ years: 1 }', '{ years: 1, months: 2 }');
    const r = parsePack(text, 't.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.line]));
      expect(byPath.version).toBe(1); // missing: points at the document
      expect(byPath['effective.from']).toBe(3);
      expect(byPath['warranty.categories.washer.wholeUnit']).toBe(7);
    }
  });

  test('a base pack needs a whole-unit term for each category', () => {
    const r = parsePack(GOOD.replace('wholeUnit: { years: 1 }', 'labor: { years: 1 }'), 'test.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 7, path: 'warranty.categories.washer' });
  });

  test('an alias bomb is refused, not expanded', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      bomb.push(
        `${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(10)
          .fill(`*${'abcdefghij'[i - 1]}`)
          .join(', ')}]`,
      );
    const r = parsePack(`${bomb.join('\n')}\n`, 'bomb.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/alias/i);
  });

  test('an empty file is an error at line 1', () => {
    const r = parsePack('', 'empty.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.line).toBe(1);
  });

  test('duplicate keys are refused', () => {
    const r = parsePack(`${GOOD}version: 3\n`, 'dup.yaml');
    expect(r.ok).toBe(false);
  });

  test('reserved sections for later issues are accepted as data', () => {
    const r = parsePack(`${GOOD}settlement:\n  anything: { goes: 1 }\ncare: { workdays: [1, 2] }\n`, 'x.yaml');
    expect(r.ok).toBe(true);
  });
});
