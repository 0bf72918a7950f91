/** Kysely table types of the customers module (customers, phones, addresses, installed products). */
export type CustomerTables = Record<never, never>;
