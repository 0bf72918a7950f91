import type { Selectable } from 'kysely';
import type { BrandCategoriesTable, BrandsTable } from '../../platform/db/schema.ts';

export function presentBrand(row: Selectable<BrandsTable>, categories: Selectable<BrandCategoriesTable>[]) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    hotlines: row.hotlines,
    logoUrl: row.logo_url,
    policyPack: row.policy_pack,
    status: row.status as 'active' | 'inactive',
    categories: categories
      .filter((c) => c.brand_id === row.id)
      .map((c) => ({ code: c.code, name: c.name, nameEn: c.name_en })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
