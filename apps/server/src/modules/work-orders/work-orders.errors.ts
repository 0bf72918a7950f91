import { defineErrors } from '../../platform/errors.ts';

export const WorkOrderErrors = defineErrors({
  WORK_ORDER_ILLEGAL_TRANSITION: {
    status: 409,
    'zh-CN': '工单当前状态为“{status}”，不能执行“{action}”',
    'en-US': 'The order is {status}; "{action}" is not allowed now',
  },
  WORK_ORDER_REASON_REQUIRED: {
    status: 422,
    'zh-CN': '“{action}”必须填写原因',
    'en-US': '"{action}" needs a reason',
  },
  WORK_ORDER_TECHNICIAN_REQUIRED: {
    status: 409,
    'zh-CN': '工单尚未指派服务工程师，不能执行“{action}”',
    'en-US': 'No technician is assigned; "{action}" is not possible yet',
  },
  WORK_ORDER_APPOINTMENT_REQUIRED: {
    status: 409,
    'zh-CN': '工单尚未预约上门时间，不能执行“{action}”',
    'en-US': 'No appointment is booked; "{action}" is not possible yet',
  },
  WORK_ORDER_COMPLETION_PROOF_REQUIRED: {
    status: 422,
    'zh-CN': '完工需要用户收到的验证码或用户签名',
    'en-US': 'Completion needs the code the customer received or the customer’s signature',
  },
  WORK_ORDER_VERSION_STALE: {
    status: 412,
    'zh-CN': '工单已被他人修改（当前版本 {current}，您提交的是 {given}），请刷新后重试',
    'en-US': 'The order was changed by someone else (now version {current}, you sent {given}); reload and retry',
  },
  WORK_ORDER_RECEIVED_AT_INVALID: {
    status: 422,
    'zh-CN': '来电时间不能晚于现在，也不能早于 7 天前',
    'en-US': 'The time the contact came in cannot be in the future or more than 7 days back',
  },
  WORK_ORDER_VERSION_INVALID: {
    status: 400,
    'zh-CN': 'If-Match 必须是工单版本号',
    'en-US': 'If-Match must be the order version',
  },
  WORK_ORDER_DUPLICATE: {
    status: 409,
    'zh-CN': '该用户的这台产品已有未完结工单 {number}，请选择关联到该工单或新建关联工单',
    'en-US': 'This customer already has open order {number} for this product; link to it or create a linked order',
  },
  WORK_ORDER_BRAND_UNKNOWN: {
    status: 422,
    'zh-CN': '品牌 {brandId} 不存在或不在您的管理范围内',
    'en-US': 'Brand {brandId} does not exist or is outside your scope',
  },
  WORK_ORDER_CUSTOMER_UNKNOWN: {
    status: 422,
    'zh-CN': '用户 {customerId} 不存在、已合并或不属于该品牌',
    'en-US': 'Customer {customerId} does not exist, was merged or belongs to another brand',
  },
  WORK_ORDER_PRODUCT_UNKNOWN: {
    status: 422,
    'zh-CN': '产品 {productId} 不存在或不属于该用户',
    'en-US': 'Product {productId} does not exist or does not belong to this customer',
  },
  WORK_ORDER_CATEGORY_REQUIRED: {
    status: 422,
    'zh-CN': '没有登记产品时必须填写品类',
    'en-US': 'Give the category when no registered product is chosen',
  },
  WORK_ORDER_CATEGORY_UNKNOWN: {
    status: 422,
    'zh-CN': '品类 {categoryCode} 不是该品牌的品类',
    'en-US': 'Category {categoryCode} is not one of the brand’s categories',
  },
  WORK_ORDER_ADDRESS_REQUIRED: {
    status: 422,
    'zh-CN': '用户没有地址，请填写服务地址',
    'en-US': 'The customer has no address; give the service address',
  },
  WORK_ORDER_DIVISION_UNKNOWN: {
    status: 422,
    'zh-CN': '行政区划代码 {code} 不存在',
    'en-US': 'Division code {code} does not exist',
  },
  WORK_ORDER_PHONE_INVALID: {
    status: 422,
    'zh-CN': '电话号码 {number} 不是有效的手机或带区号的固定电话',
    'en-US': 'Phone number {number} is not a valid mobile or landline with area code',
  },
  WORK_ORDER_FAULT_CODE_UNKNOWN: {
    status: 422,
    'zh-CN': '故障代码 {code} 不在该品牌的故障代码目录中',
    'en-US': 'Fault code {code} is not in the brand’s fault-code catalog',
  },
  WORK_ORDER_CALL_CLOSED: {
    status: 409,
    'zh-CN': '工单当前状态为“{status}”，已不在服务中，不能再拨打用户电话',
    'en-US': 'The order is {status}; the job is over, so the customer can no longer be called from it',
  },
  WORK_ORDER_TOKEN_INVALID: {
    status: 404,
    'zh-CN': '链接无效或已过期',
    'en-US': 'This link is not valid or has expired',
  },
});
