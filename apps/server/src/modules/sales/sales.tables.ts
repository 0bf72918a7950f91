import type { ColumnType } from 'kysely';

/** Kysely table types of the sales module. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface SalesLinesTable {
  id: string;
  brand_id: string;
  source: 'feed' | 'import';
  external_id: string;
  order_no: string | null;
  line_no: string | null;
  customer_id: string;
  product_id: string;
  payload_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SalesTables {
  sales_lines: SalesLinesTable;
}
