// A set of pack files (as read from policies/ by the caller) → every version of every pack, resolved
// over the pack it extends. Pure: the caller does the reading.
import { type PackError, parsePack } from './parse.ts';
import { type ResolvedPack, resolvePack, selectPack } from './resolve.ts';
import type { Pack } from './schema.ts';

export interface PackFile {
  fileName: string;
  text: string;
}

export interface FileError extends PackError {
  fileName: string;
}

export interface PackSet {
  /** Every version of every pack that parsed and resolved. */
  packs: ResolvedPack[];
  errors: FileError[];
}

/**
 * Parses every file and resolves each pack over its base. A brand pack is resolved over the newest
 * version of its base effective on the brand pack's own `effective.from` (or the newest one when none is).
 */
export function loadPackSet(files: readonly PackFile[]): PackSet {
  const errors: FileError[] = [];
  const parsed: { pack: Pack; fileName: string }[] = [];
  for (const { fileName, text } of files) {
    const r = parsePack(text, fileName);
    if (!r.ok) errors.push(...r.errors.map((e) => ({ ...e, fileName })));
    else if (parsed.some((p) => p.pack.id === r.pack.id && p.pack.version === r.pack.version))
      errors.push(
        fileError(fileName, 'version', `${fileName}: pack ${r.pack.id} version ${r.pack.version} is defined twice`),
      );
    else parsed.push({ pack: r.pack, fileName });
  }
  const resolved = new Map<Pack, ResolvedPack | null>();
  const resolve = (pack: Pack, fileName: string, seen: string[]): ResolvedPack | null => {
    if (resolved.has(pack)) return resolved.get(pack)!;
    let result: ResolvedPack | null = null;
    if (!pack.extends) result = resolvePack(pack);
    else if (seen.includes(pack.extends)) {
      errors.push(
        fileError(fileName, 'extends', `${fileName}: extends forms a cycle: ${[...seen, pack.extends].join(' → ')}`),
      );
    } else {
      const bases = parsed.filter((p) => p.pack.id === pack.extends);
      const base =
        bases.find(
          (b) =>
            b.pack ===
            selectPack(
              bases.map((x) => x.pack),
              pack.extends!,
              pack.effective.from,
            ),
        ) ?? bases.sort((a, b) => b.pack.version - a.pack.version)[0];
      if (!base)
        errors.push(fileError(fileName, 'extends', `${fileName}: extends ${pack.extends}, which no file defines`));
      else {
        const resolvedBase = resolve(base.pack, base.fileName, [...seen, pack.id]);
        if (resolvedBase) {
          try {
            result = resolvePack(pack, resolvedBase);
          } catch (e) {
            errors.push(fileError(fileName, 'warranty.categories', `${fileName}: ${(e as Error).message}`));
          }
        }
      }
    }
    resolved.set(pack, result);
    return result;
  };
  const packs = parsed.map(({ pack, fileName }) => resolve(pack, fileName, [pack.id])).filter((p) => p !== null);
  return { packs, errors };
}

function fileError(fileName: string, path: string, message: string): FileError {
  return { fileName, line: 1, column: 1, path, message };
}
