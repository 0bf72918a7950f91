import type { Insertable } from 'kysely';
import type { FaultCodesTable } from '../work-orders/work-orders.tables.ts';
import { BRANDS, type CategoryGroup } from './catalog.ts';

/**
 * A small fault-code catalog per brand (故障代码): what agents pick at intake and technicians at
 * diagnosis. Codes follow the display codes appliances show (E1, F0 …); `serious` marks performance
 * faults the 三包 repeated-failure rule counts. Illustrative, not any maker's official list.
 */
const BY_GROUP: Record<CategoryGroup, [code: string, name: string, serious: boolean][]> = {
  ac: [
    ['E1', '室内温度传感器故障', false],
    ['E2', '室内盘管温度传感器故障', false],
    ['E4', '室外机通信故障', true],
    ['E6', '压缩机过热保护', true],
    ['F0', '制冷剂不足/泄漏', true],
    ['P1', '电源电压异常', false],
    ['W1', '室内机漏水', false],
    ['N1', '噪音异常', false],
  ],
  appliance: [
    ['E1', '进水超时', false],
    ['E2', '排水超时', false],
    ['E3', '加热故障', true],
    ['E4', '门锁/门开关故障', false],
    ['E5', '电机故障', true],
    ['W1', '漏水', false],
  ],
  pc: [
    ['B01', '无法开机', true],
    ['B02', '开机蓝屏', true],
    ['D01', '硬盘故障', true],
    ['S01', '屏幕显示异常', false],
    ['K01', '键盘按键失灵', false],
    ['A01', '适配器不充电', false],
  ],
  sanitary: [
    ['E1', '不出水/水压低', false],
    ['E2', '加热不工作', true],
    ['E3', '座圈温度异常', false],
    ['W1', '漏水', false],
  ],
};

/** One row per brand and code; a code shared by several categories of the brand applies to all of them. */
export function buildFaultCodes(brandIds: Map<string, string>): Insertable<FaultCodesTable>[] {
  const rows = new Map<string, Insertable<FaultCodesTable>>();
  for (const brand of BRANDS) {
    const brandId = brandIds.get(brand.code)!;
    const groups = [...new Set(brand.categories.map((c) => c.group))];
    for (const group of groups) {
      const only = brand.categories.filter((c) => c.group === group);
      for (const [code, name, serious] of BY_GROUP[group]) {
        const key = `${brandId}:${code}`;
        // Two groups of one brand with the same code (E1): the code applies to any category.
        const category = rows.has(key) || only.length !== 1 ? null : only[0]!.code;
        rows.set(key, { brand_id: brandId, code, name, serious, category_code: category });
      }
    }
  }
  return [...rows.values()];
}
