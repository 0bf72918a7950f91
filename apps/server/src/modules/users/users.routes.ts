import { idParams, pageOf, user, userCreate, userListQuery, userUpdate } from '@aftercare/contracts';
import { actorOf } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { createUser, updateUser } from './users.commands.ts';
import { presentUser } from './users.presenter.ts';
import { findUser, listUsers } from './users.repository.ts';

export function userRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['users'];

  app.get(
    '/users',
    {
      schema: { tags, querystring: userListQuery, response: { 200: pageOf(user) } },
      config: { access: { cap: 'users.read' } },
    },
    async (req) => {
      const p = req.principal!;
      const { items, total } = await listUsers(ctx.db, p.scope, req.query);
      const now = ctx.clock.now();
      return {
        items: items.map((u) => presentUser(p, u, now)),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/users/:id',
    {
      schema: { tags, params: idParams, response: { 200: user } },
      config: { access: { cap: 'users.read' }, resource: 'user' },
    },
    async (req) => {
      const p = req.principal!;
      const row = await findUser(ctx.db, p.scope, req.params.id);
      if (!row) throw new AppError(CommonErrors.NOT_FOUND);
      return presentUser(p, row, ctx.clock.now());
    },
  );

  app.post(
    '/users',
    { schema: { tags, body: userCreate, response: { 201: user } }, config: { access: { cap: 'users.write' } } },
    async (req, reply) => {
      const p = req.principal!;
      const row = await createUser(ctx, actorOf(p, req.id), p.scope, req.body);
      return reply.status(201).send(presentUser(p, row, ctx.clock.now()));
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: { tags, params: idParams, body: userUpdate, response: { 200: user } },
      config: { access: { cap: 'users.write' }, resource: 'user' },
    },
    async (req) => {
      const p = req.principal!;
      const row = await updateUser(ctx, actorOf(p, req.id), p.scope, req.params.id, req.body, p.userId);
      return presentUser(p, row, ctx.clock.now());
    },
  );
}
