import { randomUUID } from 'node:crypto';
import { loginCookie } from '../login.ts';
import type { BenchOptions, Sample } from '../stats.ts';
import type { Started } from '../targets.ts';
import type { Measured } from './types.ts';

const USER = 'aux.admin';
/** Rows per file (BENCH_IMPORT_ROWS): the figure is for a 2 000-row sales file. */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 2000);
const HEADERS = [
  '品牌编码',
  '客户姓名',
  '联系电话',
  '行政区划代码',
  '详细地址',
  '品类',
  '型号',
  '机身条码',
  '购买日期',
  '有无发票',
];

/** One file of new customers each buying an air conditioner (serials the AUX pack decodes). */
function salesRows(round: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const n = round * 1_000_000 + i;
    rows.push([
      'AUX',
      `压测客户${n}`,
      `166${String(n).padStart(8, '0')}`,
      '310115004',
      `潍坊路${i}号`,
      'air_conditioner',
      'KFR-35GW/BpR3',
      `AX2503${String(n).padStart(9, '0')}`,
      '2026-03-01',
      i % 2 ? '是' : '否',
    ]);
  }
  return rows;
}

const sample = (ms: number): Sample => ({ rps: (ROWS * 1000) / ms, p50: ms / ROWS, p99: ms / ROWS, failures: 0 });

/**
 * POST /api/v1/imports/sales with a CSV of new customers and products (every check, the serial
 * decoding, audit and outbox rows, search vectors, sales lines, one transaction, progress reported)
 * against raw SQL writing the same customer, phone, product and sales-line rows in one transaction
 * with no reads or checks. Figures are rows per second; p50 is milliseconds per row.
 */
export async function salesImport(s: Started, opts: BenchOptions): Promise<Measured> {
  const { db } = s.running.ctx;
  const brand = await db.selectFrom('brands').select('id').where('code', '=', 'AUX').executeTakeFirstOrThrow();
  const cookie = await loginCookie(s.url, USER);
  const subject: Sample[] = [];
  const baseline: Sample[] = [];
  const rounds = Math.max(1, Math.min(opts.rounds, 3));
  for (let r = 0; r < rounds; r++) {
    const rows = salesRows(2 * r + 1);
    const csv = `\uFEFF${[HEADERS, ...rows].map((row) => row.join(',')).join('\r\n')}\r\n`;
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'sales.csv');
    const t0 = performance.now();
    const res = await fetch(`${s.url}/api/v1/imports/sales?jobId=${randomUUID()}`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    });
    const ms = performance.now() - t0;
    if (res.status !== 200)
      throw new Error(`POST /imports/sales answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    subject.push(sample(ms));

    const raw = salesRows(2 * r + 2);
    const t1 = performance.now();
    await db.transaction().execute(async (trx) => {
      for (const row of raw) {
        const now = new Date();
        const customerId = randomUUID();
        const productId = randomUUID();
        await trx
          .insertInto('customers')
          .values({ id: customerId, brand_id: brand.id, name: row[1]!, created_at: now, updated_at: now })
          .execute();
        await trx
          .insertInto('customer_phones')
          .values({
            id: randomUUID(),
            customer_id: customerId,
            brand_id: brand.id,
            raw: row[2]!,
            normalized: row[2]!,
            kind: 'mobile',
            is_primary: true,
            created_at: now,
          })
          .execute();
        await trx
          .insertInto('installed_products')
          .values({
            id: productId,
            brand_id: brand.id,
            customer_id: customerId,
            category_code: 'air_conditioner',
            model_code: row[6]!,
            serial: row[7]!,
            purchase_date: row[8]!,
            has_invoice: row[9] === '是',
            created_at: now,
            updated_at: now,
          })
          .execute();
        await trx
          .insertInto('sales_lines')
          .values({
            id: randomUUID(),
            brand_id: brand.id,
            source: 'import',
            external_id: `serial:${row[7]}`,
            customer_id: customerId,
            product_id: productId,
            payload_hash: 'bench',
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
    });
    baseline.push(sample(performance.now() - t1));
  }
  return {
    subject,
    baseline,
    labels: ['aftercare', 'raw-sql'],
    notes: { user: USER, rows: String(ROWS), unit: 'rows/s (p50 = ms per row)' },
  };
}
