import type { ProductModel } from '../../api/catalog.ts';

type Specs = ProductModel['specs'];
export interface SpecRow {
  key?: string;
  value?: string;
}

/** Specifications as editable rows (every value as text). */
export function specRowsOf(specs: Specs | undefined): SpecRow[] {
  return Object.entries(specs ?? {}).map(([key, value]) => ({ key, value: String(value) }));
}

/**
 * Rows back to specifications: empty names are dropped; "true"/"false" become booleans and plain
 * numbers ("1", "-2.5") numbers; anything else ("1.5匹", "1200W", "007") stays text.
 */
export function specsOf(rows: SpecRow[] | undefined): Specs {
  const out: Specs = {};
  for (const row of rows ?? []) {
    const key = row.key?.trim();
    if (!key) continue;
    const text = (row.value ?? '').trim();
    if (text === 'true' || text === 'false') out[key] = text === 'true';
    else if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(text) && Number.isFinite(Number(text))) out[key] = Number(text);
    else out[key] = text;
  }
  return out;
}
