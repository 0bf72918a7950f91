import { apiKey, apiKeyCreate, apiKeyCreated, apiKeyList, idParams } from '@aftercare/contracts';
import { actorOf } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { createApiKey, revokeApiKey } from './api-keys.commands.ts';
import { presentApiKey } from './api-keys.presenter.ts';
import { ownKeys } from './api-keys.repository.ts';

/** API keys for integrations: `X-Api-Key: ak_…` or `Authorization: Bearer ak_…` (platform/http/auth-hook.ts). */
export function apiKeyRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['api-keys'];

  app.get(
    '/api-keys',
    { schema: { tags, response: { 200: apiKeyList } }, config: { access: { cap: 'apikeys.manage' } } },
    async (req) => ({ items: (await ownKeys(ctx.db, req.principal!.userId)).map(presentApiKey) }),
  );

  app.post(
    '/api-keys',
    {
      schema: { tags, body: apiKeyCreate, response: { 201: apiKeyCreated } },
      config: { access: { cap: 'apikeys.manage' } },
    },
    async (req, reply) => {
      const p = req.principal!;
      const { row, key } = await createApiKey(ctx, actorOf(p, req.id), p, req.body.name);
      return reply.status(201).send({ ...presentApiKey(row), key });
    },
  );

  app.post(
    '/api-keys/:id/revoke',
    {
      schema: { tags, params: idParams, response: { 200: apiKey } },
      config: { access: { cap: 'apikeys.manage' }, resource: 'api_key' },
    },
    async (req) => {
      const p = req.principal!;
      return presentApiKey(await revokeApiKey(ctx, actorOf(p, req.id), p.userId, req.params.id));
    },
  );
}
