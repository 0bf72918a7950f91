import { defineErrors } from '../../platform/errors.ts';

export const DispatchErrors = defineErrors({
  DISPATCH_OFFER_EXPIRED: {
    status: 409,
    'zh-CN': '派单已于 {expiredAt} 超时，不能再接单',
    'en-US': 'The offer expired at {expiredAt}; it can no longer be accepted',
  },
  DISPATCH_OUTLET_UNKNOWN: {
    status: 422,
    'zh-CN': '网点不存在或不服务该品牌',
    'en-US': 'The outlet does not exist or does not serve this brand',
  },
  DISPATCH_OUTLET_INACTIVE: {
    status: 422,
    'zh-CN': '网点当前状态为“{status}”，不能派单',
    'en-US': 'The outlet is {status}; orders cannot be sent to it',
  },
  DISPATCH_TECHNICIAN_UNKNOWN: {
    status: 422,
    'zh-CN': '该工程师不属于负责本工单的网点',
    'en-US': 'The technician does not belong to the outlet in charge of this order',
  },
  DISPATCH_BRAND_UNKNOWN: {
    status: 422,
    'zh-CN': '品牌不存在或无权管理',
    'en-US': 'The brand does not exist or is not yours to manage',
  },
  DISPATCH_CUSTOMER_UNKNOWN: {
    status: 422,
    'zh-CN': '客户不存在或不属于该品牌',
    'en-US': 'The customer does not exist or is not a customer of this brand',
  },
  DISPATCH_DIVISION_UNKNOWN: {
    status: 422,
    'zh-CN': '行政区划 {code} 不存在',
    'en-US': 'Unknown administrative division {code}',
  },
});
