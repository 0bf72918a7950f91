import { describe, expect, it } from 'vitest';
import { diffLines, withVersion } from './policy-text.ts';

describe('policy pack text helpers', () => {
  it('reads a unified diff into coloured lines with their numbers', () => {
    const unified = [
      '===================================================================',
      '--- aux v1',
      '+++ aux v2',
      '@@ -4,3 +4,3 @@',
      ' id: aux',
      '-version: 1',
      '+version: 2',
      ' extends: cn-baseline',
      '\\ No newline at end of file',
      '',
    ].join('\n');
    expect(diffLines(unified)).toEqual([
      { kind: 'header', text: '--- aux v1' },
      { kind: 'header', text: '+++ aux v2' },
      { kind: 'hunk', text: '@@ -4,3 +4,3 @@' },
      { kind: 'context', text: 'id: aux', oldLine: 4, newLine: 4 },
      { kind: 'del', text: 'version: 1', oldLine: 5 },
      { kind: 'add', text: 'version: 2', newLine: 5 },
      { kind: 'context', text: 'extends: cn-baseline', oldLine: 6, newLine: 6 },
    ]);
  });

  it('starts a draft from a stored text with the next version number', () => {
    expect(withVersion('# AUX\nid: aux\nversion: 3\nname: x\n', 4)).toBe('# AUX\nid: aux\nversion: 4\nname: x\n');
    expect(withVersion('id: aux\n', 2)).toBe('version: 2\nid: aux\n');
    // Only the top-level key, not a nested one.
    expect(withVersion('id: a\nversion: 1\nx:\n  version: 1\n', 2)).toBe('id: a\nversion: 2\nx:\n  version: 1\n');
  });
});
