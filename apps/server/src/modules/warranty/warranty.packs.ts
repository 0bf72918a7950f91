// The shipped policy packs, read from the policies folder (the policy package is pure, so the reading
// happens here) once per folder and process, at start: they are imported into the database
// (modules/policies/policies.store.ts), whose active and retired versions the engine evaluates with.
// A shipped pack that does not parse or resolve stops the app from starting, with its file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPackSet, type PackFile, type ResolvedPack, selectPack } from '@aftercare/policy';

export class PolicyLoadError extends Error {}

/** A set of pack versions to choose from (the PackStore's current set, or a folder's files). */
export interface Policies {
  packs: ResolvedPack[];
}

/** The packs of a policies folder, with the files they were read from. */
export interface PolicyFiles extends Policies {
  dir: string;
  files: PackFile[];
}

const loaded = new Map<string, PolicyFiles>();

/** Every version of every pack in `dir` (`*.yaml`, `*.yml`), resolved over its base; throws PolicyLoadError. */
export function loadPolicies(dir: string): PolicyFiles {
  const cached = loaded.get(dir);
  if (cached) return cached;
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'))
      .sort();
  } catch (e) {
    throw new PolicyLoadError(`policy packs: cannot read ${dir}: ${(e as Error).message}`);
  }
  if (names.length === 0) throw new PolicyLoadError(`policy packs: no *.yaml file in ${dir}`);
  const files = names.map((fileName) => ({ fileName, text: readFileSync(join(dir, fileName), 'utf8') }));
  const set = loadPackSet(files);
  if (set.errors.length > 0) {
    // Parse errors already name file:line:col in their message; resolve errors name only the file.
    const lines = set.errors.map((e) =>
      e.message.startsWith(`${e.fileName}:${e.line}:`) ? e.message : `${e.fileName}:${e.line}:${e.column} ${e.message}`,
    );
    throw new PolicyLoadError(`policy packs in ${dir} are invalid:\n  ${lines.join('\n  ')}`);
  }
  const policies = { dir, packs: set.packs, files };
  loaded.set(dir, policies);
  return policies;
}

export type PackChoice = { pack: ResolvedPack; rule: 'in-force' | 'requested' | 'earliest' | 'latest' };

/**
 * The version of pack `id` to judge with: the one requested, else the newest in force on `date`; when
 * none is in force, the earliest version for a date before every version took effect (a product bought
 * before the pack existed), else the latest version that had started. Undefined when no file defines
 * the pack (or the requested version).
 */
export function choosePack(policies: Policies, id: string, date: string, version?: number): PackChoice | undefined {
  const versions = policies.packs.filter((p) => p.id === id);
  if (version !== undefined) {
    const pack = versions.find((p) => p.version === version);
    return pack ? { pack, rule: 'requested' } : undefined;
  }
  const inForce = selectPack(versions, id, date);
  if (inForce) return { pack: inForce, rule: 'in-force' };
  const started = versions.filter((p) => p.effective.from <= date).sort((a, b) => b.version - a.version)[0];
  if (started) return { pack: started, rule: 'latest' };
  const earliest = [...versions].sort((a, b) => a.effective.from.localeCompare(b.effective.from))[0];
  return earliest ? { pack: earliest, rule: 'earliest' } : undefined;
}
