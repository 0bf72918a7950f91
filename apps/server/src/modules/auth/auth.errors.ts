import { defineErrors } from '../../platform/errors.ts';

export const AuthErrors = defineErrors({
  LOGIN_FAILED: { status: 401, 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    'zh-CN': '登录失败次数过多，账号已锁定至 {until}',
    'en-US': 'Too many failed logins; the account is locked until {until}',
  },
  ACCOUNT_DISABLED: { status: 403, 'zh-CN': '账号已停用', 'en-US': 'This account is disabled' },
  USERNAME_TAKEN: { status: 409, 'zh-CN': '用户名已存在', 'en-US': 'This username is taken' },
  USER_SCOPE_INVALID: {
    status: 422,
    'zh-CN': '角色 {role} 的数据范围不完整：{reason}',
    'en-US': 'The data scope for role {role} is incomplete: {reason}',
  },
});
