import { defineErrors } from '../../platform/errors.ts';

export const SalesErrors = defineErrors({
  SALES_HAS_ERRORS: {
    status: 422,
    'zh-CN': '销售数据有 {count} 处错误，未写入任何数据',
    'en-US': 'The batch has {count} error(s); nothing was written',
  },
  SALES_PRODUCT_OTHER_CUSTOMER: {
    status: 422,
    'zh-CN': '机身条码 {serial} 已登记在另一位客户名下（电话不符）',
    'en-US': 'Serial {serial} is registered to another customer (the phone numbers do not match)',
  },
  SALES_LINE_CONFLICT: {
    status: 409,
    'zh-CN': '同一销售行正在被另一个请求写入，请重试',
    'en-US': 'The same sales line is being written by another request; try again',
  },
  SALES_DUPLICATE_EXTERNAL_ID: {
    status: 422,
    'zh-CN': 'externalId「{value}」与第 {line} 行重复',
    'en-US': 'externalId "{value}" repeats line {line}',
  },
});
