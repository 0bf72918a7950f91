import {
  policyPackActivation,
  policyPackDetail,
  policyPackDiff,
  policyPackDiffQuery,
  policyPackDraftBody,
  policyPackList,
  policyPackListQuery,
  policyPackParams,
  policyPackValidateBody,
  policyPackValidation,
  policyPackVersion,
  policyPackVersionParams,
} from '@aftercare/contracts';
import { actorOf, type Scope } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { activateVersion, createDraft, diffVersion, validateSource } from './policies.commands.ts';
import { presentPack, presentVersion, presentVersionWithSource } from './policies.presenter.ts';
import { brandsNaming, findVersion, listVersions, packAccess, versionsOf } from './policies.repository.ts';

/** The pack when the caller may see it and it is stored; 404 otherwise. */
async function visiblePack(ctx: AppContext, scope: Scope, packId: string) {
  const access = await packAccess(ctx.db, scope, packId);
  const versions = access.visible ? await versionsOf(ctx.db, packId) : [];
  if (versions.length === 0) throw new AppError(CommonErrors.NOT_FOUND);
  return { access, versions };
}

/** Policy packs (section C): stored versions, drafts edited in the console, validation, diff, activation. */
export function policyRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['policy-packs'];
  const read = { access: { cap: 'policies.read' as const } };
  const write = { access: { cap: 'policies.write' as const } };

  app.get(
    '/policy-packs',
    { schema: { tags, querystring: policyPackListQuery, response: { 200: policyPackList } }, config: read },
    async (req) => {
      const scope = req.principal!.scope;
      const mayWrite = req.principal!.capabilities.has('policies.write');
      const rows = await listVersions(ctx.db, scope, req.query.q);
      const ids = [...new Set(rows.map((r) => r.pack_id))];
      const brands = await brandsNaming(ctx.db, scope, ids);
      return {
        items: ids.map((id) =>
          presentPack(
            scope,
            mayWrite,
            rows.filter((r) => r.pack_id === id),
            brands.filter((b) => b.policy_pack === id),
          ),
        ),
      };
    },
  );

  app.get(
    '/policy-packs/:id',
    {
      schema: { tags, params: policyPackParams, response: { 200: policyPackDetail } },
      config: { ...read, resource: 'policy_pack' },
    },
    async (req) => {
      const scope = req.principal!.scope;
      const mayWrite = req.principal!.capabilities.has('policies.write');
      const { access, versions } = await visiblePack(ctx, scope, req.params.id);
      return { ...presentPack(scope, mayWrite, versions, access.brands), versions: versions.map(presentVersion) };
    },
  );

  app.get(
    '/policy-packs/:id/versions/:version',
    {
      schema: { tags, params: policyPackVersionParams, response: { 200: policyPackVersion } },
      config: { ...read, resource: 'policy_pack' },
    },
    async (req) => {
      await visiblePack(ctx, req.principal!.scope, req.params.id);
      const row = await findVersion(ctx.db, req.params.id, req.params.version);
      if (!row) throw new AppError(CommonErrors.NOT_FOUND);
      return presentVersionWithSource(row);
    },
  );

  app.get(
    '/policy-packs/:id/versions/:version/diff',
    {
      schema: {
        tags,
        params: policyPackVersionParams,
        querystring: policyPackDiffQuery,
        response: { 200: policyPackDiff },
      },
      config: { ...read, resource: 'policy_pack' },
    },
    async (req) => {
      await visiblePack(ctx, req.principal!.scope, req.params.id);
      return diffVersion(ctx.db, req.params.id, req.params.version, req.query.against);
    },
  );

  app.post(
    '/policy-packs/validate',
    { schema: { tags, body: policyPackValidateBody, response: { 200: policyPackValidation } }, config: read },
    async (req) => validateSource(ctx.db, req.principal!.scope, req.body.source),
  );

  app.post(
    '/policy-packs/:id/drafts',
    {
      schema: { tags, params: policyPackParams, body: policyPackDraftBody, response: { 201: policyPackVersion } },
      config: { ...write, resource: 'policy_pack' },
    },
    async (req, reply) => {
      const p = req.principal!;
      const row = await createDraft(ctx, actorOf(p, req.id), p.scope, req.params.id, req.body.source);
      return reply.status(201).send(row);
    },
  );

  app.post(
    '/policy-packs/:id/versions/:version/activate',
    {
      schema: { tags, params: policyPackVersionParams, response: { 200: policyPackActivation } },
      config: { ...write, resource: 'policy_pack' },
    },
    async (req) => {
      const p = req.principal!;
      return activateVersion(ctx, actorOf(p, req.id), p.scope, req.params.id, req.params.version);
    },
  );
}
