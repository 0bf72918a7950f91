import type { ModelRow, PartRow } from './catalog.repository.ts';

type Specs = Record<string, string | number | boolean>;

function specsOf(raw: unknown): Specs {
  const value = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Specs) : {};
}

export function presentModel(row: ModelRow) {
  return {
    id: row.id,
    brandId: row.brand_id,
    categoryCode: row.category_code,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    specs: specsOf(row.specs),
    launchedOn: row.launched_on,
    status: row.status as 'active' | 'inactive',
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Prices stay in integer fen; `modelIds` are the models of the brand the part fits. */
export function presentPart(row: PartRow, modelIds: ReadonlyMap<string, string[]>) {
  return {
    id: row.id,
    brandId: row.brand_id,
    categoryCode: row.category_code,
    code: row.code,
    name: row.name,
    isMainPart: row.is_main_part,
    priceFen: row.price_fen,
    warrantyTermMonths: row.warranty_term_months,
    modelIds: modelIds.get(row.id) ?? [],
    status: row.status as 'active' | 'inactive',
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
