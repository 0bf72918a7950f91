// Pure helpers of the policy-pack pages: the lines of a unified diff, and a draft's starting text.

export type DiffLineKind = 'add' | 'del' | 'context' | 'hunk' | 'header';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
  /** Line numbers in the old and new text (context and changed lines). */
  oldLine?: number;
  newLine?: number;
}

/** A unified diff (`---`/`+++` headers, `@@ -a,b +c,d @@` hunks) as lines to colour, with line numbers. */
export function diffLines(unified: string): DiffLine[] {
  const out: DiffLine[] = [];
  let oldLine = 0;
  let newLine = 0;
  for (const text of unified.split('\n')) {
    if (text.startsWith('===') || text.startsWith('Index:')) continue;
    if (text.startsWith('---') || text.startsWith('+++')) {
      out.push({ kind: 'header', text });
      continue;
    }
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (hunk) {
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[2]);
      out.push({ kind: 'hunk', text });
    } else if (text.startsWith('+')) out.push({ kind: 'add', text: text.slice(1), newLine: newLine++ });
    else if (text.startsWith('-')) out.push({ kind: 'del', text: text.slice(1), oldLine: oldLine++ });
    else if (text.startsWith(' '))
      out.push({ kind: 'context', text: text.slice(1), oldLine: oldLine++, newLine: newLine++ });
    // '\ No newline at end of file' and the empty last line carry nothing to show.
  }
  return out;
}

/** The text of a new draft: `source` with its top-level `version:` set to `version`. */
export function withVersion(source: string, version: number): string {
  return /^version:[^\n]*$/m.test(source)
    ? source.replace(/^version:[^\n]*$/m, `version: ${version}`)
    : `version: ${version}\n${source}`;
}
