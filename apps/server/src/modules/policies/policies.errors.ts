import { defineErrors } from '../../platform/errors.ts';

export const PolicyErrors = defineErrors({
  POLICY_PACK_INVALID: {
    status: 422,
    'zh-CN': '政策包有 {count} 处错误，未保存',
    'en-US': 'The policy pack has {count} error(s); nothing was saved',
  },
  POLICY_PACK_ID_MISMATCH: {
    status: 422,
    'zh-CN': '文本中的 id 为 {found}，不是政策包 {expected}',
    'en-US': 'The text says id {found}, not policy pack {expected}',
  },
  POLICY_VERSION_NOT_NEWER: {
    status: 422,
    'zh-CN': '版本号 {version} 须大于已保存的所有版本（最大为 {latest}）',
    'en-US': 'Version {version} must be greater than every stored version (the highest is {latest})',
  },
  POLICY_BASELINE_FORBIDDEN: {
    status: 403,
    'zh-CN': '国家三包基线政策包只能由平台管理员修改',
    'en-US': 'Only the platform administrator can change the national baseline pack',
  },
  POLICY_VERSION_NOT_DRAFT: {
    status: 409,
    'zh-CN': '版本 {version} 不是草稿（当前状态：{status}）',
    'en-US': 'Version {version} is not a draft (it is {status})',
  },
  POLICY_VERSION_STALE: {
    status: 409,
    'zh-CN': '已有更新的生效版本 {latest}，不能启用较旧的草稿 {version}',
    'en-US': 'Version {latest} is already in force; the older draft {version} cannot be activated',
  },
  POLICY_ACTIVATION_BREAKS: {
    status: 422,
    'zh-CN': '启用后政策包无法解析（{count} 处错误），未启用',
    'en-US': 'Activating it would leave packs that do not resolve ({count} error(s)); nothing changed',
  },
});
