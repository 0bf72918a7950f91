import type { Role } from '@aftercare/contracts';

/** The demo logins shown on the login page in demo mode. All share one password. */
export const DEMO_PASSWORD = 'aftercare-demo';

export interface DemoUser {
  username: string;
  role: Role;
  label: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', role: 'platform_admin', label: '平台管理员 Platform admin' },
  { username: 'aux.admin', role: 'brand_admin', label: '奥克斯 品牌管理员 AUX brand admin' },
  { username: 'aux.manager', role: 'service_manager', label: '奥克斯 售后经理 AUX service manager' },
  { username: 'aux.east.manager', role: 'service_manager', label: '奥克斯 华东大区经理 AUX east region manager' },
  { username: 'aux.agent', role: 'agent', label: '奥克斯 坐席 AUX agent' },
  { username: 'aux.dispatcher', role: 'dispatcher', label: '奥克斯 派单员 AUX dispatcher' },
  { username: 'aux.qi', role: 'quality_inspector', label: '奥克斯 质检员 AUX quality inspector' },
  { username: 'gome.admin', role: 'brand_admin', label: '国美 品牌管理员 Gome brand admin' },
  { username: 'gome.agent', role: 'agent', label: '国美 坐席（三个品牌热线）Gome agent, three hotlines' },
  { username: 'fujitsu.admin', role: 'brand_admin', label: '富士通 品牌管理员 Fujitsu brand admin' },
  { username: 'outlet.manager', role: 'outlet_manager', label: '网点负责人 Outlet manager' },
  { username: 'technician', role: 'technician', label: '服务工程师 Technician' },
  { username: 'customer', role: 'customer', label: '用户 Customer' },
];
