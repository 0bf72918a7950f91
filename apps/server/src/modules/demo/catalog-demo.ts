import type { Insertable } from 'kysely';
import type { ModelPartsTable, PartsTable, ProductModelsTable } from '../catalog/catalog.tables.ts';
import { BRANDS, type CategoryGroup } from './catalog.ts';
import type { Rng } from './random.ts';

/**
 * A modest product catalog for the demo brands: a few models and parts per brand category, with the
 * main parts of the national 三包 rules flagged (compressor for air conditioners and refrigerators,
 * motor and program controller for washers, magnetron for microwaves, motherboard, CPU and drive for
 * PCs) and prices in fen. Every part fits every model of its category.
 */

interface ModelTemplate {
  code: string;
  name: string;
  specs: Record<string, string>;
}
interface PartTemplate {
  code: string;
  name: string;
  main?: boolean;
  /** Yuan; the brand's price varies a little around it. */
  yuan: number;
  months?: number;
}
interface CategoryTemplate {
  models: ModelTemplate[];
  parts: PartTemplate[];
}

const m = (code: string, name: string, specs: Record<string, string>): ModelTemplate => ({ code, name, specs });
const p = (code: string, name: string, yuan: number, main = false, months?: number): PartTemplate => ({
  code,
  name,
  yuan,
  main,
  ...(months ? { months } : {}),
});

const BY_CATEGORY: Record<string, CategoryTemplate> = {
  air_conditioner: {
    models: [
      m('KFR-26GW/BpR3', '变频挂机 大1匹', { capacity: '1匹', power: '780W', energyClass: '1级' }),
      m('KFR-35GW/BpR3', '变频挂机 1.5匹', { capacity: '1.5匹', power: '1080W', energyClass: '1级' }),
      m('KFR-72LW/BpR3', '变频柜机 3匹', { capacity: '3匹', power: '2200W', energyClass: '3级' }),
    ],
    parts: [
      p('COMP', '变频压缩机', 1280, true),
      p('PCB-IN', '室内机电脑板', 260),
      p('FAN-OUT', '室外风扇电机', 180),
      p('CAP', '压缩机启动电容', 35.5),
      p('RC', '遥控器', 45),
    ],
  },
  central_air_conditioner: {
    models: [
      m('MDV-120W', '多联机 室外机 12kW', { capacity: '12kW', power: '3600W' }),
      m('MDV-D28Q4', '四面出风嵌入式内机', { capacity: '2.8kW', power: '45W' }),
    ],
    parts: [p('COMP', '涡旋压缩机', 4680, true), p('EEV', '电子膨胀阀', 320), p('PCB', '室外机主控板', 980)],
  },
  refrigerator: {
    models: [
      m('BCD-215', '三门冰箱 215升', { volume: '215L', energyClass: '2级' }),
      m('BCD-468WPZ', '对开门冰箱 468升', { volume: '468L', energyClass: '1级' }),
    ],
    parts: [
      p('COMP', '冰箱压缩机', 680, true),
      p('THERMO', '温控器', 85),
      p('SEAL', '门封条', 60),
      p('DEFROST', '化霜加热器', 75.8),
    ],
  },
  washer: {
    models: [
      m('XQG80-12', '滚筒洗衣机 8公斤', { capacity: '8kg', speed: '1200转' }),
      m('MB100V31', '波轮洗衣机 10公斤', { capacity: '10kg' }),
    ],
    parts: [
      p('MOTOR', '洗涤电机', 420, true),
      p('CTRL', '程序控制器', 360, true),
      p('PUMP', '排水泵', 95),
      p('BELT', '传动皮带', 28.5),
    ],
  },
  microwave: {
    models: [m('M1-L213B', '转盘微波炉 21升', { volume: '21L', power: '700W' })],
    parts: [p('MAG', '磁控管', 180, true), p('PLATE', '玻璃转盘', 39.9), p('FUSE', '高压保险管', 12)],
  },
  computer: {
    models: [m('PC-B560', '商用台式机', { cpu: 'i5', memory: '16GB', disk: '512GB SSD' })],
    parts: [p('MB', '主板', 890, true), p('CPU', '处理器', 1299, true), p('SSD', '固态硬盘 512GB', 399, true)],
  },
};

const BY_GROUP: Record<CategoryGroup, CategoryTemplate> = {
  ac: BY_CATEGORY.air_conditioner!,
  appliance: {
    models: [m('S1', '标准款', { power: '2000W' }), m('P1', '高端款', { power: '3000W' })],
    parts: [p('PCB', '主控板', 260, true), p('HEAT', '加热组件', 150), p('VALVE', '进水阀', 48.5)],
  },
  pc: {
    models: [
      m('U9310', '轻薄笔记本 13.3英寸', { cpu: 'i7', memory: '16GB', screen: '13.3英寸' }),
      m('E5512', '商务笔记本 15.6英寸', { cpu: 'i5', memory: '8GB', screen: '15.6英寸' }),
    ],
    parts: [
      p('MB', '主板', 1580, true),
      p('CPU', '处理器', 1299, true),
      p('SSD', '固态硬盘 512GB', 399, true),
      p('LCD', '显示屏', 860),
      p('ADP', '电源适配器', 260, false, 24),
      p('KB', '键盘', 180),
    ],
  },
  sanitary: {
    models: [m('S300', '标准款', { size: '400mm' }), m('S500', '尊享款', { size: '600mm' })],
    parts: [p('PCB', '控制主板', 480, true), p('VALVE', '进水电磁阀', 120), p('SEAT', '盖板组件', 260)],
  },
};

export interface CatalogRows {
  models: Insertable<ProductModelsTable>[];
  parts: Insertable<PartsTable>[];
  modelParts: Insertable<ModelPartsTable>[];
  /** name and code of each model and part, for the search column. */
  searchText: Map<string, [string, string]>;
}

/** Short code of a category for brand-unique codes: central_air_conditioner → CAC. */
function prefixOf(categoryCode: string): string {
  return categoryCode
    .split('_')
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

export function buildCatalog(brandIds: Map<string, string>, d: { rng: Rng; id: () => string; now: Date }): CatalogRows {
  const out: CatalogRows = { models: [], parts: [], modelParts: [], searchText: new Map() };
  for (const brand of BRANDS) {
    const brandId = brandIds.get(brand.code)!;
    // Initials where they are unique within the brand (server and scanner are not).
    const initials = brand.categories.map((c) => prefixOf(c.code));
    const abbr = (code: string, i: number) =>
      initials.filter((x) => x === initials[i]).length > 1 ? code.toUpperCase() : initials[i]!;
    brand.categories.forEach((cat, i) => {
      const tpl = BY_CATEGORY[cat.code] ?? BY_GROUP[cat.group];
      const prefix = BY_CATEGORY[cat.code] ? '' : `${abbr(cat.code, i)}-`;
      const modelIds: string[] = [];
      for (const t of tpl.models) {
        const id = d.id();
        const code = `${prefix}${t.code}`;
        const name = `${brand.name}${BY_CATEGORY[cat.code] ? '' : cat.name}${t.name}`;
        modelIds.push(id);
        out.searchText.set(id, [name, code]);
        out.models.push({
          id,
          brand_id: brandId,
          category_code: cat.code,
          code,
          name,
          specs: JSON.stringify(t.specs),
          launched_on: `202${d.rng.int(2, 5)}-0${d.rng.int(1, 9)}-01`,
          created_at: d.now,
          updated_at: d.now,
        });
      }
      for (const t of tpl.parts) {
        const id = d.id();
        const code = `${abbr(cat.code, i)}-${t.code}`;
        const name = t.name;
        // Around the reference price, in whole jiao (0.1 yuan), never below it by more than 10 %.
        const fen = Math.round(t.yuan * 100) + d.rng.int(-Math.floor(t.yuan), Math.floor(t.yuan)) * 10;
        out.searchText.set(id, [name, code]);
        out.parts.push({
          id,
          brand_id: brandId,
          category_code: cat.code,
          code,
          name,
          is_main_part: t.main ?? false,
          price_fen: Math.max(100, fen),
          warranty_term_months: t.months ?? null,
          created_at: d.now,
          updated_at: d.now,
        });
        for (const modelId of modelIds) out.modelParts.push({ model_id: modelId, part_id: id });
      }
    });
  }
  return out;
}
