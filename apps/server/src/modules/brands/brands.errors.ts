import { defineErrors } from '../../platform/errors.ts';

export const BrandErrors = defineErrors({
  BRAND_CODE_TAKEN: { status: 409, 'zh-CN': '品牌编码 {code} 已存在', 'en-US': 'Brand code {code} already exists' },
  BRAND_CREATE_FORBIDDEN: {
    status: 403,
    'zh-CN': '只有平台管理员可以新建品牌',
    'en-US': 'Only the platform administrator can create brands',
  },
});
