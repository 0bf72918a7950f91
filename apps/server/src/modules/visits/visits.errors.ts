import { defineErrors } from '../../platform/errors.ts';

export const VisitErrors = defineErrors({
  VISIT_WINDOW_PAST: {
    status: 422,
    'zh-CN': '预约时段必须在当前时间之后',
    'en-US': 'The appointment window must start in the future',
  },
  VISIT_WINDOW_LENGTH: {
    status: 422,
    'zh-CN': '预约时段须在 {minMinutes} 分钟到 {maxHours} 小时之间',
    'en-US': 'An appointment window lasts {minMinutes} minutes to {maxHours} hours',
  },
  VISIT_WINDOW_TOO_FAR: {
    status: 422,
    'zh-CN': '预约时间不能超过 {maxDaysAhead} 天之后',
    'en-US': 'An appointment cannot start more than {maxDaysAhead} days ahead',
  },
  VISIT_REQUESTER_MISMATCH: {
    status: 422,
    'zh-CN': '用户本人改约时，提出方只能是“用户”',
    'en-US': 'A customer rescheduling for themselves must give requestedBy "customer"',
  },
  VISIT_NOT_OPEN: {
    status: 409,
    'zh-CN': '没有进行中的上门记录（请先签到）',
    'en-US': 'There is no open visit (check in first)',
  },
  VISIT_CHECKLIST_ITEM_UNKNOWN: {
    status: 422,
    'zh-CN': '检查项 {itemId} 不在该品牌的上门规范中',
    'en-US': 'Checklist item {itemId} is not in the brand’s on-site checklist',
  },
  VISIT_CHECKLIST_INCOMPLETE: {
    status: 422,
    'zh-CN': '以下必做项尚未完成：{names}',
    'en-US': 'These required checklist items are not ticked: {names}',
  },
  VISIT_FAULT_CODE_UNKNOWN: {
    status: 422,
    'zh-CN': '故障代码 {code} 不在该品牌的故障代码目录中',
    'en-US': 'Fault code {code} is not in the brand’s fault-code catalog',
  },
  VISIT_CODE_NOT_SENT: {
    status: 422,
    'zh-CN': '尚未向用户发送完工验证码',
    'en-US': 'No completion code has been sent to the customer',
  },
  VISIT_CODE_EXPIRED: {
    status: 422,
    'zh-CN': '完工验证码已过期，请重新发送',
    'en-US': 'The completion code has expired; send a new one',
  },
  VISIT_CODE_WRONG: {
    status: 422,
    'zh-CN': '完工验证码不正确，还可尝试 {attemptsLeft} 次',
    'en-US': 'The completion code is wrong; {attemptsLeft} attempts left',
  },
  VISIT_CODE_VOID: {
    status: 422,
    'zh-CN': '验证码错误次数过多已作废，请重新发送',
    'en-US': 'Too many wrong attempts: the code is void; send a new one',
  },
  VISIT_CODE_RECENT: {
    status: 409,
    'zh-CN': '验证码刚刚发送过，请 {seconds} 秒后再试',
    'en-US': 'A code was just sent; try again in {seconds} seconds',
  },
  VISIT_SIGNATURE_INVALID: {
    status: 422,
    'zh-CN': '签名必须是不超过 200 KB 的 PNG 图片',
    'en-US': 'The signature must be a PNG image of at most 200 KB',
  },
  VISIT_NO_PHONE: {
    status: 422,
    'zh-CN': '工单的联系电话不是手机号码，无法发送短信验证码，请让用户签名确认',
    'en-US': 'The contact number is not a mobile; the customer must sign instead',
  },
  VISIT_QUOTE_NOT_ACCEPTED: {
    status: 422,
    'zh-CN': '应付金额 {payableFen} 分的报价尚未经用户确认，不能完工',
    'en-US': 'The quote with {payableFen} fen payable has not been accepted by the customer',
  },
  VISIT_QUOTE_NONE: {
    status: 409,
    'zh-CN': '没有待用户确认的报价',
    'en-US': 'There is no quote awaiting the customer’s decision',
  },
  VISIT_QUOTE_ITEM_UNKNOWN: {
    status: 422,
    'zh-CN': '收费项目 {code} 不在该品牌的收费标准中',
    'en-US': 'Fee item {code} is not in the brand’s fee standard',
  },
  VISIT_QUOTE_ITEM_CATEGORY: {
    status: 422,
    'zh-CN': '收费项目 {code} 不适用于品类 {category}',
    'en-US': 'Fee item {code} does not apply to category {category}',
  },
  VISIT_PART_UNKNOWN: {
    status: 422,
    'zh-CN': '配件 {partCode} 不在该品牌的配件目录中',
    'en-US': 'Part {partCode} is not in the brand’s parts catalog',
  },
  VISIT_NOT_RESOLVED: {
    status: 409,
    'zh-CN': '工单尚未完工，不能确认',
    'en-US': 'The order is not resolved; there is nothing to confirm yet',
  },
  VISIT_ALREADY_CONFIRMED: {
    status: 409,
    'zh-CN': '您已确认过服务完成',
    'en-US': 'You have already confirmed the completion',
  },
  RETURN_VISIT_NOT_OPEN: {
    status: 409,
    'zh-CN': '回访任务已办结或已取消',
    'en-US': 'The return-visit task is done or cancelled',
  },
});
