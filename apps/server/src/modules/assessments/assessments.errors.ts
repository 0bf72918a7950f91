import { defineErrors } from '../../platform/errors.ts';

export const AssessmentErrors = defineErrors({
  SLIP_NOT_OPEN: {
    status: 409,
    'zh-CN': '考核单当前状态为 {status}，不能执行此操作',
    'en-US': 'The assessment slip is {status}; this needs an open slip',
  },
  SLIP_APPEAL_CLOSED: {
    status: 409,
    'zh-CN': '申诉期已于 {dueAt} 结束',
    'en-US': 'The appeal window closed at {dueAt}',
  },
  SLIP_NOT_APPEALED: {
    status: 409,
    'zh-CN': '考核单当前状态为 {status}，只有已申诉的考核单可以复核',
    'en-US': 'The assessment slip is {status}; only an appealed slip can be reviewed',
  },
  REMEDY_NOT_PROPOSED: {
    status: 409,
    'zh-CN': '该补偿方案已{status}，不能再次决定',
    'en-US': 'The remedy is already {status}',
  },
  REMEDY_OVER_LIMIT: {
    status: 403,
    'zh-CN': '补偿金额 {amountYuan} 元超出您的审批限额 {limitYuan} 元',
    'en-US': 'The remedy amount of {amountYuan} yuan is above your approval limit of {limitYuan} yuan',
  },
});
