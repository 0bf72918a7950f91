import { slaBoard, slaBoardQuery } from '@aftercare/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { presentGroups, presentItem } from './sla-board.presenter.ts';
import { boardCounts, boardItems, groupNames } from './sla-board.repository.ts';

type Localized = { 'zh-CN': string; 'en-US': string };

export function slaBoardRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['sla'];

  /** The milestone's name from the pack version that computed it (when the engine's explanation has none). */
  function packNameOf(packId: string, version: number, key: string): Localized | null {
    try {
      const pack = ctx.packs.current().packs.find((p) => p.id === packId && p.version === version) as
        | { sla?: { milestones?: { id: string; name?: Localized }[] } }
        | undefined;
      return pack?.sla?.milestones?.find((m) => m.id === key)?.name ?? null;
    } catch {
      return null;
    }
  }

  /**
   * The at-risk board: open milestones breached or due within `withinHours`, and paused ones, counted
   * by brand, region and outlet, with a page of the at-risk ones (breached first, then by due time).
   */
  app.get(
    '/sla/board',
    {
      schema: { tags, querystring: slaBoardQuery, response: { 200: slaBoard } },
      config: { access: { cap: 'sla.read' } },
    },
    async (req) => {
      const scope = req.principal!.scope;
      const q = req.query;
      const now = ctx.clock.now();
      const w = { now, horizon: new Date(now.getTime() + q.withinHours * 3_600_000) };
      const [counts, page] = await Promise.all([boardCounts(ctx.db, scope, q, w), boardItems(ctx.db, scope, q, w)]);
      const names = await groupNames(ctx.db, counts);
      return {
        asOf: now.toISOString(),
        withinHours: q.withinHours,
        ...presentGroups(counts, names),
        items: page.items.map((r) => presentItem(r, now, packNameOf(r.pack_id, r.pack_version, r.milestone_key))),
        total: page.total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
}
