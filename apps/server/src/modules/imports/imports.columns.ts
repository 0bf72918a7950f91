import { SALES_COLUMNS } from './imports.sales.ts';
import type { ImportKind } from './imports.values.ts';

/**
 * The columns of each import, with their Chinese and English headers. A file may use either (or the
 * template's "中文 (english)" form); `*` marks required columns in the template and is ignored here.
 */
export interface ColumnSpec {
  key: string;
  zh: string;
  en: string;
  aliases?: readonly string[];
  required?: boolean;
  /** Keep as text in the template (codes, phone numbers), so Excel does not turn them into numbers. */
  text?: boolean;
  note: { 'zh-CN': string; 'en-US': string };
}

const LIST_NOTE_ZH = '多个用 ; 或 、 分隔';
const LIST_NOTE_EN = 'several separated by ; or 、';
const CATEGORY_ZH = '品牌的品类编码或名称，例如 air_conditioner 或 空调';
const CATEGORY_EN = "one of the brand's category codes or names, e.g. air_conditioner";
const STATUS_ZH = '正常 / 停用，默认正常';
const STATUS_EN = 'active / inactive; default active';
const PAIRS_ZH = '品类:服务类型，多个用 ; 分隔，例如 air_conditioner:repair;air_conditioner:installation';
const PAIRS_EN =
  'category:service type, several separated by ;, e.g. air_conditioner:repair;air_conditioner:installation';

export const COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  outlets: [
    {
      key: 'code',
      zh: '网点编码',
      en: 'code',
      required: true,
      text: true,
      note: n('字母、数字、_ 和 -', 'letters, digits, _ and -'),
    },
    { key: 'name', zh: '网点名称', en: 'name', required: true, note: n('', '') },
    {
      key: 'tier',
      zh: '级别',
      en: 'tier',
      aliases: ['网点级别'],
      required: true,
      note: n('服务中心 / 专修部 / 特约维修点', 'service_center / specialist / authorized'),
    },
    {
      key: 'status',
      zh: '状态',
      en: 'status',
      note: n('正常 / 考察期 / 暂停 / 终止，默认正常', 'active / probation / suspended / terminated; default active'),
    },
    {
      key: 'capacityPerDay',
      zh: '日接单能力',
      en: 'capacityPerDay',
      note: n('整数，默认 20', 'whole number, default 20'),
    },
    {
      key: 'divisionCode',
      zh: '行政区划代码',
      en: 'divisionCode',
      aliases: ['区划代码'],
      required: true,
      text: true,
      note: n('6 位区县或 9 位乡镇街道代码', '6-digit county or 9-digit township code'),
    },
    { key: 'address', zh: '地址', en: 'address', required: true, note: n('', '') },
    { key: 'lng', zh: '经度', en: 'lng', aliases: ['longitude'], note: n('例如 121.5447', 'e.g. 121.5447') },
    { key: 'lat', zh: '纬度', en: 'lat', aliases: ['latitude'], note: n('例如 31.2304', 'e.g. 31.2304') },
    { key: 'phone', zh: '电话', en: 'phone', aliases: ['联系电话'], text: true, note: n('', '') },
    { key: 'dealerHotline', zh: '经销商热线', en: 'dealerHotline', text: true, note: n('', '') },
    { key: 'contactName', zh: '联系人', en: 'contactName', note: n('', '') },
    {
      key: 'parentCode',
      zh: '上级网点编码',
      en: 'parentCode',
      text: true,
      note: n('已有网点或本文件中前面的行', 'an existing outlet or an earlier row of this file'),
    },
    {
      key: 'brandCodes',
      zh: '品牌编码',
      en: 'brandCodes',
      aliases: ['brandCode', 'brands'],
      required: true,
      text: true,
      note: n(LIST_NOTE_ZH, LIST_NOTE_EN),
    },
    {
      key: 'regionCode',
      zh: '大区编码',
      en: 'regionCode',
      text: true,
      note: n('每个所列品牌下的大区', 'the region of that code in each listed brand'),
    },
    {
      key: 'centerCode',
      zh: '服务管理中心编码',
      en: 'centerCode',
      text: true,
      note: n('每个所列品牌下的服务管理中心', 'the center of that code in each listed brand'),
    },
    {
      key: 'coverage',
      zh: '覆盖区划',
      en: 'coverage',
      text: true,
      note: n('行政区划代码，多个用 ; 分隔', 'division codes separated by ;'),
    },
    {
      key: 'authorizations',
      zh: '授权',
      en: 'authorizations',
      note: n(`${PAIRS_ZH}；适用于所列每个品牌`, `${PAIRS_EN}; applied to each listed brand`),
    },
  ],
  technicians: [
    { key: 'code', zh: '工程师编码', en: 'code', aliases: ['技师编码'], required: true, text: true, note: n('', '') },
    { key: 'name', zh: '姓名', en: 'name', required: true, note: n('', '') },
    { key: 'phone', zh: '手机', en: 'phone', aliases: ['手机号', '电话'], required: true, text: true, note: n('', '') },
    { key: 'outletCode', zh: '网点编码', en: 'outletCode', required: true, text: true, note: n('', '') },
    {
      key: 'level',
      zh: '级别',
      en: 'level',
      required: true,
      note: n('初级 / 中级 / 高级 / 专家', 'junior / intermediate / senior / expert'),
    },
    { key: 'licenceNo', zh: '上岗证号', en: 'licenceNo', aliases: ['licenseNo'], text: true, note: n('', '') },
    {
      key: 'licenceValidUntil',
      zh: '上岗证有效期',
      en: 'licenceValidUntil',
      aliases: ['licenseValidUntil'],
      note: n('例如 2027-12-31 或 2027/12/31', 'e.g. 2027-12-31 or 2027/12/31'),
    },
    { key: 'skills', zh: '技能', en: 'skills', note: n(PAIRS_ZH, PAIRS_EN) },
  ],
  regions: [
    { key: 'brandCode', zh: '品牌编码', en: 'brandCode', required: true, text: true, note: n('', '') },
    { key: 'code', zh: '大区编码', en: 'code', required: true, text: true, note: n('', '') },
    { key: 'name', zh: '大区名称', en: 'name', required: true, note: n('', '') },
    {
      key: 'provinceCodes',
      zh: '省份代码',
      en: 'provinceCodes',
      aliases: ['覆盖省份'],
      text: true,
      note: n('例如 310000;320000', 'e.g. 310000;320000'),
    },
    { key: 'managerName', zh: '负责人', en: 'managerName', note: n('', '') },
    { key: 'phone', zh: '电话', en: 'phone', text: true, note: n('', '') },
  ],
  service_centers: [
    { key: 'brandCode', zh: '品牌编码', en: 'brandCode', required: true, text: true, note: n('', '') },
    { key: 'regionCode', zh: '大区编码', en: 'regionCode', required: true, text: true, note: n('', '') },
    {
      key: 'code',
      zh: '中心编码',
      en: 'code',
      aliases: ['服务管理中心编码'],
      required: true,
      text: true,
      note: n('', ''),
    },
    { key: 'name', zh: '中心名称', en: 'name', aliases: ['服务管理中心名称'], required: true, note: n('', '') },
    { key: 'divisionCode', zh: '行政区划代码', en: 'divisionCode', aliases: ['区划代码'], text: true, note: n('', '') },
    { key: 'address', zh: '地址', en: 'address', note: n('', '') },
    { key: 'phone', zh: '电话', en: 'phone', text: true, note: n('', '') },
  ],
  models: [
    { key: 'brandCode', zh: '品牌编码', en: 'brandCode', required: true, text: true, note: n('', '') },
    {
      key: 'code',
      zh: '型号编码',
      en: 'code',
      aliases: ['型号', '机型编码'],
      required: true,
      text: true,
      note: n('品牌内唯一', 'unique within the brand'),
    },
    { key: 'name', zh: '型号名称', en: 'name', aliases: ['机型名称'], required: true, note: n('', '') },
    {
      key: 'categoryCode',
      zh: '品类',
      en: 'categoryCode',
      aliases: ['品类编码', '产品品类'],
      required: true,
      note: n(CATEGORY_ZH, CATEGORY_EN),
    },
    { key: 'nameEn', zh: '英文名称', en: 'nameEn', note: n('', '') },
    {
      key: 'specs',
      zh: '规格',
      en: 'specs',
      aliases: ['规格参数'],
      note: n(
        '参数:值，多个用 ; 分隔，例如 容量:1.5匹;功率:1200W',
        'name:value separated by ;, e.g. capacity:1.5HP;power:1200W',
      ),
    },
    {
      key: 'launchedOn',
      zh: '上市日期',
      en: 'launchedOn',
      note: n('例如 2025-03-01', 'e.g. 2025-03-01'),
    },
    { key: 'status', zh: '状态', en: 'status', note: n(STATUS_ZH, STATUS_EN) },
  ],
  parts: [
    { key: 'brandCode', zh: '品牌编码', en: 'brandCode', required: true, text: true, note: n('', '') },
    {
      key: 'code',
      zh: '配件编码',
      en: 'code',
      aliases: ['备件编码', '物料编码'],
      required: true,
      text: true,
      note: n('品牌内唯一', 'unique within the brand'),
    },
    { key: 'name', zh: '配件名称', en: 'name', aliases: ['备件名称'], required: true, note: n('', '') },
    {
      key: 'categoryCode',
      zh: '品类',
      en: 'categoryCode',
      aliases: ['品类编码', '产品品类'],
      required: true,
      note: n(CATEGORY_ZH, CATEGORY_EN),
    },
    {
      key: 'isMainPart',
      zh: '主要部件',
      en: 'isMainPart',
      aliases: ['是否主要部件', 'mainPart'],
      note: n(
        '是 / 否，默认否；三包主要部件（如空调压缩机）',
        'yes / no, default no; a main part under the warranty rules',
      ),
    },
    {
      key: 'price',
      zh: '价格(元)',
      en: 'priceYuan',
      aliases: ['价格', '单价', '单价(元)'],
      required: true,
      note: n('单位元，最多两位小数，例如 128.50', 'in yuan, at most two decimals, e.g. 128.50'),
    },
    {
      key: 'warrantyTermMonths',
      zh: '保修期(月)',
      en: 'warrantyTermMonths',
      aliases: ['保修月数'],
      note: n('整数，留空则按政策包', 'whole months; blank: as the policy pack says'),
    },
    {
      key: 'modelCodes',
      zh: '适用型号',
      en: 'modelCodes',
      aliases: ['适用机型'],
      text: true,
      note: n(`同品牌已有型号编码，${LIST_NOTE_ZH}`, `model codes of the same brand, ${LIST_NOTE_EN}`),
    },
    { key: 'status', zh: '状态', en: 'status', note: n(STATUS_ZH, STATUS_EN) },
  ],
  sales: SALES_COLUMNS,
};

function n(zh: string, en: string) {
  return { 'zh-CN': zh, 'en-US': en };
}

/** The header written in templates: "*网点编码 (code)". */
export function templateHeader(c: ColumnSpec): string {
  return `${c.required ? '*' : ''}${c.zh} (${c.en})`;
}

function norm(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-*：:]/g, '');
}

export interface HeaderMatch {
  /** Column index (0 = A) of each matched key. */
  index: Map<string, number>;
  /** The header as written in the file, by key, for error reports. */
  label: Map<string, string>;
  errors: { column: string; code: string; params: Record<string, string> }[];
}

/** Matches the file's header row to the kind's columns. Blank headers are ignored. */
export function matchHeaders(kind: ImportKind, headers: readonly string[]): HeaderMatch {
  const specs = COLUMNS[kind];
  const byName = new Map<string, string>();
  for (const c of specs) for (const name of [c.zh, c.en, c.key, ...(c.aliases ?? [])]) byName.set(norm(name), c.key);
  const index = new Map<string, number>();
  const label = new Map<string, string>();
  const errors: HeaderMatch['errors'] = [];
  headers.forEach((raw, i) => {
    const text = raw.trim();
    if (!text) return;
    let key = byName.get(norm(text));
    if (!key) {
      // The template's own "价格(元) (priceYuan)": the Chinese name may hold parentheses itself.
      const m = text.match(/^(.+?)\s*[(（]\s*([A-Za-z]\w*)\s*[)）]$/);
      const zh = m && byName.get(norm(m[1]!));
      if (zh && zh === byName.get(norm(m[2]!))) key = zh;
    }
    if (!key) {
      // "网点编码 (code)", "网点编码/code", "网点编码\ncode": every part must name the same column.
      const keys = new Set(
        text
          .split(/[\s()（）/|\\]+/)
          .filter((p) => norm(p))
          .map((p) => byName.get(norm(p))),
      );
      if (keys.size === 1) key = [...keys][0];
    }
    if (!key) {
      errors.push({ column: text, code: 'IMPORT_UNKNOWN_COLUMN', params: { column: text } });
    } else if (index.has(key)) {
      errors.push({ column: text, code: 'IMPORT_DUPLICATE_COLUMN', params: { column: text } });
    } else {
      index.set(key, i);
      label.set(key, text);
    }
  });
  for (const c of specs) {
    if (c.required && !index.has(c.key)) {
      const column = `${c.zh} (${c.en})`;
      errors.push({ column, code: 'IMPORT_MISSING_COLUMN', params: { column } });
    }
  }
  return { index, label, errors };
}
