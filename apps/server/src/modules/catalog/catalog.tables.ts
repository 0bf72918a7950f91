/** Kysely table types of the product catalog (models, parts). */
export type CatalogTables = Record<never, never>;
