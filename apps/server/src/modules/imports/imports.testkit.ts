import type { ExistingRecord, Resolver } from './imports.mapping.ts';
import type { CellValue, Table } from './imports.read.ts';
import { planImport } from './imports.validate.ts';
import type { ImportKind } from './imports.values.ts';

/** Pure test kit for the planning layer: a fake resolver over fixed ids, tables and a plan shortcut. */

export const BRAND_A = '11111111-1111-4111-8111-111111111111';
export const BRAND_B = '22222222-2222-4222-8222-222222222222';
export const REGION_A = '33333333-3333-4333-8333-333333333333';
export const CENTER_A = '44444444-4444-4444-8444-444444444444';
export const OUTLET_1 = '55555555-5555-4555-8555-555555555555';
export const EXISTING_OUTLET = '66666666-6666-4666-8666-666666666666';
export const MODEL_A = '77777777-7777-4777-8777-777777777777';

/** Brand A is the caller's; brand B exists but belongs to someone else (so it is unknown here). */
export function resolver(over: { existing?: Record<string, ExistingRecord> } = {}): Resolver {
  const categories: Record<string, { code: string; name: string }[]> = {
    [BRAND_A]: [
      { code: 'air_conditioner', name: '空调' },
      { code: 'washer', name: '洗衣机' },
    ],
    [BRAND_B]: [{ code: 'tv', name: '电视' }],
  };
  return {
    brand: (code) => (code === 'BA' ? BRAND_A : null),
    region: (brandId, code) => (brandId === BRAND_A && code === 'EAST' ? REGION_A : null),
    center: (brandId, code) => (brandId === BRAND_A && code === 'SH' ? { id: CENTER_A, regionId: REGION_A } : null),
    category: (brandIds, token) => {
      for (const b of brandIds) {
        const c = categories[b]?.find((x) => x.code === token || x.name === token);
        if (c) return c.code;
      }
      return null;
    },
    division: (code) => ['310000', '310115', '310115004', '310115125', '320000'].includes(code),
    outlet: (code) => (code === 'O1' ? { id: OUTLET_1, brandIds: [BRAND_A] } : null),
    model: (brandId, code) => (brandId === BRAND_A && code === 'M1' ? MODEL_A : null),
    existing: (kind, code) => over.existing?.[`${kind}:${code}`] ?? null,
  };
}

export function table(headers: string[], ...rows: CellValue[][]): Table {
  return { headerRow: 1, headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

export const plan = (kind: ImportKind, t: Table, o: Partial<Parameters<typeof planImport>[3]> = {}, res = resolver()) =>
  planImport(kind, t, res, { mode: 'create', locale: 'zh-CN', ...o });

export const OUTLET_ZH = [
  '网点编码',
  '网点名称',
  '级别',
  '行政区划代码',
  '地址',
  '电话',
  '品牌编码',
  '大区编码',
  '覆盖区划',
  '授权',
  '日接单能力',
  '经度',
  '纬度',
];
