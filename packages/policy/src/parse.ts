// YAML text → validated Pack, with every error pointing at a line and column of the file.
import { isMap, isNode, isPair, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Pack, packSchema } from './schema.ts';

export interface PackError {
  line: number;
  column: number;
  /** Dotted path into the pack (`warranty.categories.washer.wholeUnit`), empty for the document. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; pack: Pack } | { ok: false; errors: PackError[] };

type Doc = ReturnType<typeof parseDocument>;

export function parsePack(yamlText: string, fileName = 'pack.yaml'): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const { line, col } = at(e.pos[0]);
        return { line, column: col, path: '', message: `${fileName}: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, errors: [{ line: 1, column: 1, path: '', message: `${fileName}: ${(e as Error).message}` }] };
  }
  const result = packSchema.safeParse(data);
  if (result.success) return { ok: true, pack: result.data };
  const errors = result.error.issues.map((issue) => {
    const offset = offsetOf(doc, issue);
    const { line, col } = at(offset);
    const path = issue.path.map(String).join('.');
    return { line, column: col, path, message: `${fileName}:${line}:${col} ${path || '(pack)'}: ${issue.message}` };
  });
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors };
}

/** Where an issue points: the node at its path, the offending key for unknown keys, else the nearest parent. */
function offsetOf(doc: Doc, issue: z.core.$ZodIssue): number {
  const path = issue.path as (string | number)[];
  if (issue.code === 'unrecognized_keys') {
    const parent = doc.getIn(path, true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && issue.keys.includes(String(p.key.value)));
      if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
    }
  }
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (!isNode(node) || !node.range) continue;
    // Point at the key that names the node (`washer:`), not where its block value begins.
    if (n > 0) {
      const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
      const key = isNode(parent) ? keyOffset(parent, path[n - 1]) : undefined;
      if (key !== undefined) return key;
    }
    return node.range[0];
  }
  return 0;
}

/** The offset of `key` in a map node, when the node is a map holding it. */
function keyOffset(map: Node, key: string | number | undefined): number | undefined {
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
  return pair && isNode(pair.key) ? pair.key.range?.[0] : undefined;
}
