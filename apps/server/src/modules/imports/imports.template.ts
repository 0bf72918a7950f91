import ExcelJS from 'exceljs';
import { safeCell, toCsv } from '../../platform/export.ts';
import { COLUMNS, templateHeader } from './imports.columns.ts';
import { SALES_EXAMPLE } from './imports.sales.ts';
import type { ImportKind } from './imports.values.ts';

const SHEET_NAMES: Record<ImportKind, string> = {
  outlets: '网点 outlets',
  technicians: '工程师 technicians',
  regions: '大区 regions',
  service_centers: '服务管理中心 centers',
  models: '产品型号 models',
  parts: '配件 parts',
  sales: '销售数据 sales',
};

/** Example values, shown on the notes sheet so the data sheet stays empty. */
const EXAMPLES: Record<ImportKind, Record<string, string | number>> = {
  outlets: {
    code: 'SH-PD-001',
    name: '上海浦东服务网点',
    tier: '服务中心',
    status: '正常',
    capacityPerDay: 30,
    divisionCode: '310115004',
    address: '上海市浦东新区潍坊路100号',
    lng: 121.5447,
    lat: 31.2304,
    phone: '021-58881234',
    contactName: '张经理',
    brandCodes: 'BRAND1;BRAND2',
    regionCode: 'EAST',
    coverage: '310115;310115125',
    authorizations: 'air_conditioner:repair;air_conditioner:installation',
  },
  technicians: {
    code: 'T-0001',
    name: '王伟',
    phone: '13900001111',
    outletCode: 'SH-PD-001',
    level: '高级',
    licenceNo: 'SG20250001',
    licenceValidUntil: '2027-12-31',
    skills: 'air_conditioner:repair;air_conditioner:installation',
  },
  regions: { brandCode: 'BRAND1', code: 'EAST', name: '华东大区', provinceCodes: '310000;320000', managerName: '李娜' },
  service_centers: {
    brandCode: 'BRAND1',
    regionCode: 'EAST',
    code: 'SH',
    name: '上海服务管理中心',
    divisionCode: '310115',
    address: '上海市浦东新区世纪大道1号',
    phone: '021-50001234',
  },
  models: {
    brandCode: 'BRAND1',
    code: 'KFR-35GW/BpR3',
    name: '变频挂机空调 1.5匹',
    categoryCode: '空调',
    nameEn: 'Inverter split AC 1.5HP',
    specs: '容量:1.5匹;功率:1200W',
    launchedOn: '2025-03-01',
    status: '正常',
  },
  parts: {
    brandCode: 'BRAND1',
    code: 'COMP-35',
    name: '变频压缩机',
    categoryCode: 'air_conditioner',
    isMainPart: '是',
    price: '1288.50',
    warrantyTermMonths: 72,
    modelCodes: 'KFR-35GW/BpR3;KFR-26GW/BpR3',
    status: '正常',
  },
  sales: SALES_EXAMPLE,
};

/**
 * The import template: sheet 1 has the Chinese + English header row (required columns marked * and
 * shaded, each with a note); sheet 2 explains each column with an example. Code and phone columns are formatted as text so Excel
 * keeps leading zeros.
 */
export async function buildTemplate(kind: ImportKind): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Aftercare';
  const columns = COLUMNS[kind];
  const ws = wb.addWorksheet(SHEET_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    key: c.key,
    header: templateHeader(c),
    width: Math.max(14, templateHeader(c).length * 1.6),
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell, i) => {
    const spec = columns[i - 1];
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: spec?.required ? 'FFFFE7BA' : 'FFE6F4FF' } };
    if (spec) cell.note = [spec.note['zh-CN'], spec.note['en-US']].filter(Boolean).join('\n') || templateHeader(spec);
  });

  const help = wb.addWorksheet('说明 notes');
  help.columns = [
    { header: '列 Column', key: 'column', width: 36 },
    { header: '必填 Required', key: 'required', width: 14 },
    { header: '示例 Example', key: 'example', width: 30 },
    { header: '说明', key: 'zh', width: 60 },
    { header: 'Notes', key: 'en', width: 60 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) {
    help.addRow({
      column: templateHeader(c),
      required: c.required ? '是 yes' : '',
      example: safeCell(EXAMPLES[kind][c.key] ?? null),
      zh: c.note['zh-CN'],
      en: c.note['en-US'],
    });
  }
  help.addRow({});
  help.addRow({
    zh: '在第一个工作表中从第 2 行起填写数据；第 1 行是表头，中文或英文列名均可。错误报告中的行号即 Excel 中的行号。任何一行有错误时，整个文件都不会导入。',
    en: 'Fill in the first sheet from row 2; row 1 is the header, in Chinese or English. Error reports use the row numbers you see in Excel. If any row has an error, nothing from the file is imported.',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The CSV template: the header row only (UTF-8 with BOM, so Excel reads the Chinese). */
export function templateCsv(kind: ImportKind): string {
  return toCsv(
    COLUMNS[kind].map((c) => ({ key: c.key, header: templateHeader(c) })),
    [],
  );
}
