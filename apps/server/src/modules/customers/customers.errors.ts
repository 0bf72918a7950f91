import { defineErrors } from '../../platform/errors.ts';

export const CustomerErrors = defineErrors({
  CUSTOMER_BRAND_UNKNOWN: {
    status: 422,
    'zh-CN': '品牌 {brandId} 不存在或不在您的管理范围内',
    'en-US': 'Brand {brandId} does not exist or is outside your scope',
  },
  CUSTOMER_PHONE_INVALID: {
    status: 422,
    'zh-CN': '电话号码 {number} 不是有效的手机或带区号的固定电话',
    'en-US': 'Phone number {number} is not a valid mobile or landline with area code',
  },
  CUSTOMER_PRIMARY_TWICE: {
    status: 422,
    'zh-CN': '{list} 中只能有一个设为首选',
    'en-US': 'Only one entry of {list} can be primary',
  },
  CUSTOMER_DIVISION_UNKNOWN: {
    status: 422,
    'zh-CN': '行政区划代码 {code} 不存在',
    'en-US': 'Division code {code} does not exist',
  },
  CUSTOMER_MERGED: {
    status: 409,
    'zh-CN': '客户 {id} 已合并到其他客户档案，不能再修改',
    'en-US': 'Customer {id} was merged into another customer and cannot be changed',
  },
  CUSTOMER_MERGE_SELF: {
    status: 422,
    'zh-CN': '不能将客户与其自身合并',
    'en-US': 'A customer cannot be merged with itself',
  },
  CUSTOMER_MERGE_OTHER_UNKNOWN: {
    status: 422,
    'zh-CN': '要合并的客户 {otherId} 不存在或不在您的管理范围内',
    'en-US': 'Customer {otherId} to merge does not exist or is outside your scope',
  },
  CUSTOMER_MERGE_BRAND_MISMATCH: {
    status: 422,
    'zh-CN': '只能合并同一品牌的客户',
    'en-US': 'Only customers of the same brand can be merged',
  },
  CUSTOMER_LOOKUP_PHONE_INVALID: {
    status: 422,
    'zh-CN': '{phone} 不是完整的电话号码',
    'en-US': '{phone} is not a whole phone number',
  },
  PRODUCT_CUSTOMER_UNKNOWN: {
    status: 422,
    'zh-CN': '客户 {customerId} 不存在或不在您的管理范围内',
    'en-US': 'Customer {customerId} does not exist or is outside your scope',
  },
  PRODUCT_CATEGORY_UNKNOWN: {
    status: 422,
    'zh-CN': '品牌没有品类 {categoryCode}',
    'en-US': 'The brand has no category {categoryCode}',
  },
  PRODUCT_OUTLET_UNKNOWN: {
    status: 422,
    'zh-CN': '安装网点 {outletId} 不存在、不服务该品牌或不在您的管理范围内',
    'en-US': 'Installing outlet {outletId} does not exist, does not serve the brand or is outside your scope',
  },
  PRODUCT_SERIAL_TAKEN: {
    status: 409,
    'zh-CN': '该品牌已登记序列号 {serial} 的机器',
    'en-US': 'The brand already has a product with serial {serial}',
  },
  PRODUCT_CONTRACT_TAKEN: {
    status: 409,
    'zh-CN': '该品牌已有延保合同号 {contractNo}',
    'en-US': 'The brand already has an extended-warranty contract {contractNo}',
  },
  PRODUCT_CONTRACT_DATES: {
    status: 422,
    'zh-CN': '延保合同 {contractNo} 的结束日期早于开始日期',
    'en-US': 'Extended-warranty contract {contractNo} ends before it starts',
  },
});
