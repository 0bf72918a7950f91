import { defineErrors } from '../../platform/errors.ts';

export const DivisionErrors = defineErrors({
  DIVISION_CODE_TAKEN: {
    status: 409,
    'zh-CN': '行政区划代码 {code} 已存在',
    'en-US': 'Division code {code} already exists',
  },
  DIVISION_PARENT_INVALID: {
    status: 422,
    'zh-CN': '上级区划无效：{reason}',
    'en-US': 'Invalid parent division: {reason}',
  },
  DIVISION_NOT_MANUAL: {
    status: 422,
    'zh-CN': '只能修改手工添加的区划名称；国家标准区划只能设置城乡分类',
    'en-US': 'Only manually added divisions can be renamed; national divisions only take an urban/rural override',
  },
});
