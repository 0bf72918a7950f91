import { SLA_REPORT_MAX_DAYS } from '@aftercare/contracts';
import { defineErrors } from '../../platform/errors.ts';

export const SlaReportErrors = defineErrors({
  SLA_REPORT_PERIOD_TOO_LONG: {
    status: 400,
    'zh-CN': `统计周期最长 ${SLA_REPORT_MAX_DAYS} 天`,
    'en-US': `A report covers at most ${SLA_REPORT_MAX_DAYS} days`,
  },
});
