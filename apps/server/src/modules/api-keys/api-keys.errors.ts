import { defineErrors } from '../../platform/errors.ts';

export const ApiKeyErrors = defineErrors({
  API_KEY_SESSION_REQUIRED: {
    status: 403,
    'zh-CN': '请登录后创建 API 密钥，不能用 API 密钥创建新的密钥',
    'en-US': 'Create API keys from a logged-in session, not with another API key',
  },
  API_KEY_LIMIT: {
    status: 422,
    'zh-CN': '每个账号最多 {max} 个有效的 API 密钥，请先吊销不用的密钥',
    'en-US': 'At most {max} active API keys per account; revoke unused ones first',
  },
});
