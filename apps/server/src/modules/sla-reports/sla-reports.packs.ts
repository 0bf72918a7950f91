// What a brand's SLA figures are judged by: the pack in force (the brand's, else the national baseline)
// gives the resolution milestone, its target rates and the milestones' names. Read through the PackStore
// like every other pack consumer; the `sla` section is read defensively (a pack without one has no
// resolution milestone, and its report rows are simply empty).

import type { SlaReportBrand } from '@aftercare/contracts';
import type { Localized, ResolvedPack } from '@aftercare/policy';
import { type CurrentPacks, choosePack } from '../policies/index.ts';

export const BASELINE_PACK = 'cn-baseline';

export interface BrandRow {
  id: string;
  code: string;
  name: string;
  policy_pack: string | null;
}

export interface BrandPack extends SlaReportBrand {
  /** Milestone names by key, from the pack (a key the pack no longer defines shows as itself). */
  names: Map<string, Localized>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The pack writes target rates as percentages (80); the reports use fractions (0.8). */
function asRate(v: unknown): number | null {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100) return null;
  return v / 100;
}

function localized(v: unknown, fallback: string): Localized {
  if (isObj(v) && typeof v['zh-CN'] === 'string') {
    const zh = v['zh-CN'] as string;
    return { 'zh-CN': zh, 'en-US': typeof v['en-US'] === 'string' ? (v['en-US'] as string) : zh };
  }
  if (typeof v === 'string') return { 'zh-CN': v, 'en-US': v };
  return { 'zh-CN': fallback, 'en-US': fallback };
}

/** The resolution milestone, targets and milestone names of one pack's `sla` section. */
export function slaFacts(pack: ResolvedPack | undefined) {
  const sla = (pack as unknown as { sla?: unknown } | undefined)?.sla;
  const names = new Map<string, Localized>();
  let milestone: string | null = null;
  const targets: { days: number; rate: number }[] = [];
  if (isObj(sla)) {
    for (const m of Array.isArray(sla.milestones) ? sla.milestones : []) {
      if (isObj(m) && typeof m.id === 'string') names.set(m.id, localized(m.name, m.id));
    }
    const res = sla.resolution;
    if (isObj(res) && typeof res.milestone === 'string') {
      milestone = res.milestone;
      for (const t of Array.isArray(res.targets) ? res.targets : []) {
        const rate = isObj(t) ? asRate(t.rate) : null;
        if (isObj(t) && Number.isInteger(t.days) && (t.days as number) > 0 && rate !== null) {
          targets.push({ days: t.days as number, rate });
        }
      }
      targets.sort((a, b) => a.days - b.days);
    }
  }
  return { milestone, targets, names };
}

/** The brand's pack in force on `date` (YYYY-MM-DD), with its report facts. */
export function brandPack(policies: CurrentPacks, brand: BrandRow, date: string): BrandPack {
  const choice =
    choosePack(policies, brand.policy_pack ?? BASELINE_PACK, date) ?? choosePack(policies, BASELINE_PACK, date);
  const facts = slaFacts(choice?.pack);
  return {
    id: brand.id,
    code: brand.code,
    name: brand.name,
    packId: choice?.pack.id ?? brand.policy_pack ?? BASELINE_PACK,
    packVersion: choice?.pack.version ?? 0,
    resolutionMilestone: facts.milestone,
    targets: facts.targets,
    names: facts.names,
  };
}
