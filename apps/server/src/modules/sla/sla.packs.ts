// The pack an order's milestones are computed with, read from the stored versions (policy_packs) in the
// caller's transaction, so a worker and every API process agree without sharing memory. Parsing and
// resolving is cached by the stored set's fingerprint (each non-draft version's id, number and a hash
// of its text): one small query per call, a re-parse only after an activation.
import { type CalendarSpec, loadPackSet, type ResolvedPack, type SlaSection, shanghaiDate } from '@aftercare/policy';
import { sql } from 'kysely';
import type { Tx } from '../../platform/audit.ts';
import { storedPackFiles } from '../policies/policies.store.ts';
import { choosePack } from '../warranty/warranty.packs.ts';

const BASELINE_PACK = 'cn-baseline';
const CACHE_SIZE = 8;
const cache = new Map<string, ResolvedPack[]>();

/** The stored set's fingerprint: each non-draft version's id, number and a hash of its text. */
export const packSetFingerprint = () =>
  sql<string>`(SELECT coalesce(string_agg(p.pack_id || '@' || p.version || ':' || md5(p.source), '|'
    ORDER BY p.pack_id, p.version), '') FROM policy_packs p WHERE p.status <> 'draft')`;

/** Every non-draft stored version, resolved over its base (cached by the set's fingerprint). */
export async function storedPacks(db: Tx): Promise<ResolvedPack[]> {
  const { key } = await db.selectNoFrom(packSetFingerprint().as('key')).executeTakeFirstOrThrow();
  return storedPacksFor(db, key);
}

/** The stored versions for a fingerprint already read (`packSetFingerprint`): parsed only on a miss. */
export async function storedPacksFor(db: Tx, key: string): Promise<ResolvedPack[]> {
  const hit = cache.get(key);
  if (hit) return hit;
  // A version that does not resolve is left out (the PackStore reports it at start); the others count.
  const packs = loadPackSet(await storedPackFiles(db)).packs;
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, packs);
  return packs;
}

export interface OrderPackFacts {
  pack_id: string | null;
  pack_version: number | null;
  brand_pack: string | null;
  created_at: Date;
}

/**
 * The order's pack: the version its warranty was judged with (pack_id/pack_version), else the brand's
 * pack (cn-baseline when it names none) in force on the day the order was created (Shanghai).
 */
export function packOfOrder(packs: ResolvedPack[], o: OrderPackFacts): ResolvedPack | undefined {
  if (o.pack_id && o.pack_version != null) {
    const exact = choosePack({ packs }, o.pack_id, shanghaiDate(o.created_at), o.pack_version);
    if (exact) return exact.pack;
  }
  return choosePack({ packs }, o.brand_pack ?? BASELINE_PACK, shanghaiDate(o.created_at))?.pack;
}

/** A pack's `sla` section (none: the pack makes no promises, nothing is computed). */
export const slaOf = (pack: ResolvedPack | undefined): SlaSection | undefined =>
  (pack as { sla?: SlaSection } | undefined)?.sla;

export const calendarSpecOf = (pack: ResolvedPack): CalendarSpec | undefined =>
  (pack as { calendar?: CalendarSpec }).calendar;
