import { defineErrors } from '../../platform/errors.ts';

export const TechnicianErrors = defineErrors({
  TECHNICIAN_CODE_TAKEN: {
    status: 409,
    'zh-CN': '工程师编号 {code} 已存在',
    'en-US': 'Technician code {code} already exists',
  },
  TECHNICIAN_OUTLET_INVALID: {
    status: 422,
    'zh-CN': '网点不存在、不可见或已终止合作',
    'en-US': 'The outlet does not exist, is not visible to you or is terminated',
  },
  TECHNICIAN_SKILL_INVALID: {
    status: 422,
    'zh-CN': '品类 {category} 不属于该网点服务的任何品牌',
    'en-US': 'Category {category} belongs to none of the brands this outlet serves',
  },
  TECHNICIAN_LICENCE_INCOMPLETE: {
    status: 422,
    'zh-CN': '填写上岗证有效期时必须同时填写证号',
    'en-US': 'A licence validity date needs a licence number',
  },
  TECHNICIAN_TRAINING_DATE_INVALID: {
    status: 422,
    'zh-CN': '培训完成日期 {date} 晚于今天',
    'en-US': 'The training completion date {date} is in the future',
  },
  // Why a technician cannot be assigned a job (PRODUCT A, F).
  TECHNICIAN_INACTIVE: {
    status: 422,
    'zh-CN': '工程师已停用，不能派工',
    'en-US': 'The technician is inactive and cannot be assigned',
  },
  TECHNICIAN_LICENCE_MISSING: {
    status: 422,
    'zh-CN': '工程师没有上岗证，不能派工',
    'en-US': 'The technician has no licence on file and cannot be assigned',
  },
  TECHNICIAN_LICENCE_EXPIRED: {
    status: 422,
    'zh-CN': '工程师上岗证已于 {until} 过期，不能派工',
    'en-US': "The technician's licence expired on {until}; they cannot be assigned",
  },
  TECHNICIAN_SKILL_MISSING: {
    status: 422,
    'zh-CN': '工程师不具备 {category} × {serviceType} 的技能',
    'en-US': 'The technician lacks the skill {category} × {serviceType}',
  },
});
