import { defineErrors } from '../../platform/errors.ts';

export const SlaErrors = defineErrors({
  SLA_PAUSE_REASON_REQUIRED: {
    status: 422,
    'zh-CN': '暂停时效计时必须选择原因（等待用户或等待配件）',
    'en-US': 'Pausing the SLA clock needs a reason (waiting for the customer or for parts)',
  },
  SLA_CLOCK_NOT_PAUSED: {
    status: 409,
    'zh-CN': '工单的时效计时没有暂停，无需恢复',
    'en-US': 'The SLA clock of this order is not paused',
  },
  SLA_CLOCK_ALREADY_PAUSED: {
    status: 409,
    'zh-CN': '工单的时效计时已经暂停（{pauseReason}）',
    'en-US': 'The SLA clock of this order is already paused ({pauseReason})',
  },
});
