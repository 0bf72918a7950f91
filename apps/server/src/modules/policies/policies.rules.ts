// The rules of pack versions: checking a text (parse, then resolve it over its base among the stored
// versions), which versions a newly active one replaces, and where a top-level key sits in a text.
import { loadPackSet, type Pack, type PackError, type PackFile, parsePack } from '@aftercare/policy';
import type { Tx } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';

export const BASELINE_PACK = 'cn-baseline';
const CANDIDATE = 'candidate';

/** A text already validated (a shipped file, a stored version): the pack, or an Error. */
export function parseStored(text: string, fileName: string): Pack {
  const r = parsePack(text, fileName);
  if (!r.ok) throw new Error(`${fileName}: ${r.errors[0]?.message ?? 'invalid'}`);
  return r.pack;
}

export type Checked = { ok: true; pack: Pack; errors: [] } | { ok: false; pack: Pack | null; errors: PackError[] };

/**
 * Parses `source` with the policy package and resolves it over its base among `stored` (the
 * active and retired versions the caller may see): a brand pack whose base is missing or whose merge
 * leaves a category without a whole-unit term is an error, like a syntax or schema error. When the
 * text is a base pack, the stored packs that would resolve over it are checked too (their errors name
 * them, at line 1). A stored version with the text's own id and version is left out of `stored`.
 */
export function checkSource(source: string, stored: readonly PackFile[]): Checked {
  const parsed = parsePack(source, CANDIDATE);
  if (!parsed.ok) return { ok: false, pack: null, errors: parsed.errors.map(stripFileName) };
  const pack = parsed.pack;
  const others = stored.filter((f) => f.fileName !== `${pack.id}@${pack.version}`);
  const set = loadPackSet([...others, { fileName: CANDIDATE, text: source }]);
  const baseline = loadPackSet(others);
  const known = new Set(baseline.errors.map((e) => `${e.fileName} ${e.message}`));
  // Errors of the text itself, and errors it causes in other packs (not those they had already).
  const errors = set.errors
    .filter((e) => e.fileName === CANDIDATE || !known.has(`${e.fileName} ${e.message}`))
    .map((e) =>
      e.fileName === CANDIDATE
        ? { ...stripFileName(e), line: e.line === 1 && e.path ? lineOfKey(source, e.path.split('.')[0]!) : e.line }
        : { line: 1, column: 1, path: '', message: `${e.fileName.replace('@', ' v')}: ${stripFileName(e).message}` },
    );
  return errors.length ? { ok: false, pack, errors } : { ok: true, pack, errors: [] };
}

/** The policy package prefixes messages with the file name (`candidate:3:5 path: …`); the console shows line and column itself. */
function stripFileName(e: PackError): PackError {
  let message = e.message.replace(new RegExp(`^${CANDIDATE}(:\\d+:\\d+)?:?\\s*`), '');
  // Schema messages repeat the path (`warranty.x: …`); it is a field of its own here.
  for (const prefix of [`${e.path}: `, '(pack): '])
    if (message.startsWith(prefix)) message = message.slice(prefix.length);
  return { line: e.line, column: e.column, path: e.path, message };
}

/** The line (1-based) of a top-level key (`id:`, `version:`) in a pack text, for errors about it. */
export function lineOfKey(source: string, key: string): number {
  const i = source.split('\n').findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
  return i < 0 ? 1 : i + 1;
}

interface Period {
  version: number;
  effective_from: string;
  effective_to: string | null;
}

/**
 * Whether `newer` replaces `older` for the whole of older's period: it starts on or before older's
 * start and does not end before older ends. Then no date is left on which older would be chosen.
 * A newer version that starts later (a brand's new terms from a date) leaves the older one in force
 * for the purchases before that date.
 */
export function replaces(newer: Period, older: Period): boolean {
  if (newer.version <= older.version) return false;
  if (newer.effective_from > older.effective_from) return false;
  if (newer.effective_to === null) return true;
  return older.effective_to !== null && newer.effective_to >= older.effective_to;
}

/** Retires the active versions of `packId` that a newer non-draft version replaces; returns their numbers. */
export async function retireShadowed(trx: Tx, clock: Clock, packId: string): Promise<number[]> {
  const rows = await trx
    .selectFrom('policy_packs')
    .select(['version', 'status', 'effective_from', 'effective_to'])
    .where('pack_id', '=', packId)
    .where('status', '<>', 'draft')
    .execute();
  const retired = rows
    .filter((old) => old.status === 'active' && rows.some((n) => replaces(n, old)))
    .map((r) => r.version);
  if (retired.length > 0)
    await trx
      .updateTable('policy_packs')
      .set({ status: 'retired', retired_at: clock.now() })
      .where('pack_id', '=', packId)
      .where('version', 'in', retired)
      .execute();
  return retired.sort((a, b) => a - b);
}
