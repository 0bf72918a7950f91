/** Reference data for the demo customers: volumes, category mix, telephone area codes, place and store names. */

/** Customers per brand (≈ 2 000 in all). */
export const PER_BRAND: Record<string, number> = { AUX: 520, GOME: 460, MIDEA: 480, FUJITSU: 260, ORLUSA: 280 };

/** How often each category is bought (default 10). */
export const CATEGORY_WEIGHT: Record<string, number> = {
  'AUX:air_conditioner': 80,
  'AUX:central_air_conditioner': 4,
  'AUX:heat_pump_water_heater': 16,
  'GOME:air_conditioner': 20,
  'GOME:refrigerator': 15,
  'GOME:washer': 15,
  'GOME:television': 15,
  'GOME:computer': 8,
  'GOME:sanitary_ware': 6,
  'MIDEA:air_conditioner': 30,
  'MIDEA:refrigerator': 15,
  'MIDEA:washer': 15,
  'MIDEA:dishwasher': 5,
  'FUJITSU:laptop': 55,
  'FUJITSU:desktop': 25,
  'FUJITSU:server': 4,
  'FUJITSU:scanner': 14,
  'ORLUSA:smart_toilet': 35,
  'ORLUSA:toilet': 20,
  'ORLUSA:faucet_shower': 20,
  'ORLUSA:shower_room': 8,
  'ORLUSA:bathroom_cabinet': 15,
};

/** Categories bought mostly by institutions and companies. */
export const PROJECT_CATEGORIES = new Set(['central_air_conditioner', 'server']);

/** Categories that are delivered and installed by an outlet (the others are carried home or shipped). */
export const INSTALLED = new Set([
  'air_conditioner',
  'central_air_conditioner',
  'heat_pump_water_heater',
  'water_heater',
  'kitchen_appliance',
  'dishwasher',
  'washer',
  'television',
  'sanitary_ware',
  'smart_toilet',
  'toilet',
  'faucet_shower',
  'shower_room',
  'bathroom_cabinet',
  'server',
]);

export const SERIAL_PREFIX: Record<string, string> = {
  AUX: 'AX',
  GOME: 'GM',
  MIDEA: 'MD',
  FUJITSU: 'FJ',
  ORLUSA: 'OL',
};

/**
 * The rule of each brand's pack (policies/*.yaml, `serial.rules`) that reads the demo serials
 * (prefix, yymm, 9 digits): products registered without an invoice carry the production date it
 * reads, marked as read from the serial.
 */
export const SERIAL_RULE: Record<string, string> = {
  AUX: 'aux-ax-yymm',
  GOME: 'gome-gm-yymm',
  MIDEA: 'midea-md-yymm',
  FUJITSU: 'fujitsu-fj-yymm',
  ORLUSA: 'orlusa-ol-yymm',
};

/** Telephone area codes of prefecture cities beyond the provincial capitals (PROVINCES has those). */
export const CITY_AREA_CODES: Record<string, string> = {
  '330200': '0574', // 宁波
  '330300': '0577', // 温州
  '330400': '0573', // 嘉兴
  '330500': '0572', // 湖州
  '330600': '0575', // 绍兴
  '330700': '0579', // 金华
  '330800': '0570', // 衢州
  '330900': '0580', // 舟山
  '331000': '0576', // 台州
  '331100': '0578', // 丽水
  '320200': '0510', // 无锡
  '320500': '0512', // 苏州
  '350200': '0592', // 厦门
  '370200': '0532', // 青岛
  '210200': '0411', // 大连
  '440300': '0755', // 深圳
};
export const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

export const ESTATES = [
  ...['阳光花园', '锦绣华庭', '翠苑', '金色家园', '新城花园', '桂花苑', '万科城', '碧桂园', '东方名苑', '世纪花园'],
  ...['天元小区', '幸福里', '紫金苑', '绿洲家园', '滨江花苑', '和平新村', '书香门第', '学府名邸', '春天华府'],
];
export const VILLAGE_SUFFIX = ['村', '庄', '湾', '坞', '店村'];
export const NOTES = [
  '老人独居，上门前请先电话联系家属',
  '白天上班，周末或晚上7点后方便上门',
  '小区需登记，师傅到门口打电话',
  '曾投诉安装不规范，上门注意服务态度',
  '家中有婴儿，上门请勿大声敲门',
  '高层外机，需高空作业',
];
export const ONLINE_STORES = [
  '京东自营旗舰店',
  '天猫官方旗舰店',
  '拼多多官方旗舰店',
  '苏宁易购官方店',
  '抖音官方旗舰店',
];
export const INSTITUTIONS = [
  ['institution:hospital', 30],
  ['institution:school', 30],
  ['institution:nursing_home', 10],
  ['institution:government', 10],
  ['institution:enterprise', 15],
  ['institution:other', 5],
] as const;
