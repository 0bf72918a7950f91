import type { ColumnType, Generated } from 'kysely';

/** Kysely table types of the product catalog (models, parts, which parts fit which model). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;
type DateCol = ColumnType<string, string, string>;
type Search = ColumnType<string, string | undefined, string>;

export interface ProductModelsTable {
  id: string;
  brand_id: string;
  category_code: string;
  code: string;
  name: string;
  name_en: string | null;
  specs: Json;
  launched_on: DateCol | null;
  status: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  search: Search;
}

export interface PartsTable {
  id: string;
  brand_id: string;
  category_code: string;
  code: string;
  name: string;
  is_main_part: Generated<boolean>;
  price_fen: number;
  warranty_term_months: number | null;
  status: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  search: Search;
}

export interface ModelPartsTable {
  model_id: string;
  part_id: string;
}

export interface CatalogTables {
  product_models: ProductModelsTable;
  parts: PartsTable;
  model_parts: ModelPartsTable;
}
