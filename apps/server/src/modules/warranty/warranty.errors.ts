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
});
