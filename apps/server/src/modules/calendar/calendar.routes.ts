import {
  calendarDayCreate,
  calendarDayCreated,
  calendarDayDeleted,
  calendarDayList,
  calendarDaysQuery,
  calendarPreview,
  calendarPreviewQuery,
  idParams,
} from '@aftercare/contracts';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { addCalendarDay, type CalendarDeps, deleteCalendarDay } from './calendar.commands.ts';
import { presentOverride } from './calendar.presenter.ts';
import { calendarDaysOfYear, previewCalendar } from './calendar.queries.ts';

/** The command deps; a recompute that fails after the change committed is logged with the request. */
function depsOf(ctx: AppContext, req: FastifyRequest): CalendarDeps {
  return {
    db: ctx.db,
    clock: ctx.clock,
    onRecomputeError: (err) => req.log.error({ err }, 'calendar: recomputing milestones after the change failed'),
  };
}

export function calendarRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['calendar'];

  app.get(
    '/calendar/days',
    {
      schema: { tags, querystring: calendarDaysQuery, response: { 200: calendarDayList } },
      config: { access: { cap: 'sla.read' } },
    },
    async (req) => calendarDaysOfYear(ctx, req.principal!.scope, req.query),
  );

  app.post(
    '/calendar/days',
    {
      schema: { tags, body: calendarDayCreate, response: { 201: calendarDayCreated } },
      config: { access: { cap: 'calendar.write' } },
    },
    async (req, reply) => {
      const p = req.principal!;
      const { row, recomputed } = await addCalendarDay(depsOf(ctx, req), actorOf(p, req.id), p.scope, req.body);
      return reply.status(201).send({ ...presentOverride(row), recomputed });
    },
  );

  app.delete(
    '/calendar/days/:id',
    {
      schema: { tags, params: idParams, response: { 200: calendarDayDeleted } },
      config: { access: { cap: 'calendar.write' }, resource: 'calendar_day' },
    },
    async (req) => {
      const p = req.principal!;
      const { recomputed } = await deleteCalendarDay(depsOf(ctx, req), actorOf(p, req.id), p.scope, req.params.id);
      return { ok: true as const, recomputed };
    },
  );

  app.get(
    '/calendar/preview',
    {
      schema: { tags, querystring: calendarPreviewQuery, response: { 200: calendarPreview } },
      config: { access: { cap: 'sla.read' } },
    },
    async (req) => previewCalendar(ctx, req.principal!.scope, req.query),
  );
}
