/**
 * Labels of the service types (section E), which are also the work-order types: one list used by
 * the network pages (outlet authorizations, skills), the staff order pages and the field pages.
 */
export const serviceTypesZhCN = {
  installation: '安装',
  repair: '维修',
  maintenance: '保养',
  relocation: '移机',
  inspection: '检测',
  return_exchange: '退换货',
  consultation: '咨询',
  guidance: '电话指导',
  complaint: '投诉',
  recycling: '回收',
};

export const serviceTypesEnUS: typeof serviceTypesZhCN = {
  installation: 'Installation',
  repair: 'Repair',
  maintenance: 'Maintenance',
  relocation: 'Relocation',
  inspection: 'Inspection',
  return_exchange: 'Return / exchange',
  consultation: 'Consultation',
  guidance: 'Phone guidance',
  complaint: 'Complaint',
  recycling: 'Recycling',
};
