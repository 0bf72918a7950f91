import type { saleLine } from '@aftercare/contracts';
import type { z } from 'zod';
import type { Actor, Scope } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { CommandDeps } from '../../platform/context.ts';
import { AppError, type Locale, localize } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emitEvent } from '../../platform/outbox.ts';
import type { ProductionDateDecoder } from '../customers/products.production.ts';
import type { Table } from '../imports/imports.read.ts';
import { loadResolver } from '../imports/imports.repository.ts';
import { collectRefs, planImport } from '../imports/imports.validate.ts';
import { applySaleTx, type SaleOutcome, type SaleRecord } from './sales.commands.ts';
import { SalesErrors } from './sales.errors.ts';

type Line = z.infer<typeof saleLine>;

/** The columns of the `sales` import, by their English names (the feed's field names). */
const FIELDS = [
  'brandCode',
  'customerName',
  'phones',
  'divisionCode',
  'address',
  'categoryCode',
  'modelCode',
  'serial',
  'purchaseDate',
  'hasInvoice',
  'channel',
  'store',
  'deliveryDate',
  'installationDate',
  'outletCode',
  'orderNo',
  'lineNo',
] as const;

/** The batch as a sheet whose row numbers are the line numbers (1 = first), for the import's checks. */
function asTable(lines: Line[]): Table {
  return {
    headerRow: 0,
    headers: [...FIELDS],
    rows: lines.map((line, i) => ({
      row: i + 1,
      cells: FIELDS.map((f) => {
        const v = line[f];
        if (Array.isArray(v)) return v.join(';');
        return v ?? null;
      }),
    })),
  };
}

export interface LineError {
  line: number;
  externalId: string | null;
  field: string | null;
  code: string;
  message: string;
}

class LineFailure extends Error {
  readonly line: number;
  override readonly cause: unknown;
  constructor(line: number, cause: unknown) {
    super(`line ${line} failed`);
    this.line = line;
    this.cause = cause;
  }
}

/**
 * A retailer's batch: every line checked as an import row is (brand in scope, phones, category,
 * outlet, dates, serial or order line, repeats), plus repeated externalIds; any error refuses the
 * whole batch (422 SALES_HAS_ERRORS, nothing written). Otherwise every line is applied in ONE
 * transaction, keyed by (brand, externalId), with one audit row and, if anything changed, one event.
 */
export async function receiveSales(
  deps: CommandDeps & { onUnexpected?: (err: unknown, line: number) => void; decode?: ProductionDateDecoder },
  actor: Actor,
  scope: Scope,
  lines: Line[],
  locale: Locale,
) {
  const errors: LineError[] = [];
  const firstLine = new Map<string, number>();
  lines.forEach((l, i) => {
    const first = firstLine.get(l.externalId);
    if (first === undefined) firstLine.set(l.externalId, i + 1);
    else {
      const params = { value: l.externalId, line: first };
      errors.push({
        line: i + 1,
        externalId: l.externalId,
        field: 'externalId',
        code: SalesErrors.SALES_DUPLICATE_EXTERNAL_ID,
        message: localize(SalesErrors.SALES_DUPLICATE_EXTERNAL_ID, locale, params),
      });
    }
  });
  const table = asTable(lines);
  const resolver = await loadResolver(deps.db, scope, 'sales', collectRefs('sales', table));
  const plan = planImport('sales', table, resolver, { mode: 'upsert', locale });
  for (const e of plan.errors) {
    errors.push({
      line: e.row,
      externalId: lines[e.row - 1]?.externalId ?? null,
      field: e.column,
      code: e.code,
      message: e.message,
    });
  }
  if (errors.length || plan.errorCount) {
    errors.sort((a, b) => a.line - b.line);
    throw new AppError(SalesErrors.SALES_HAS_ERRORS, { count: Math.max(errors.length, plan.errorCount) }, errors);
  }

  const results: (SaleOutcome & { externalId: string })[] = [];
  const counts = { created: 0, updated: 0, unchanged: 0 };
  try {
    await deps.db.transaction().execute(async (trx) => {
      for (const row of plan.rows) {
        const externalId = lines[row.row - 1]!.externalId;
        try {
          const out = await applySaleTx(
            trx,
            deps.clock,
            actor,
            scope,
            row.input as SaleRecord,
            { source: 'feed', externalId },
            deps.decode,
          );
          counts[out.status]++;
          results.push({ externalId, ...out });
        } catch (err) {
          throw new LineFailure(row.row, err);
        }
      }
      const brands = new Set(plan.rows.map((r) => (r.input as SaleRecord).brandId));
      const brandId = brands.size === 1 ? [...brands][0]! : null;
      const batchId = newId();
      const summary = { lines: lines.length, ...counts };
      await writeAudit(trx, deps.clock, actor, {
        action: 'sales.receive',
        entity: 'sales_batch',
        entityId: batchId,
        brandId,
        after: summary,
      });
      if (counts.created || counts.updated) {
        await emitEvent(trx, deps.clock, {
          type: 'sales.received',
          aggregateType: 'sales_batch',
          aggregateId: batchId,
          brandId,
          payload: {
            ...summary,
            productIds: results.filter((r) => r.status !== 'unchanged').map((r) => r.productId),
          },
        });
      }
    });
  } catch (err) {
    if (!(err instanceof LineFailure)) throw err;
    if (!(err.cause instanceof AppError)) deps.onUnexpected?.(err.cause, err.line);
    const cause = err.cause instanceof AppError ? err.cause : null;
    const code = cause?.code ?? 'IMPORT_ROW_FAILED_UNKNOWN';
    throw new AppError(SalesErrors.SALES_HAS_ERRORS, { count: 1 }, [
      {
        line: err.line,
        externalId: lines[err.line - 1]?.externalId ?? null,
        field: null,
        code,
        message: localize(code, locale, cause?.params ?? {}),
      },
    ]);
  }
  return { total: lines.length, ...counts, lines: results };
}
