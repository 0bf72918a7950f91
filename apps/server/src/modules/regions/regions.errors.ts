import { defineErrors } from '../../platform/errors.ts';

export const RegionErrors = defineErrors({
  REGION_CODE_TAKEN: {
    status: 409,
    'zh-CN': '该品牌已有编码为 {code} 的大区',
    'en-US': 'The brand already has a region with code {code}',
  },
  REGION_BRAND_UNKNOWN: {
    status: 422,
    'zh-CN': '品牌 {brandId} 不存在或不在您的管理范围内',
    'en-US': 'Brand {brandId} does not exist or is outside your scope',
  },
  REGION_PROVINCE_UNKNOWN: {
    status: 422,
    'zh-CN': '省级行政区划代码无效：{codes}',
    'en-US': 'Not province-level division codes: {codes}',
  },
});
