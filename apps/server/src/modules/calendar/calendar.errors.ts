import { defineErrors } from '../../platform/errors.ts';

export const CalendarErrors = defineErrors({
  CALENDAR_DAY_EXISTS: {
    status: 409,
    'zh-CN': '{date} 已有同范围的日历调整',
    'en-US': 'There is already a calendar change for {date} with the same scope',
  },
  CALENDAR_NATIONAL_FORBIDDEN: {
    status: 403,
    'zh-CN': '只有平台管理员可以调整全国日历',
    'en-US': 'Only the platform administrator can change the national calendar',
  },
  CALENDAR_DIVISION_UNKNOWN: {
    status: 422,
    'zh-CN': '没有以 {prefix} 开头的行政区划',
    'en-US': 'No administrative division starts with {prefix}',
  },
  CALENDAR_DATE_OUT_OF_RANGE: {
    status: 422,
    'zh-CN': '日期 {date} 超出可调整的范围（{from}–{to} 年）',
    'en-US': 'The date {date} is outside the years that can be changed ({from}–{to})',
  },
  CALENDAR_RANGE_TOO_LONG: {
    status: 422,
    'zh-CN': '预览范围须在 1 至 366 天之间',
    'en-US': 'A preview covers 1 to 366 days',
  },
});
