import type { Problem } from '@aftercare/contracts';
import { message as staticMessage } from 'antd';
import { currentLanguage, i18n } from '../i18n/index.ts';

/** A failed API call: the problem+json body the server sent, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: { path: string; message: string }[];
  readonly requestId: string | null;
  /** Extra data some codes carry (e.g. IMPORT_HAS_ERRORS: the row errors). */
  readonly details: unknown;
  constructor(status: number, body: (Partial<Problem> & { details?: unknown }) | null, fallback: string) {
    super(body?.detail ?? fallback);
    this.status = status;
    this.code = body?.code ?? (status === 0 ? 'NETWORK' : 'HTTP_' + status);
    this.detail = body?.detail ?? fallback;
    this.errors = body?.errors ?? [];
    this.requestId = body?.requestId ?? null;
    this.details = body?.details;
  }
}

type Notify = (text: string) => void;
let notifyError: Notify = (text) => void staticMessage.error(text);
let onUnauthorized: () => void = () => {};

/** Wires the request layer to the React tree (antd App message, session expiry). */
export function bindClient(opts: { notifyError?: Notify; onUnauthorized?: () => void }) {
  if (opts.notifyError) notifyError = opts.notifyError;
  if (opts.onUnauthorized) onUnauthorized = opts.onUnauthorized;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  form?: FormData;
  /** Don't show the error as a message (the caller shows it, or it is expected). */
  silent?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (Idempotency-Key, If-Match). */
  headers?: Record<string, string>;
}

export const API_BASE = '/api/v1';

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return API_BASE + path + (qs ? '?' + qs : '');
}

/** The one way the web app talks to the API: cookies, Accept-Language, problem+json → ApiError. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    ...opts.headers,
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method: opts.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    const e = new ApiError(0, null, i18n.t('errors.network'));
    if (!opts.silent) notifyError(e.detail);
    throw e;
  }
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }
  const type = res.headers.get('content-type') ?? '';
  const problem = type.includes('json')
    ? ((await res.json().catch(() => null)) as (Partial<Problem> & { details?: unknown }) | null)
    : null;
  const error = new ApiError(res.status, problem, i18n.t('errors.unknown', { status: res.status }));
  if (res.status === 401 && !path.startsWith('/auth/')) onUnauthorized();
  if (!opts.silent) notifyError(error.detail);
  throw error;
}
