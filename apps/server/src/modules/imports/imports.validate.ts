import {
  modelCreate,
  outletCreate,
  partCreate,
  regionCreate,
  saleRecord,
  serviceCenterCreate,
  technicianCreate,
} from '@aftercare/contracts';
import { z } from 'zod';
import { type Locale, localize } from '../../platform/errors.ts';
import { COLUMNS, matchHeaders } from './imports.columns.ts';
import { BUILDERS, FIELD_COLUMN, PARENT_FIELD, PLACEHOLDER_ID, type Resolver } from './imports.mapping.ts';
import type { Table } from './imports.read.ts';
import { type ImportKind, RowReader } from './imports.values.ts';

/**
 * The whole file is checked before anything is written: headers, every cell, the zod create schema,
 * code references, duplicates inside the file and codes that already exist. Pure: the resolver holds
 * everything looked up from the database.
 */

export const CREATE_SCHEMAS = {
  outlets: outletCreate,
  technicians: technicianCreate,
  regions: regionCreate,
  service_centers: serviceCenterCreate,
  models: modelCreate,
  parts: partCreate,
  sales: saleRecord,
} as const;

export type CreateInput<K extends ImportKind> = z.infer<(typeof CREATE_SCHEMAS)[K]>;

export interface RowError {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

export interface PlannedRow {
  row: number;
  op: 'create' | 'update';
  /** The existing record an upsert updates. */
  id?: string;
  input: Record<string, unknown>;
  /** For updates: the fields whose cells were filled in (blank cells leave the record as it is). */
  filled?: string[];
  /** Code of an outlet created by an earlier row, to be filled in as parentOutletId while writing. */
  deferredParent?: string;
}

export interface Plan {
  total: number;
  rows: PlannedRow[];
  errors: RowError[];
  /** Errors found before the report was capped. */
  errorCount: number;
}

export interface PlanOptions {
  mode: 'create' | 'upsert';
  locale: Locale;
  /** Stop listing errors after this many (the count goes on). */
  maxErrors?: number;
}

const zodLocales = { 'zh-CN': z.locales.zhCN(), 'en-US': z.locales.en() };

/** The contracts' own English messages, with their Chinese. */
const CUSTOM_MESSAGES: Record<string, string> = {
  'letters, digits, _ and -': '只能包含字母、数字、_ 和 -',
  'lower-case letters, digits and _': '只能包含小写字母、数字和 _',
  'phone number': '电话号码格式不正确',
  '6-digit GB/T 2260 or 9-digit township code': '应为 6 位区县代码或 9 位乡镇街道代码',
  'letters, digits, _ . / + and -': '只能包含字母、数字、_、.、/、+ 和 -',
  'letters, digits, _, / and -': '只能包含字母、数字、_、/ 和 -',
};

export function planImport(kind: ImportKind, table: Table, resolver: Resolver, opts: PlanOptions): Plan {
  const { locale } = opts;
  const maxErrors = opts.maxErrors ?? 1000;
  const errors: RowError[] = [];
  let errorCount = 0;
  const report = (row: number, column: string | null, code: string, params: Record<string, string | number>) => {
    errorCount++;
    if (errors.length < maxErrors) errors.push({ row, column, code, message: localize(code, locale, params) });
  };

  const headers = matchHeaders(kind, table.headers);
  for (const e of headers.errors) report(table.headerRow, e.column, e.code, e.params);
  if (headers.errors.length) return { total: table.rows.length, rows: [], errors, errorCount };

  const columnOf = (key: string) => headers.label.get(key) ?? key;
  const schema = CREATE_SCHEMAS[kind];
  const fieldColumn = FIELD_COLUMN[kind];
  const firstRowOf = new Map<string, number>();
  const earlierCodes = new Set<string>();
  const rows: PlannedRow[] = [];
  const seen = new Map<string, number>();

  for (const sheetRow of table.rows) {
    const r = new RowReader(sheetRow.cells, headers.index);
    const built = BUILDERS[kind](r, { resolver, earlierCodes, row: sheetRow.row, seen });
    const parsed = schema.safeParse(built.input, { error: zodLocales[locale].localeError });
    if (!parsed.success) {
      const reported = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const key = fieldColumn[field] ?? field;
        if (r.hasFailed(key) || reported.has(key)) continue;
        reported.add(key);
        if (r.isBlank(key)) r.fail(key, 'IMPORT_REQUIRED');
        else {
          const reason = locale === 'zh-CN' ? (CUSTOM_MESSAGES[issue.message] ?? issue.message) : issue.message;
          r.fail(key, 'IMPORT_INVALID_VALUE', { value: r.display(key), reason });
        }
      }
    }

    let existing = null;
    if (built.code) {
      const dupKey = `${built.brandId ?? ''}:${built.code}`;
      const first = firstRowOf.get(dupKey);
      if (first !== undefined) r.fail('code', 'IMPORT_DUPLICATE_IN_FILE', { value: built.code, row: first });
      else firstRowOf.set(dupKey, sheetRow.row);
      if (built.brandId !== PLACEHOLDER_ID) {
        existing = resolver.existing(kind, built.code, built.brandId);
        // An upsert updates what the caller can see; a code taken elsewhere is simply taken.
        if (existing && (opts.mode === 'create' || !existing.visible)) {
          r.fail('code', 'IMPORT_CODE_EXISTS', { value: built.code });
        } else if (existing) {
          const field = PARENT_FIELD[kind];
          const parent = field ? built.input[field] : undefined;
          if (field && existing.parentId && parent !== PLACEHOLDER_ID && parent !== existing.parentId) {
            const key = fieldColumn[field] ?? field;
            if (!r.hasFailed(key)) r.fail(key, 'IMPORT_CANNOT_MOVE', { value: built.code, column: columnOf(key) });
          }
        }
      }
      earlierCodes.add(built.code);
    }

    // In the order of the file's columns, as the user reads the row.
    const position = (key: string) => headers.index.get(key) ?? Number.MAX_SAFE_INTEGER;
    const rowErrors = [...r.errors].sort((a, b) => position(a.key) - position(b.key));
    for (const e of rowErrors) report(sheetRow.row, columnOf(e.key), e.code, e.params);
    if (r.errors.length || !parsed.success) continue;
    const planned: PlannedRow = { row: sheetRow.row, op: 'create', input: parsed.data as Record<string, unknown> };
    if (existing) {
      planned.op = 'update';
      planned.id = existing.id;
      planned.filled = filledFields(kind, r, fieldColumn);
    }
    if (built.deferredParent) planned.deferredParent = built.deferredParent;
    rows.push(planned);
  }
  return { total: table.rows.length, rows, errors, errorCount };
}

function filledFields(kind: ImportKind, r: RowReader, fieldColumn: Record<string, string>): string[] {
  const byColumn = new Map(Object.entries(fieldColumn).map(([field, key]) => [key, field]));
  return COLUMNS[kind].filter((c) => !r.isBlank(c.key)).map((c) => byColumn.get(c.key) ?? c.key);
}

/** Codes the file mentions, so the resolver can look up just those. */
export interface Refs {
  brands: Set<string>;
  regions: Set<string>;
  centers: Set<string>;
  outlets: Set<string>;
  divisions: Set<string>;
  models: Set<string>;
  codes: Set<string>;
}

const REF_COLUMNS: Record<ImportKind, Partial<Record<keyof Refs, readonly string[]>>> = {
  outlets: {
    brands: ['brandCodes'],
    regions: ['regionCode'],
    centers: ['centerCode'],
    outlets: ['parentCode'],
    divisions: ['divisionCode', 'coverage'],
    codes: ['code'],
  },
  technicians: { outlets: ['outletCode'], codes: ['code'] },
  regions: { brands: ['brandCode'], divisions: ['provinceCodes'], codes: ['code'] },
  service_centers: { brands: ['brandCode'], regions: ['regionCode'], divisions: ['divisionCode'], codes: ['code'] },
  models: { brands: ['brandCode'], codes: ['code'] },
  parts: { brands: ['brandCode'], models: ['modelCodes'], codes: ['code'] },
  sales: { brands: ['brandCode'], outlets: ['outletCode'], divisions: ['divisionCode'] },
};

export function collectRefs(kind: ImportKind, table: Table): Refs {
  const refs: Refs = {
    brands: new Set(),
    regions: new Set(),
    centers: new Set(),
    outlets: new Set(),
    divisions: new Set(),
    models: new Set(),
    codes: new Set(),
  };
  const { index } = matchHeaders(kind, table.headers);
  const columns = Object.entries(REF_COLUMNS[kind]) as [keyof Refs, readonly string[]][];
  for (const sheetRow of table.rows) {
    const r = new RowReader(sheetRow.cells, index);
    for (const [ref, keys] of columns) for (const key of keys) for (const v of r.list(key)) refs[ref].add(v);
  }
  return refs;
}
