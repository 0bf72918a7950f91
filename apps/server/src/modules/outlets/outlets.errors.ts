import { defineErrors } from '../../platform/errors.ts';

export const OutletErrors = defineErrors({
  OUTLET_CODE_TAKEN: { status: 409, 'zh-CN': '网点编码 {code} 已存在', 'en-US': 'Outlet code {code} already exists' },
  OUTLET_BRAND_UNKNOWN: {
    status: 422,
    'zh-CN': '品牌 {brandId} 不存在或不在您的管理范围内',
    'en-US': 'Brand {brandId} does not exist or is outside your scope',
  },
  OUTLET_BRAND_DUPLICATE: {
    status: 422,
    'zh-CN': '品牌 {brandId} 重复出现在网点的品牌列表中',
    'en-US': 'Brand {brandId} is listed twice in the outlet brands',
  },
  OUTLET_REGION_NOT_IN_BRAND: {
    status: 422,
    'zh-CN': '大区 {regionId} 不属于品牌 {brandId}',
    'en-US': 'Region {regionId} does not belong to brand {brandId}',
  },
  OUTLET_CENTER_NOT_IN_BRAND: {
    status: 422,
    'zh-CN': '服务管理中心 {centerId} 不属于品牌 {brandId}',
    'en-US': 'Service center {centerId} does not belong to brand {brandId}',
  },
  OUTLET_CENTER_NOT_IN_REGION: {
    status: 422,
    'zh-CN': '服务管理中心 {centerId} 不属于大区 {regionId}',
    'en-US': 'Service center {centerId} does not belong to region {regionId}',
  },
  OUTLET_DIVISION_UNKNOWN: {
    status: 422,
    'zh-CN': '行政区划代码 {code} 不存在',
    'en-US': 'Division code {code} does not exist',
  },
  OUTLET_COVERAGE_UNKNOWN: {
    status: 422,
    'zh-CN': '服务范围中的行政区划代码不存在：{codes}',
    'en-US': 'Coverage division codes do not exist: {codes}',
  },
  OUTLET_AUTHORIZATION_BRAND_NOT_LINKED: {
    status: 422,
    'zh-CN': '授权的品牌 {brandId} 不是该网点的合作品牌',
    'en-US': 'Authorization brand {brandId} is not one of the outlet brands',
  },
  OUTLET_CATEGORY_UNKNOWN: {
    status: 422,
    'zh-CN': '品牌 {brandId} 没有品类 {categoryCode}',
    'en-US': 'Brand {brandId} has no category {categoryCode}',
  },
  OUTLET_PARENT_UNKNOWN: {
    status: 422,
    'zh-CN': '上级网点 {parentOutletId} 不存在或不在您的管理范围内',
    'en-US': 'Parent outlet {parentOutletId} does not exist or is outside your scope',
  },
  OUTLET_PARENT_CYCLE: {
    status: 422,
    'zh-CN': '上级网点 {parentOutletId} 会使网点层级形成循环',
    'en-US': 'Parent outlet {parentOutletId} would make the outlet hierarchy circular',
  },
  OUTLET_COORDINATES_INCOMPLETE: {
    status: 422,
    'zh-CN': '经度和纬度必须同时填写',
    'en-US': 'Latitude and longitude must be given together',
  },
});
