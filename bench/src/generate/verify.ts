/**
 * Checks a generated database against the app's own code on a sample of customers:
 *
 *   BENCH_DATABASE_URL=… ./aftercare node bench/src/generate/verify.ts [--database aftercare_screenpop] [--sample 200]
 *
 * For each sampled customer, the app's refreshSearch() recomputes the search vector inside a
 * transaction that is rolled back, and the result must equal the generated one; every phone must
 * normalize (normalizePhone) from its raw form to the stored normalized form and kind.
 */
import { sql } from 'kysely';
import { refreshSearch } from '../../../apps/server/src/modules/customers/customers.repository.ts';
import { openDatabase } from '../../../apps/server/src/platform/db/database.ts';
import { normalizePhone } from '../../../apps/server/src/platform/phone.ts';
import { SCREEN_POP_DATABASE, withDatabase } from './options.ts';

const argv = process.argv.slice(2);
const arg = (flag: string) => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};
const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error('set BENCH_DATABASE_URL (or TEST_DATABASE_URL)');
const database = arg('--database') ?? SCREEN_POP_DATABASE;
const sample = Number(arg('--sample') ?? 200);

const handle = await openDatabase({ kind: 'postgres', url: withDatabase(adminUrl, database), max: 1 });
let bad = 0;
try {
  const ids = await sql<{ id: string; search: string }>`
    SELECT id, search::text AS search FROM customers TABLESAMPLE SYSTEM (1) REPEATABLE (3) LIMIT ${sample}`.execute(
    handle.db,
  );
  for (const row of ids.rows) {
    const again = await handle.db
      .transaction()
      .execute(async (trx) => {
        await refreshSearch(trx, row.id);
        const r = await sql<{
          search: string;
        }>`SELECT search::text AS search FROM customers WHERE id = ${row.id}`.execute(trx);
        throw Object.assign(new Error('rollback'), { search: r.rows[0]?.search });
      })
      .catch((e: { search?: string }) => e.search);
    if (again !== row.search) {
      bad++;
      process.stderr.write(`search differs for ${row.id}:\n  generated ${row.search}\n  app       ${again}\n`);
    }
  }
  const phones = await sql<{ raw: string; normalized: string; kind: string }>`
    SELECT raw, normalized, kind FROM customer_phones TABLESAMPLE SYSTEM (1) REPEATABLE (3) LIMIT ${sample * 5}`.execute(
    handle.db,
  );
  for (const p of phones.rows) {
    const n = normalizePhone(p.raw);
    if (n?.normalized !== p.normalized || n.kind !== p.kind) {
      bad++;
      process.stderr.write(
        `phone ${p.raw} stored as ${p.normalized}/${p.kind}, app says ${n?.normalized}/${n?.kind}\n`,
      );
    }
  }
  console.log(
    `verify: ${ids.rows.length} search vectors, ${phones.rows.length} phones checked in ${database}; ${bad} differ`,
  );
} finally {
  await handle.close();
}
if (bad > 0) process.exitCode = 1;
