import {
  division,
  divisionCreate,
  divisionList,
  divisionListQuery,
  divisionParams,
  divisionUpdate,
} from '@aftercare/contracts';
import { actorOf } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { createDivision, updateDivision } from './divisions.commands.ts';
import { presentDivision } from './divisions.presenter.ts';
import { findDivision, listDivisions } from './divisions.repository.ts';

/** Administrative divisions are national reference data: every caller with divisions.read sees all. */
export function divisionRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['divisions'];

  app.get(
    '/divisions',
    {
      schema: { tags, querystring: divisionListQuery, response: { 200: divisionList } },
      config: { access: { cap: 'divisions.read' } },
    },
    async (req) => ({ items: (await listDivisions(ctx.db, req.query)).map(presentDivision) }),
  );

  app.get(
    '/divisions/:code',
    {
      schema: { tags, params: divisionParams, response: { 200: division } },
      config: { access: { cap: 'divisions.read' }, resource: 'division' },
    },
    async (req) => {
      const row = await findDivision(ctx.db, req.params.code);
      if (!row) throw new AppError(CommonErrors.NOT_FOUND);
      return presentDivision(row);
    },
  );

  app.post(
    '/divisions',
    {
      schema: { tags, body: divisionCreate, response: { 201: division } },
      config: { access: { cap: 'divisions.write' } },
    },
    async (req, reply) => {
      const row = await createDivision(ctx, actorOf(req.principal!, req.id), req.body);
      return reply.status(201).send(presentDivision(row));
    },
  );

  app.patch(
    '/divisions/:code',
    {
      schema: { tags, params: divisionParams, body: divisionUpdate, response: { 200: division } },
      config: { access: { cap: 'divisions.write' }, resource: 'division' },
    },
    async (req) =>
      presentDivision(await updateDivision(ctx, actorOf(req.principal!, req.id), req.params.code, req.body)),
  );
}
