// A brand pack names its base (`extends: cn-baseline`) and overrides only what differs. resolvePack
// merges the two: maps merge key by key, lists and terms ({years|months|days}) replace as a whole.
// It remembers which pack each value came from, so a verdict cites the pack that made the promise.
import type { Pack } from './schema.ts';

export interface PackRef {
  id: string;
  version: number;
}

export interface ResolvedPack extends Pack {
  resolved: {
    /** The packs merged, base first, this pack last, each with the dotted paths it sets itself. */
    chain: (PackRef & { paths: string[] })[];
  };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAtomic = (v: Obj) => 'years' in v || 'months' in v || 'days' in v;
const META = ['id', 'version', 'extends', 'name', 'source', 'effective', 'resolved'];

export function packRef(pack: Pack): PackRef {
  return { id: pack.id, version: pack.version };
}

export function isResolved(pack: Pack): pack is ResolvedPack {
  return 'resolved' in pack;
}

/** A pack ready to evaluate: a base pack as it is, a brand pack merged over its (resolved) base. */
export function resolvePack(pack: Pack, base?: Pack): ResolvedPack {
  const own = { ...pack } as Obj;
  for (const key of META) delete own[key];
  const link = { ...packRef(pack), paths: leafPaths(own, '') };
  if (!pack.extends) {
    if (base) throw new Error(`pack ${pack.id} extends nothing, but a base (${base.id}) was given`);
    return { ...pack, resolved: { chain: [link] } };
  }
  if (!base) throw new Error(`pack ${pack.id} extends ${pack.extends}: give that pack as the base`);
  if (base.id !== pack.extends) throw new Error(`pack ${pack.id} extends ${pack.extends}, not ${base.id}`);
  const resolvedBase = isResolved(base) ? base : resolvePack(base);
  const baseData = { ...resolvedBase } as Obj;
  for (const key of META) delete baseData[key];
  const result = {
    ...(merge(baseData, own) as Obj),
    id: pack.id,
    version: pack.version,
    extends: pack.extends,
    name: pack.name,
    source: pack.source,
    effective: pack.effective,
    resolved: { chain: [...resolvedBase.resolved.chain, link] },
  } as ResolvedPack;
  const missing = Object.entries(result.warranty?.categories ?? {}).filter(([, t]) => !t.wholeUnit);
  if (missing.length > 0)
    throw new Error(`pack ${pack.id}: categories without a wholeUnit term: ${missing.map(([c]) => c).join(', ')}`);
  return result;
}

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (isObj(base) && isObj(over) && !isAtomic(over) && !isAtomic(base)) {
    const out: Obj = {};
    for (const key of new Set([...Object.keys(base), ...Object.keys(over)])) {
      const v = merge(base[key], over[key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  return over;
}

function leafPaths(value: unknown, path: string): string[] {
  if (isObj(value) && !isAtomic(value))
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, path ? `${path}.${k}` : k));
  return path ? [path] : [];
}

/** The pack that set the value at `path`: the last in the chain to set it, a part of it or a parent of it. */
export function originOf(pack: Pack, path: string): PackRef {
  if (!isResolved(pack)) return packRef(pack);
  const chain = pack.resolved.chain;
  for (let i = chain.length - 1; i >= 0; i--) {
    const link = chain[i]!;
    if (link.paths.some((p) => p === path || path.startsWith(`${p}.`) || p.startsWith(`${path}.`)))
      return { id: link.id, version: link.version };
  }
  return packRef(pack);
}

/** Whether the pack applies on a date (its effective window, both ends inclusive). */
export function isEffectiveOn(pack: Pack, date: string): boolean {
  return pack.effective.from <= date && (!pack.effective.to || date <= pack.effective.to);
}

/** The newest version of pack `id` effective on `date`, or undefined. */
export function selectPack<P extends Pack>(packs: readonly P[], id: string, date: string): P | undefined {
  return packs.filter((p) => p.id === id && isEffectiveOn(p, date)).sort((a, b) => b.version - a.version)[0];
}
