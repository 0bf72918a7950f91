import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError, CommonErrors } from '../errors.ts';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { principal: string; key: string } | null;
  }
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Write routes accept an Idempotency-Key. The same key and body replays the first response; the same
 * key with another body answers 422; a key still in flight answers 409. Keys are per caller.
 */
export function registerIdempotency(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !WRITE_METHODS.has(req.method) || !req.routeOptions.config?.access) return;
    // A multipart body (file upload) is streamed to the handler and cannot be hashed here, so the
    // key could not tell two different files apart: refuse the combination instead of guessing.
    if (req.isMultipart()) throw new AppError(CommonErrors.IDEMPOTENCY_NOT_SUPPORTED);
    if (key.length < 1 || key.length > 200) throw new AppError(CommonErrors.VALIDATION_FAILED);
    const principal = req.principal ? `u:${req.principal.userId}` : `ip:${req.ip}`;
    const hash = createHash('sha256')
      .update(`${req.method} ${req.url}\n${stableStringify(req.body ?? null)}`)
      .digest('hex');
    const inserted = await ctx.db
      .insertInto('idempotency_keys')
      .values({
        principal,
        key,
        method: req.method,
        path: req.url,
        request_hash: hash,
        created_at: ctx.clock.now(),
      })
      .onConflict((oc) => oc.doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) {
      req.idempotency = { principal, key };
      return;
    }
    const row = await ctx.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('principal', '=', principal)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (row.request_hash !== hash) throw new AppError(CommonErrors.IDEMPOTENCY_KEY_REUSED);
    if (row.completed_at === null || row.status_code === null) throw new AppError(CommonErrors.IDEMPOTENCY_IN_PROGRESS);
    reply.header('idempotent-replayed', 'true');
    reply
      .status(row.status_code)
      .type(row.response_type ?? 'application/json')
      .serializer((p: unknown) => p as string);
    return reply.send(row.response_body ?? '');
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem) return payload;
    req.idempotency = null;
    if (reply.statusCode >= 500) {
      // Let the caller retry a failure that changed nothing.
      await ctx.db
        .deleteFrom('idempotency_keys')
        .where('principal', '=', idem.principal)
        .where('key', '=', idem.key)
        .execute();
      return payload;
    }
    await ctx.db
      .updateTable('idempotency_keys')
      .set({
        status_code: reply.statusCode,
        response_body: typeof payload === 'string' ? payload : payload == null ? '' : String(payload),
        response_type: String(reply.getHeader('content-type') ?? 'application/json'),
        completed_at: ctx.clock.now(),
      })
      .where('principal', '=', idem.principal)
      .where('key', '=', idem.key)
      .execute();
    return payload;
  });
}
