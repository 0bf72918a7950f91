import {
  clockBody,
  idParams,
  milestoneList,
  notification,
  notificationList,
  notificationQuery,
  recomputeBody,
  recomputeResult,
  workOrder,
} from '@aftercare/contracts';
import { actorOf } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { orderViews, parseIfMatch, presentOrder } from '../work-orders/index.ts';
import { clockStep } from './sla.clock.ts';
import { recompute } from './sla.commands.ts';
import { listNotifications, markRead } from './sla.notifications.ts';
import { presentMilestone, presentNotification } from './sla.presenter.ts';
import { milestonesOfOrder } from './sla.repository.ts';

export function slaRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['sla'];

  /** Pause (with why) or resume the order's SLA clock; If-Match like every step. */
  app.post(
    '/work-orders/:id/clock',
    {
      schema: { tags, params: idParams, body: clockBody, response: { 200: workOrder } },
      config: { access: { cap: 'orders.read' }, resource: 'work_order' },
    },
    async (req) => {
      const p = req.principal!;
      const version = parseIfMatch(req.headers['if-match']);
      const row = await clockStep(ctx, p, req.id, req.params.id, req.body, version);
      const [view] = await orderViews(ctx.db, [row]);
      return presentOrder(p, view!);
    },
  );

  app.get(
    '/work-orders/:id/milestones',
    {
      schema: { tags, params: idParams, response: { 200: milestoneList } },
      config: { access: { cap: 'orders.read' }, resource: 'work_order' },
    },
    async (req) => {
      const rows = await milestonesOfOrder(ctx.db, req.principal!.scope, req.params.id);
      if (!rows) throw new AppError(CommonErrors.NOT_FOUND);
      const now = ctx.clock.now();
      return { items: rows.map((r) => presentMilestone(r, now)) };
    },
  );

  app.post(
    '/sla/recompute',
    {
      schema: { tags, body: recomputeBody, response: { 200: recomputeResult } },
      config: { access: { cap: 'sla.review' } },
    },
    async (req) => {
      const p = req.principal!;
      return recompute(ctx, actorOf(p, req.id), p.scope, req.body);
    },
  );

  app.get(
    '/notifications',
    {
      schema: { tags, querystring: notificationQuery, response: { 200: notificationList } },
      config: { access: { authenticated: true } },
    },
    async (req) => {
      const r = await listNotifications(ctx.db, req.principal!.userId, req.query);
      return { items: r.items.map(presentNotification), unread: r.unread };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: { tags, params: idParams, response: { 200: notification } },
      config: { access: { authenticated: true }, resource: 'notification' },
    },
    async (req) => {
      const row = await markRead(ctx.db, ctx.clock, req.principal!.userId, req.params.id);
      if (!row) throw new AppError(CommonErrors.NOT_FOUND);
      return presentNotification(row);
    },
  );
}
