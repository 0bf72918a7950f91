import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type Locale, localize } from '../errors.ts';

const zhCN = z.locales.zhCN();

/** Field messages in Chinese: zod's zh-CN locale applied to the issue the validator reported. */
function zhMessage(v: { keyword: string; instancePath: string; params: Record<string, unknown>; message?: string }) {
  const issue = { ...v.params, code: v.keyword, path: v.instancePath.split('/').filter(Boolean), input: undefined };
  const out = zhCN.localeError(issue as unknown as Parameters<typeof zhCN.localeError>[0]);
  return typeof out === 'string' ? out : (out?.message ?? v.message);
}

export function localeOf(req: FastifyRequest): Locale {
  const header = String(req.headers['accept-language'] ?? '');
  if (/^en\b/i.test(header)) return 'en-US';
  if (/^zh\b/i.test(header)) return 'zh-CN';
  return req.principal?.locale === 'en-US' ? 'en-US' : 'zh-CN';
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  requestId: string;
  errors?: { path: string; message: string }[];
  [k: string]: unknown;
}

export function problemBody(
  req: FastifyRequest,
  code: string,
  status: number,
  params: Record<string, string | number> = {},
  extra: Record<string, unknown> = {},
): ProblemBody {
  const locale = localeOf(req);
  return {
    type: `https://aftercare.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: code,
    status,
    code,
    detail: localize(code, locale, params),
    requestId: String(req.id),
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/** Maps every thrown error to problem+json; nothing internal (stack, SQL, secrets) leaves the server. */
export function errorHandler(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    const extra: Record<string, unknown> = {};
    if (err.details !== undefined) extra.details = err.details;
    return sendProblem(reply, problemBody(req, err.code, err.status, err.params, extra));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const zh = localeOf(req) === 'zh-CN';
    const errors = err.validation.map((v) => ({
      path: `${err.validationContext ?? ''}${v.instancePath || ''}`.replaceAll('/', '.'),
      message: (zh ? zhMessage(v) : v.message) ?? 'invalid',
    }));
    return sendProblem(reply, problemBody(req, 'VALIDATION_FAILED', 400, {}, { errors }));
  }
  const fe = err as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
    return sendProblem(reply, problemBody(req, 'PAYLOAD_TOO_LARGE', 413));
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
    return sendProblem(reply, problemBody(req, 'UNSUPPORTED_MEDIA_TYPE', 415));
  }
  if (fe.statusCode === 429) return sendProblem(reply, problemBody(req, 'RATE_LIMITED', 429));
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Malformed JSON, empty body with a content type, and similar parser errors.
    return sendProblem(
      reply,
      problemBody(req, 'VALIDATION_FAILED', 400, {}, { errors: [{ path: 'body', message: 'malformed request' }] }),
    );
  }
  req.log.error({ err }, 'unhandled error');
  return sendProblem(reply, problemBody(req, 'INTERNAL', 500));
}
