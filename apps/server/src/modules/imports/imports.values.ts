import type { IMPORT_KINDS } from '@aftercare/contracts';
import { type CellValue, cellText, isCellProblem } from './imports.read.ts';

/** Reading typed values out of one row's cells; each problem is recorded against its column. */

export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface FieldError {
  key: string;
  code: string;
  params: Record<string, string | number>;
}

/** Chinese and English labels accepted for enum values, normalized. */
export type Options = Record<string, string>;

function norm(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]/g, '');
}

function options(labels: Record<string, readonly string[]>): Options {
  const out: Options = {};
  for (const [value, names] of Object.entries(labels)) for (const name of [value, ...names]) out[norm(name)] = value;
  return out;
}

export const TIER_OPTIONS = options({
  service_center: ['服务中心'],
  specialist: ['专修部', '专修'],
  authorized: ['特约维修点', '特约'],
});
export const OUTLET_STATUS_OPTIONS = options({
  active: ['正常', '合作中'],
  probation: ['考察期', '试用期'],
  suspended: ['暂停'],
  terminated: ['终止', '解约'],
});
export const ACTIVE_STATUS_OPTIONS = options({
  active: ['正常', '启用', '在售'],
  inactive: ['停用', '停产', '停售', '失效'],
});
export const YES_NO_OPTIONS = options({ true: ['是', 'y', 'yes', '1', '√'], false: ['否', 'n', 'no', '0', '×'] });
export const salesChannelOptions = options({
  store: ['门店', '实体店', '线下'],
  ecommerce: ['电商', '网购', '线上', 'e-commerce', 'online'],
  dealer: ['经销商', '代理商', '分销'],
  project: ['工程', '工程机', '工装'],
  other: ['其他'],
});
export const LEVEL_OPTIONS = options({ junior: ['初级'], intermediate: ['中级'], senior: ['高级'], expert: ['专家'] });
export const SERVICE_TYPE_OPTIONS = options({
  installation: ['安装'],
  repair: ['维修'],
  maintenance: ['保养'],
  relocation: ['移机'],
  inspection: ['检测'],
  return_exchange: ['退换货'],
  consultation: ['咨询'],
  guidance: ['指导'],
  complaint: ['投诉'],
  recycling: ['回收'],
});

/** Labels shown in "choose one of" messages. */
export const OPTION_LABELS = {
  tier: '服务中心/service_center, 专修部/specialist, 特约维修点/authorized',
  status: '正常/active, 考察期/probation, 暂停/suspended, 终止/terminated',
  level: '初级/junior, 中级/intermediate, 高级/senior, 专家/expert',
  activeStatus: '正常/active, 停用/inactive',
  yesNo: '是/true, 否/false',
  serviceType:
    '安装/installation, 维修/repair, 保养/maintenance, 移机/relocation, 检测/inspection, 退换货/return_exchange, 咨询/consultation, 指导/guidance, 投诉/complaint, 回收/recycling',
} as const;

const LIST_SEPARATOR = /[;；、,，|\r\n]+/;

export class RowReader {
  readonly errors: FieldError[] = [];
  private readonly failed = new Set<string>();
  private readonly cells: readonly CellValue[];
  private readonly index: ReadonlyMap<string, number>;
  constructor(cells: readonly CellValue[], index: ReadonlyMap<string, number>) {
    this.cells = cells;
    this.index = index;
  }

  fail(key: string, code: string, params: Record<string, string | number> = {}): undefined {
    this.failed.add(key);
    this.errors.push({ key, code, params });
    return undefined;
  }

  /** Has this column already been reported? Then zod's complaint about it is redundant. */
  hasFailed(key: string): boolean {
    return this.failed.has(key);
  }

  raw(key: string): CellValue {
    const i = this.index.get(key);
    return i === undefined ? null : (this.cells[i] ?? null);
  }

  isBlank(key: string): boolean {
    const v = this.raw(key);
    return v === null || (typeof v === 'string' && v.trim() === '');
  }

  /** The cell as the user typed it, for messages. */
  display(key: string): string {
    const v = this.raw(key);
    if (v === null) return '';
    return isCellProblem(v) ? v.text : cellText(v);
  }

  /** Trimmed text; undefined when blank. Numbers become their digits (phone numbers, division codes). */
  text(key: string): string | undefined {
    const v = this.raw(key);
    if (v === null) return undefined;
    if (isCellProblem(v)) {
      return v.problem === 'error'
        ? this.fail(key, 'IMPORT_CELL_ERROR', { value: v.text })
        : this.fail(key, 'IMPORT_FORMULA_NO_VALUE');
    }
    const t = cellText(v);
    return t === '' ? undefined : t;
  }

  number(key: string): number | undefined {
    const v = this.raw(key);
    if (typeof v === 'number') return v;
    const t = this.text(key);
    if (t === undefined) return undefined;
    const n = Number(t.replace(/[,，\s]/g, ''));
    return Number.isFinite(n) ? n : this.fail(key, 'IMPORT_INVALID_NUMBER', { value: t });
  }

  /** A date as YYYY-MM-DD from a date cell, an Excel serial number, 2027-12-31, 2027/12/31 or 2027年12月31日. */
  date(key: string): string | undefined {
    const v = this.raw(key);
    if (v instanceof Date)
      return Number.isNaN(v.getTime()) ? this.fail(key, 'IMPORT_INVALID_DATE', { value: '' }) : isoDay(v);
    if (typeof v === 'number') {
      // Excel serial day (1900 system): 1 = 1900-01-01, with the 1900 leap-year bug folded into the epoch.
      if (Number.isInteger(v) && v > 0 && v < 2_958_466)
        return isoDay(new Date(Date.UTC(1899, 11, 30) + v * 86_400_000));
      return this.fail(key, 'IMPORT_INVALID_DATE', { value: String(v) });
    }
    const t = this.text(key);
    if (t === undefined) return undefined;
    const m =
      t.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/) ?? t.match(/^(\d{4})(\d{2})(\d{2})$/);
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const date = new Date(Date.UTC(y, mo - 1, d));
      if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return isoDay(date);
    }
    return this.fail(key, 'IMPORT_INVALID_DATE', { value: t });
  }

  /** An enum value given by its code or its Chinese label. */
  option(key: string, opts: Options, labels: string): string | undefined {
    const t = this.text(key);
    if (t === undefined) return undefined;
    return opts[norm(t)] ?? this.fail(key, 'IMPORT_INVALID_OPTION', { value: t, options: labels });
  }

  /** Several values in one cell, separated by ; 、 , or new lines; duplicates dropped. */
  list(key: string): string[] {
    const t = this.text(key);
    if (t === undefined) return [];
    return [
      ...new Set(
        t
          .split(LIST_SEPARATOR)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
  }

  /** 是/否 (yes/no, true/false, 1/0). */
  yesNo(key: string): boolean | undefined {
    const v = this.raw(key);
    if (typeof v === 'boolean') return v;
    const o = this.option(key, YES_NO_OPTIONS, OPTION_LABELS.yesNo);
    return o === undefined ? undefined : o === 'true';
  }

  /** An amount in yuan (at most two decimals; ¥ and thousands separators allowed) → integer fen, exactly. */
  fen(key: string): number | undefined {
    const t = this.text(key);
    if (t === undefined) return undefined;
    const fen = yuanToFen(t);
    return fen ?? this.fail(key, 'IMPORT_INVALID_PRICE', { value: t });
  }

  /** "容量:1.5匹;功率:1200W" → { 容量: '1.5匹', 功率: '1200W' }. */
  specs(key: string): Record<string, string> {
    const t = this.text(key);
    const out: Record<string, string> = {};
    if (t === undefined) return out;
    for (const item of t.split(/[;；\r\n]+/).map((s) => s.trim())) {
      if (!item) continue;
      const m = item.match(/^([^:：=]+)[:：=](.+)$/);
      if (!m) {
        this.fail(key, 'IMPORT_INVALID_SPEC', { value: item });
        continue;
      }
      out[m[1]!.trim()] = m[2]!.trim();
    }
    return out;
  }

  /** "air_conditioner:repair;空调:安装" → category tokens (resolved later) and service types. */
  pairs(key: string): { category: string; serviceType: string }[] {
    const out: { category: string; serviceType: string }[] = [];
    for (const item of this.list(key)) {
      const m = item.match(/^([^:：]+)[:：]([^:：]+)$/);
      if (!m) {
        this.fail(key, 'IMPORT_INVALID_PAIR', { value: item });
        continue;
      }
      const serviceType = SERVICE_TYPE_OPTIONS[norm(m[2]!)];
      if (!serviceType) {
        this.fail(key, 'IMPORT_INVALID_OPTION', { value: m[2]!.trim(), options: OPTION_LABELS.serviceType });
        continue;
      }
      out.push({ category: m[1]!.trim(), serviceType });
    }
    return out;
  }
}

/**
 * Yuan as written ("128.5", "¥1,280.00", "0") → fen as an integer, computed on the digits (no
 * floating point). Null for anything else, including negative amounts and a third decimal.
 */
export function yuanToFen(text: string): number | null {
  const t = text
    .normalize('NFKC')
    .replace(/^[¥￥]|元$/g, '')
    .replace(/[,\s]/g, '');
  const m = t.match(/^(\d{1,12})(?:\.(\d{1,2}))?$/);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
