import type { ServiceType } from '@aftercare/contracts';

/** Reference data for the demo set: the seed programs' brands, China's provinces, names and words. */

export type OutletKind = 'appliance' | 'pc' | 'sanitary';
export type CategoryGroup = 'ac' | 'appliance' | 'pc' | 'sanitary';

export interface DemoCategory {
  code: string;
  name: string;
  nameEn: string;
  group: CategoryGroup;
  /** Outlet kinds that service this category for the brand. */
  kinds: readonly OutletKind[];
  /** Only service centers (the top tier) are authorized for it. */
  centerOnly?: boolean;
}

export interface DemoBrand {
  code: string;
  name: string;
  nameEn: string;
  hotlines: string[];
  policyPack: string;
  /** Big brands get eleven regions and a management center per province; small ones six and one. */
  big: boolean;
  categories: DemoCategory[];
}

const cat = (
  code: string,
  name: string,
  nameEn: string,
  group: CategoryGroup,
  kinds: readonly OutletKind[],
  centerOnly = false,
): DemoCategory => ({ code, name, nameEn, group, kinds, centerOnly });

const A = ['appliance'] as const;

export const BRANDS: readonly DemoBrand[] = [
  {
    code: 'AUX',
    name: '奥克斯',
    nameEn: 'AUX',
    hotlines: ['4008268268'],
    policyPack: 'aux',
    big: true,
    categories: [
      cat('air_conditioner', '家用空调', 'Air conditioner', 'ac', A),
      cat('central_air_conditioner', '中央空调', 'Central air conditioner', 'ac', A, true),
      cat('heat_pump_water_heater', '空气能热水器', 'Heat-pump water heater', 'appliance', A),
    ],
  },
  {
    code: 'GOME',
    name: '国美',
    nameEn: 'Gome',
    hotlines: ['4008113333', '4008708708'],
    policyPack: 'gome',
    big: true,
    categories: [
      cat('air_conditioner', '空调', 'Air conditioner', 'ac', A),
      cat('refrigerator', '冰箱', 'Refrigerator', 'appliance', A),
      cat('washer', '洗衣机', 'Washing machine', 'appliance', A),
      cat('television', '彩电', 'Television', 'appliance', A),
      cat('water_heater', '热水器', 'Water heater', 'appliance', ['appliance', 'sanitary']),
      cat('kitchen_appliance', '厨卫电器', 'Kitchen appliance', 'appliance', A),
      cat('computer', '电脑', 'Computer', 'pc', ['pc']),
      cat('sanitary_ware', '卫浴洁具', 'Sanitary ware', 'sanitary', ['sanitary']),
    ],
  },
  {
    code: 'MIDEA',
    name: '美的',
    nameEn: 'Midea',
    hotlines: ['4008899315'],
    policyPack: 'midea',
    big: true,
    categories: [
      cat('air_conditioner', '空调', 'Air conditioner', 'ac', A),
      cat('refrigerator', '冰箱', 'Refrigerator', 'appliance', A),
      cat('washer', '洗衣机', 'Washing machine', 'appliance', A),
      cat('water_heater', '热水器', 'Water heater', 'appliance', A),
      cat('kitchen_appliance', '烟机灶具', 'Range hood and hob', 'appliance', A),
      cat('microwave', '微波炉', 'Microwave oven', 'appliance', A),
      cat('dishwasher', '洗碗机', 'Dishwasher', 'appliance', A, true),
    ],
  },
  {
    code: 'FUJITSU',
    name: '富士通',
    nameEn: 'Fujitsu',
    hotlines: ['4008108800'],
    policyPack: 'fujitsu',
    big: false,
    categories: [
      cat('laptop', '笔记本电脑', 'Laptop', 'pc', ['pc']),
      cat('desktop', '台式电脑', 'Desktop', 'pc', ['pc']),
      cat('server', '服务器', 'Server', 'pc', ['pc'], true),
      cat('scanner', '扫描仪', 'Scanner', 'pc', ['pc']),
    ],
  },
  {
    code: 'ORLUSA',
    name: '欧路莎',
    nameEn: 'Orlusa',
    hotlines: ['4006161718'],
    policyPack: 'orlusa',
    big: false,
    categories: [
      cat('smart_toilet', '智能马桶', 'Smart toilet', 'sanitary', ['sanitary']),
      cat('toilet', '坐便器', 'Toilet', 'sanitary', ['sanitary']),
      cat('faucet_shower', '龙头花洒', 'Faucet and shower', 'sanitary', ['sanitary']),
      cat('shower_room', '淋浴房', 'Shower enclosure', 'sanitary', ['sanitary'], true),
      cat('bathroom_cabinet', '浴室柜', 'Bathroom cabinet', 'sanitary', ['sanitary']),
    ],
  },
];

/** Which brands serve each outlet kind, and the brand sets a core operator signs (weights). */
export const KIND_BRAND_SETS: Record<OutletKind, readonly (readonly [string[], number])[]> = {
  appliance: [
    [['AUX', 'MIDEA', 'GOME'], 25],
    [['AUX', 'MIDEA'], 20],
    [['AUX', 'GOME'], 15],
    [['MIDEA', 'GOME'], 15],
    [['AUX'], 15],
    [['MIDEA'], 10],
  ],
  pc: [
    [['FUJITSU', 'GOME'], 5],
    [['FUJITSU'], 5],
  ],
  sanitary: [
    [['ORLUSA', 'GOME'], 4],
    [['ORLUSA'], 6],
  ],
};

export const KIND_WORD: Record<OutletKind, { center: string; specialist: string; point: string }> = {
  appliance: { center: '家电服务中心', specialist: '空调专修部', point: '家电特约维修点' },
  pc: { center: '电脑服务中心', specialist: '笔记本专修部', point: '电脑特约维修点' },
  sanitary: { center: '卫浴服务中心', specialist: '洁具专修部', point: '卫浴特约维修点' },
};

/** Service types by category group (what an outlet can be authorized for; call-center types excluded). */
export const GROUP_SERVICE_TYPES: Record<CategoryGroup, readonly ServiceType[]> = {
  ac: ['installation', 'repair', 'maintenance', 'relocation', 'inspection', 'recycling', 'return_exchange'],
  appliance: ['installation', 'repair', 'maintenance', 'inspection', 'recycling', 'return_exchange'],
  pc: ['installation', 'repair', 'maintenance', 'inspection', 'recycling', 'return_exchange'],
  sanitary: ['installation', 'repair', 'maintenance', 'inspection', 'return_exchange'],
};

/** Lower tiers do the field work; inspections, recycling and exchanges stay with service centers. */
export const TIER_SERVICE_TYPES: Record<'service_center' | 'specialist' | 'authorized', ReadonlySet<ServiceType>> = {
  service_center: new Set(GROUP_SERVICE_TYPES.ac),
  specialist: new Set<ServiceType>(['installation', 'repair', 'maintenance', 'relocation', 'inspection']),
  authorized: new Set<ServiceType>(['installation', 'repair', 'maintenance', 'relocation']),
};

export interface Province {
  code: string;
  short: string;
  capital: string; // city code of the capital
  lat: number;
  lng: number;
  /** Degrees of jitter around the capital that stay inside the province. */
  spread: number;
  areaCode: string; // the capital's telephone area code
  /** Service centers (core operators) the demo network has in the province. */
  centers: number;
}

const p = (
  code: string,
  short: string,
  lat: number,
  lng: number,
  spread: number,
  areaCode: string,
  centers: number,
): Province => ({ code, short, capital: `${code.slice(0, 2)}0100`, lat, lng, spread, areaCode, centers });

export const PROVINCES: readonly Province[] = [
  p('110000', '北京', 39.904, 116.407, 0.25, '010', 3),
  p('120000', '天津', 39.125, 117.19, 0.25, '022', 2),
  p('130000', '河北', 38.042, 114.515, 1.0, '0311', 3),
  p('140000', '山西', 37.87, 112.549, 0.8, '0351', 2),
  p('150000', '内蒙古', 40.842, 111.749, 1.0, '0471', 2),
  p('210000', '辽宁', 41.806, 123.432, 0.8, '024', 2),
  p('220000', '吉林', 43.817, 125.324, 0.8, '0431', 2),
  p('230000', '黑龙江', 45.803, 126.535, 1.0, '0451', 2),
  p('310000', '上海', 31.23, 121.474, 0.2, '021', 3),
  p('320000', '江苏', 32.06, 118.797, 0.8, '025', 3),
  p('330000', '浙江', 30.274, 120.155, 0.7, '0571', 3),
  p('340000', '安徽', 31.821, 117.227, 0.8, '0551', 3),
  p('350000', '福建', 26.075, 119.297, 0.6, '0591', 3),
  p('360000', '江西', 28.682, 115.858, 0.8, '0791', 2),
  p('370000', '山东', 36.651, 117.12, 0.9, '0531', 3),
  p('410000', '河南', 34.747, 113.625, 0.9, '0371', 3),
  p('420000', '湖北', 30.593, 114.305, 0.9, '027', 3),
  p('430000', '湖南', 28.228, 112.939, 0.9, '0731', 3),
  p('440000', '广东', 23.129, 113.264, 0.8, '020', 3),
  p('450000', '广西', 22.817, 108.367, 0.9, '0771', 2),
  p('460000', '海南', 20.044, 110.199, 0.2, '0898', 1),
  p('500000', '重庆', 29.563, 106.551, 0.5, '023', 2),
  p('510000', '四川', 30.572, 104.066, 1.0, '028', 3),
  p('520000', '贵州', 26.647, 106.63, 0.8, '0851', 2),
  p('530000', '云南', 25.038, 102.718, 1.0, '0871', 2),
  p('540000', '西藏', 29.652, 91.132, 0.6, '0891', 1),
  p('610000', '陕西', 34.341, 108.94, 0.8, '029', 2),
  p('620000', '甘肃', 36.061, 103.834, 0.8, '0931', 2),
  p('630000', '青海', 36.617, 101.778, 0.6, '0971', 1),
  p('640000', '宁夏', 38.487, 106.231, 0.4, '0951', 1),
  p('650000', '新疆', 43.826, 87.617, 1.2, '0991', 2),
];

export interface RegionPlan {
  code: string;
  name: string;
  provinces: string[];
}

/** Eleven regions (大区) for the big brands; every province belongs to exactly one. */
export const BIG_REGIONS: readonly RegionPlan[] = [
  { code: 'EAST', name: '华东大区', provinces: ['310000', '330000'] },
  { code: 'JIANGSU', name: '江苏大区', provinces: ['320000'] },
  { code: 'ANHUI', name: '安徽大区', provinces: ['340000'] },
  { code: 'SOUTHEAST', name: '东南大区', provinces: ['350000', '360000'] },
  { code: 'SHANDONG', name: '山东大区', provinces: ['370000'] },
  { code: 'SOUTH', name: '华南大区', provinces: ['440000', '450000', '460000'] },
  { code: 'NORTH', name: '华北大区', provinces: ['110000', '120000', '130000', '140000', '150000'] },
  { code: 'CENTRAL', name: '华中大区', provinces: ['410000', '420000', '430000'] },
  { code: 'SOUTHWEST', name: '西南大区', provinces: ['500000', '510000', '520000', '530000', '540000'] },
  { code: 'NORTHWEST', name: '西北大区', provinces: ['610000', '620000', '630000', '640000', '650000'] },
  { code: 'NORTHEAST', name: '东北大区', provinces: ['210000', '220000', '230000'] },
];

/** Six regions for the smaller brands. */
export const SMALL_REGIONS: readonly RegionPlan[] = [
  { code: 'EAST', name: '华东大区', provinces: ['310000', '320000', '330000', '340000', '350000', '360000', '370000'] },
  { code: 'SOUTH', name: '华南大区', provinces: ['440000', '450000', '460000'] },
  { code: 'NORTH', name: '华北大区', provinces: ['110000', '120000', '130000', '140000', '150000'] },
  { code: 'NORTHEAST', name: '东北大区', provinces: ['210000', '220000', '230000'] },
  { code: 'CENTRAL', name: '华中大区', provinces: ['410000', '420000', '430000'] },
  {
    code: 'WEST',
    name: '西部大区',
    provinces: ['500000', '510000', '520000', '530000', '540000', '610000', '620000', '630000', '640000', '650000'],
  },
];

/** Frequency-ordered (王李张刘陈 first). */
export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];

export const MALE_GIVEN = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳峰亮成东海兵锋',
  ...['建国', '建华', '志强', '志明', '国强', '海涛', '晓东', '文杰', '俊杰', '子豪', '浩然', '宇航', '振华', '永强'],
  ...['立新', '春雷', '国平', '德明', '卫东', '家豪', '明辉', '志刚', '晓峰', '伟华', '金龙', '海波', '小龙', '建军'],
  ...['文斌', '天宇', '博文', '立伟', '玉林', '庆华', '少华', '振宇', '新华', '永明', '国栋', '世杰', '光明', '红兵'],
];

export const FEMALE_GIVEN = [
  ...'丽静敏燕娟艳芳婷雪慧琳洁颖',
  ...['晓燕', '丽娟', '海燕', '秀英', '桂英', '美玲', '雅琴', '佳怡', '欣怡', '思雨', '红梅', '春燕', '玉兰', '淑华'],
];

/** Shop names (字号) outlets trade under. */
export const TRADE_NAMES = [
  ...['恒通', '诚信', '顺达', '华信', '永安', '宏达', '金源', '佳美', '安达', '鑫盛', '众诚', '联创', '同创', '瑞丰'],
  ...['汇通', '天成', '广源', '正泰', '新星', '明远', '伟业', '百顺', '家和', '利民', '万家', '东升', '兴旺', '嘉禾'],
  ...['乐家', '惠民', '速达', '信达', '诚达', '志诚', '合力', '德信', '盛世', '康达', '益民', '邦德', '和顺', '通达'],
];

export const ROADS = [
  ...['人民路', '解放路', '中山路', '建设路', '新华路', '文化路', '胜利路', '和平路', '朝阳路', '长江路', '黄河路'],
  ...['工业路', '建国路', '青年路', '光明路', '幸福路', '育才路', '迎宾大道', '滨江路', '环城东路', '环城西路'],
  ...['府前街', '车站路', '东风路', '五一路', '振兴路', '发展大道', '商业街', '体育路', '花园路', '健康路'],
];

/** Training courses by outlet kind, plus the common ones every technician takes. */
export const COURSES: Record<OutletKind | 'common', readonly string[]> = {
  common: ['上门服务规范（五个一、二公开、三到位、四不准）', '客户沟通与投诉处理', '电气安全规范', '上岗证年度复训'],
  appliance: [
    '变频空调故障诊断',
    '冷媒安全操作与焊接',
    '高空作业安全（空调外机安装）',
    '滚筒洗衣机维修',
    '冰箱制冷系统检修',
    '燃气热水器安装规范',
  ],
  pc: ['笔记本拆装与主板维修', '数据备份与恢复', '服务器现场维护', '静电防护（ESD）规范'],
  sanitary: ['智能马桶安装与调试', '淋浴房安装规范', '卫浴水路检测与防漏', '龙头花洒维修'],
};

export const MOBILE_PREFIXES = [
  ...['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155'],
  ...['156', '157', '158', '159', '166', '173', '175', '176', '177', '180', '181', '182', '183', '185'],
  ...['186', '187', '188', '189', '191', '198', '199'],
];
