import { defineErrors } from '../../platform/errors.ts';

export const WarrantyErrors = defineErrors({
  WARRANTY_PACK_UNKNOWN: {
    status: 422,
    'zh-CN': '没有编号为 {packId} 的政策包{version}',
    'en-US': 'No policy pack {packId}{version} is loaded',
  },
  WARRANTY_PART_UNKNOWN: {
    status: 422,
    'zh-CN': '配件 {parts} 既不是该品牌的配件编码，也不是政策包中该品类的部件',
    'en-US': 'Parts {parts} are neither part codes of the brand nor parts the pack names for the category',
  },
  WARRANTY_FACTS_INVALID: {
    status: 400,
    'zh-CN': '保修事实无效：{reason}',
    'en-US': 'The warranty facts are not valid: {reason}',
  },
  ENTITLEMENT_UNKNOWN: {
    status: 404,
    'zh-CN': '该产品的政策包中没有免费服务权益 {entitlementId}',
    'en-US': "The product's policy pack has no free-service entitlement {entitlementId} for it",
  },
  ENTITLEMENT_USED_UP: {
    status: 409,
    'zh-CN': '免费服务权益 {entitlementId} 本期已用完：{reason}',
    'en-US': 'Free-service entitlement {entitlementId} is used up for this period: {reasonEn}',
  },
  ENTITLEMENT_NOT_AVAILABLE: {
    status: 409,
    'zh-CN': '免费服务权益 {entitlementId} 当日不可用：{reason}',
    'en-US': 'Free-service entitlement {entitlementId} is not available on that day: {reasonEn}',
  },
  ENTITLEMENT_USE_VOIDED: {
    status: 409,
    'zh-CN': '该次使用记录 {useId} 已作废',
    'en-US': 'Use {useId} is already voided',
  },
});
