import { defineErrors } from '../../platform/errors.ts';

export const CatalogErrors = defineErrors({
  CATALOG_BRAND_UNKNOWN: {
    status: 422,
    'zh-CN': '品牌 {brandId} 不存在或不在您的管理范围内',
    'en-US': 'Brand {brandId} does not exist or is outside your scope',
  },
  CATALOG_CATEGORY_UNKNOWN: {
    status: 422,
    'zh-CN': '品类 {categoryCode} 不是该品牌的品类',
    'en-US': 'Category {categoryCode} is not one of the brand’s categories',
  },
  CATALOG_MODEL_UNKNOWN: {
    status: 422,
    'zh-CN': '型号不存在或不属于该品牌：{ids}',
    'en-US': 'Models that do not exist or are not of the brand: {ids}',
  },
  MODEL_CODE_TAKEN: {
    status: 409,
    'zh-CN': '该品牌已有编码为 {code} 的型号',
    'en-US': 'The brand already has a model with code {code}',
  },
  PART_CODE_TAKEN: {
    status: 409,
    'zh-CN': '该品牌已有编码为 {code} 的配件',
    'en-US': 'The brand already has a part with code {code}',
  },
});
