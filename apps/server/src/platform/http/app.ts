import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Principal } from '../access/principal.ts';
import type { AccessRule, ResourceKind } from '../access/rules.ts';
import type { AppContext } from '../context.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../logger.ts';
import { accessHook } from './auth-hook.ts';
import { registerIdempotency } from './idempotency.ts';
import { registerMetrics } from './metrics.ts';
import { errorHandler, problemBody, sendProblem } from './problem.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
    resource?: ResourceKind;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export type App = FastifyInstance;
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface RouteInfo {
  method: string;
  url: string;
  access: AccessRule;
  resource: ResourceKind;
}

export interface BuildAppOptions {
  logger?: Logger | false;
  /** Registers the domain routes; called inside the /api/v1 prefix. */
  routes: (app: TypedApp, ctx: AppContext) => Promise<void> | void;
  webDistDir?: string | null;
}

/** Builds the HTTP app. The returned app exposes `routeTable` for the isolation suite. */
export async function buildApp(ctx: AppContext, opts: BuildAppOptions): Promise<App & { routeTable: RouteInfo[] }> {
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    bodyLimit: ctx.config.bodyLimit,
    genReqId: () => newId(),
    requestIdHeader: 'x-request-id',
    trustProxy: true,
    ajv: { customOptions: { removeAdditional: false } },
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes get the app; a missing file (a path with an extension) stays a 404.
    const path = req.url.split('?')[0] ?? '';
    if (!path.startsWith('/api') && !/\.[a-z0-9]+$/i.test(path) && opts.webDistDir && req.method === 'GET') {
      return reply.sendFile('index.html');
    }
    return sendProblem(reply, problemBody(req, 'ROUTE_NOT_FOUND', 404));
  });
  app.decorateRequest('principal', null);
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    return payload;
  });

  const routeTable: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    const config = route.config as { access?: AccessRule; resource?: ResourceKind } | undefined;
    if (route.url.startsWith('/api/v1')) {
      if (!config?.access) {
        throw new Error(`Route ${route.method} ${route.url} has no access rule; every /api/v1 route must declare one`);
      }
      for (const method of [route.method].flat()) {
        if (method === 'HEAD') continue;
        routeTable.push({ method, url: route.url, access: config.access, resource: config.resource ?? 'none' });
      }
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: ctx.config.uploadLimit, files: 1 } });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Aftercare API',
        version: '1',
        description: 'After-sales service management (售后服务管理系统). Errors are application/problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'aftercare_session' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  registerMetrics(app);
  app.addHook('onRequest', accessHook(ctx));
  registerIdempotency(app, ctx);

  app.get('/api/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/api/ready', { schema: { hide: true } }, async (req, reply) => {
    try {
      await ctx.handle.query('SELECT 1');
      const pending = await pendingMigrations(ctx.db);
      if (pending.length > 0) {
        return sendProblem(reply, problemBody(req, 'SERVICE_UNAVAILABLE', 503, {}, { pendingMigrations: pending }));
      }
      return { status: 'ready', database: ctx.handle.kind };
    } catch {
      return sendProblem(reply, problemBody(req, 'SERVICE_UNAVAILABLE', 503));
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(scalar, {
    routePrefix: '/api/docs',
    // Served from the package itself; no developer toolbar (it links to hosted services).
    configuration: { url: '/api/openapi.json', showDeveloperTools: 'never' },
  });

  await app.register(
    async (api) => {
      await opts.routes(api.withTypeProvider<ZodTypeProvider>(), ctx);
    },
    { prefix: '/api/v1' },
  );

  const dist = opts.webDistDir;
  if (dist && existsSync(join(dist, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: dist, prefix: '/', wildcard: true, index: ['index.html'] });
  }
  await app.ready();
  return Object.assign(app, { routeTable });
}
