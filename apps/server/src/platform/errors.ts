/**
 * One error type for the whole server. Each domain registers its codes with an HTTP status and
 * zh-CN/en-US messages; the HTTP layer turns an AppError into application/problem+json.
 */
export type Locale = 'zh-CN' | 'en-US';

export interface ErrorDefinition {
  status: number;
  'zh-CN': string;
  'en-US': string;
}

const registry = new Map<string, ErrorDefinition>();

/**
 * A code that went through defineErrors. AppError takes only these, so a bare string (whose
 * definitions file may never have been imported, making it a 500) does not compile.
 */
export type ErrorCode<K extends string = string> = K & { readonly __registered: true };

export function defineErrors<T extends Record<string, ErrorDefinition>>(
  defs: T,
): { [K in keyof T & string]: ErrorCode<K> } {
  const codes = {} as { [K in keyof T & string]: ErrorCode<K> };
  for (const [code, def] of Object.entries(defs)) {
    if (registry.has(code)) throw new Error(`error code ${code} defined twice`);
    registry.set(code, def);
    (codes as Record<string, string>)[code] = code;
  }
  return codes;
}

export function errorDefinition(code: string): ErrorDefinition | undefined {
  return registry.get(code);
}

export function allErrorCodes(): string[] {
  return [...registry.keys()];
}

export class AppError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly details: unknown;
  constructor(code: ErrorCode, params: Record<string, string | number> = {}, details?: unknown) {
    super(code);
    if (!registry.has(code)) throw new Error(`unknown error code ${code}`);
    this.code = code;
    this.params = params;
    this.details = details;
  }
  get status(): number {
    return registry.get(this.code)!.status;
  }
}

export function localize(code: string, locale: Locale, params: Record<string, string | number> = {}): string {
  const def = registry.get(code);
  const template = def ? def[locale] : code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export const CommonErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, 'zh-CN': '请求内容不符合要求', 'en-US': 'The request is not valid' },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录', 'en-US': 'Please log in' },
  FORBIDDEN: { status: 403, 'zh-CN': '没有执行此操作的权限', 'en-US': 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, 'zh-CN': '找不到该资源', 'en-US': 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, 'zh-CN': '接口不存在', 'en-US': 'No such endpoint' },
  CONFLICT: { status: 409, 'zh-CN': '与现有数据冲突：{reason}', 'en-US': 'Conflicts with existing data: {reason}' },
  PAYLOAD_TOO_LARGE: { status: 413, 'zh-CN': '请求内容过大', 'en-US': 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    'zh-CN': '不支持的内容类型',
    'en-US': 'Unsupported content type',
  },
  RATE_LIMITED: { status: 429, 'zh-CN': '请求过于频繁，请稍后再试', 'en-US': 'Too many requests, try again later' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    'zh-CN': '该幂等键已用于另一个不同的请求',
    'en-US': 'This Idempotency-Key was already used with a different request',
  },
  IDEMPOTENCY_NOT_SUPPORTED: {
    status: 422,
    'zh-CN': '文件上传不支持幂等键；导入本身全部成功或全部不写入',
    'en-US': 'Idempotency-Key is not supported for file uploads; an import writes all rows or none',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    'zh-CN': '使用该幂等键的请求仍在处理中',
    'en-US': 'A request with this Idempotency-Key is still being processed',
  },
  INTERNAL: { status: 500, 'zh-CN': '服务器内部错误', 'en-US': 'Internal server error' },
  SERVICE_UNAVAILABLE: { status: 503, 'zh-CN': '服务暂不可用', 'en-US': 'Service unavailable' },
});
