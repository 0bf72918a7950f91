import { defineErrors } from '../../platform/errors.ts';

// USERNAME_TAKEN and USER_SCOPE_INVALID live in modules/auth/auth.errors.ts.
export const UserErrors = defineErrors({
  USER_TECHNICIAN_TAKEN: {
    status: 409,
    'zh-CN': '该工程师已有登录账号',
    'en-US': 'This technician already has a login',
  },
  USER_SELF_DISABLE: {
    status: 422,
    'zh-CN': '不能停用自己的账号',
    'en-US': 'You cannot disable your own account',
  },
});
