// Test helper: read and resolve the shipped packs in policies/ (tests may touch the file system).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePack } from '../src/parse.ts';
import { type ResolvedPack, resolvePack } from '../src/resolve.ts';
import type { Pack } from '../src/schema.ts';

export const POLICIES_DIR = join(import.meta.dirname, '../../../policies');

export function packFiles(): string[] {
  return readdirSync(POLICIES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

export function readPack(file: string): Pack {
  const result = parsePack(readFileSync(join(POLICIES_DIR, file), 'utf8'), file);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.pack;
}

const cache = new Map<string, ResolvedPack>();

/** A shipped pack by id, resolved over the baseline it extends. */
export function shipped(id: string): ResolvedPack {
  const hit = cache.get(id);
  if (hit) return hit;
  const pack = readPack(`${id}.yaml`);
  const resolved = pack.extends ? resolvePack(pack, shipped(pack.extends)) : resolvePack(pack);
  cache.set(id, resolved);
  return resolved;
}
