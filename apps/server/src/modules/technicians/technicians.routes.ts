import {
  idParams,
  pageOf,
  technician,
  technicianCreate,
  technicianListQuery,
  technicianUpdate,
  training,
  trainingCreate,
  trainingList,
} from '@aftercare/contracts';
import { actorOf } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { shanghaiDate } from './licence.ts';
import { addTraining, createTechnician, updateTechnician } from './technicians.commands.ts';
import { presentTechnician, presentTraining } from './technicians.presenter.ts';
import { findTechnician, listTechnicians, skillsOf, trainingsOf } from './technicians.repository.ts';

export function technicianRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['technicians'];

  app.get(
    '/technicians',
    {
      schema: { tags, querystring: technicianListQuery, response: { 200: pageOf(technician) } },
      config: { access: { cap: 'network.read' } },
    },
    async (req) => {
      const p = req.principal!;
      const now = ctx.clock.now();
      const { items, total } = await listTechnicians(ctx.db, p.scope, req.query, shanghaiDate(now));
      const skills = await skillsOf(
        ctx.db,
        items.map((t) => t.id),
      );
      return {
        items: items.map((t) => presentTechnician(p, t, skills, now)),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/technicians/:id',
    {
      schema: { tags, params: idParams, response: { 200: technician } },
      config: { access: { cap: 'network.read' }, resource: 'technician' },
    },
    async (req) => {
      const p = req.principal!;
      const row = await findTechnician(ctx.db, p.scope, req.params.id);
      if (!row) throw new AppError(CommonErrors.NOT_FOUND);
      return presentTechnician(p, row, await skillsOf(ctx.db, [row.id]), ctx.clock.now());
    },
  );

  app.post(
    '/technicians',
    {
      schema: { tags, body: technicianCreate, response: { 201: technician } },
      config: { access: { cap: 'technicians.write' } },
    },
    async (req, reply) => {
      const p = req.principal!;
      const { id } = await createTechnician(ctx, actorOf(p, req.id), p.scope, req.body);
      const row = (await findTechnician(ctx.db, p.scope, id))!;
      return reply.status(201).send(presentTechnician(p, row, await skillsOf(ctx.db, [id]), ctx.clock.now()));
    },
  );

  app.patch(
    '/technicians/:id',
    {
      schema: { tags, params: idParams, body: technicianUpdate, response: { 200: technician } },
      config: { access: { cap: 'technicians.write' }, resource: 'technician' },
    },
    async (req) => {
      const p = req.principal!;
      const { row, skills } = await updateTechnician(ctx, actorOf(p, req.id), p.scope, req.params.id, req.body);
      return presentTechnician(p, row, skills, ctx.clock.now());
    },
  );

  app.get(
    '/technicians/:id/trainings',
    {
      schema: { tags, params: idParams, response: { 200: trainingList } },
      config: { access: { cap: 'network.read' }, resource: 'technician' },
    },
    async (req) => {
      const row = await findTechnician(ctx.db, req.principal!.scope, req.params.id);
      if (!row) throw new AppError(CommonErrors.NOT_FOUND);
      return { items: (await trainingsOf(ctx.db, row.id)).map(presentTraining) };
    },
  );

  app.post(
    '/technicians/:id/trainings',
    {
      schema: { tags, params: idParams, body: trainingCreate, response: { 201: training } },
      config: { access: { cap: 'technicians.write' }, resource: 'technician' },
    },
    async (req, reply) => {
      const p = req.principal!;
      const id = await addTraining(ctx, actorOf(p, req.id), p.scope, req.params.id, req.body);
      const created = (await trainingsOf(ctx.db, req.params.id)).find((t) => t.id === id)!;
      return reply.status(201).send(presentTraining(created));
    },
  );
}
