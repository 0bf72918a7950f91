import { defineErrors } from '../../platform/errors.ts';

export const ServiceCenterErrors = defineErrors({
  SERVICE_CENTER_CODE_TAKEN: {
    status: 409,
    'zh-CN': '该品牌已有编码为 {code} 的服务管理中心',
    'en-US': 'The brand already has a service center with code {code}',
  },
  SERVICE_CENTER_REGION_UNKNOWN: {
    status: 422,
    'zh-CN': '大区 {regionId} 不存在或不在您的管理范围内',
    'en-US': 'Region {regionId} does not exist or is outside your scope',
  },
  SERVICE_CENTER_REGION_INACTIVE: {
    status: 422,
    'zh-CN': '大区 {regionId} 已停用，不能新建服务管理中心',
    'en-US': 'Region {regionId} is inactive; no new service centers can be added to it',
  },
  SERVICE_CENTER_DIVISION_UNKNOWN: {
    status: 422,
    'zh-CN': '行政区划代码 {code} 不存在',
    'en-US': 'Division code {code} does not exist',
  },
});
