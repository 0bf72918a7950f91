import type { Transaction } from 'kysely';
import type { Actor, Scope } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type Locale, localize } from '../../platform/errors.ts';
import { createModelTx, createPartTx, updateModelTx, updatePartTx } from '../catalog/index.ts';
import type { ProductionDateDecoder } from '../customers/products.production.ts';
import { createOutletTx, updateOutletTx } from '../outlets/index.ts';
import { createRegionTx, updateRegionTx } from '../regions/index.ts';
import { applySaleTx, importKey, type SaleRecord, type SaleStatus } from '../sales/sales.commands.ts';
import { createServiceCenterTx, updateServiceCenterTx } from '../service-centers/index.ts';
import { createTechnicianTx, updateTechnicianTx } from '../technicians/index.ts';
import { ImportErrors } from './imports.errors.ts';
import type { CreateInput, PlannedRow, RowError } from './imports.validate.ts';
import type { ImportKind } from './imports.values.ts';

export interface ImportDeps {
  db: Database;
  clock: Clock;
  /** Told after each row is written (`processed` rows so far), for the progress bar. */
  onProgress?: (processed: number) => Promise<void>;
  /** Reads a product's production date from its serial (sales rows without one). */
  decode?: ProductionDateDecoder;
  /** Told about unexpected (non-domain) failures, which the report only names by row. */
  onUnexpected?: (err: unknown, row: number) => void;
}

export interface ImportOutcome {
  created: number;
  updated: number;
  unchanged: number;
}

type Trx = Transaction<DB>;

const YIELD_EVERY = 10;

class DryRunDone extends Error {}
class RowFailure extends Error {
  readonly row: number;
  override readonly cause: unknown;
  constructor(row: number, cause: unknown) {
    super(`row ${row} failed`);
    this.row = row;
    this.cause = cause;
  }
}

/** Fields an update never takes: the code identifies the record, the rest is what it belongs to. */
const FIXED: Record<ImportKind, readonly string[]> = {
  outlets: ['code'],
  regions: ['code', 'brandId'],
  service_centers: ['code', 'regionId'],
  technicians: ['code', 'outletId'],
  models: ['code', 'brandId'],
  parts: ['code', 'brandId'],
  sales: [],
};

/** For an update, only the fields whose cells were filled in (blank cells leave the record as it is). */
function pickFilled(kind: ImportKind, row: PlannedRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of row.filled ?? []) {
    if (!FIXED[kind].includes(f) && row.input[f] !== undefined) out[f] = row.input[f];
  }
  return out;
}

async function writeRow(
  trx: Trx,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  kind: ImportKind,
  row: PlannedRow,
  decode?: ProductionDateDecoder,
): Promise<{ id: string; status?: SaleStatus }> {
  if (kind === 'sales') {
    const sale = row.input as SaleRecord;
    const out = await applySaleTx(trx, clock, actor, scope, sale, importKey(sale), decode);
    return { id: out.productId, status: out.status };
  }
  if (row.op === 'update') {
    const id = row.id!;
    const input = pickFilled(kind, row);
    switch (kind) {
      case 'outlets':
        await updateOutletTx(trx, clock, actor, scope, id, input as Parameters<typeof updateOutletTx>[5]);
        break;
      case 'technicians':
        await updateTechnicianTx(trx, clock, actor, scope, id, input as Parameters<typeof updateTechnicianTx>[5]);
        break;
      case 'regions':
        await updateRegionTx(trx, clock, actor, scope, id, input as Parameters<typeof updateRegionTx>[5]);
        break;
      case 'service_centers':
        await updateServiceCenterTx(trx, clock, actor, scope, id, input as Parameters<typeof updateServiceCenterTx>[5]);
        break;
      case 'models':
        await updateModelTx(trx, clock, actor, scope, id, input as Parameters<typeof updateModelTx>[5]);
        break;
      case 'parts':
        await updatePartTx(trx, clock, actor, scope, id, input as Parameters<typeof updatePartTx>[5]);
        break;
    }
    return { id };
  }
  return { id: await createRow(trx, clock, actor, scope, kind, row) };
}

async function createRow(trx: Trx, clock: Clock, actor: Actor, scope: Scope, kind: ImportKind, row: PlannedRow) {
  switch (kind) {
    case 'outlets':
      return (await createOutletTx(trx, clock, actor, scope, row.input as CreateInput<'outlets'>)).id;
    case 'technicians':
      return (await createTechnicianTx(trx, clock, actor, scope, row.input as CreateInput<'technicians'>)).id;
    case 'regions':
      return (await createRegionTx(trx, clock, actor, scope, row.input as CreateInput<'regions'>)).id;
    case 'service_centers':
      return (await createServiceCenterTx(trx, clock, actor, scope, row.input as CreateInput<'service_centers'>)).id;
    case 'models':
      return (await createModelTx(trx, clock, actor, scope, row.input as CreateInput<'models'>)).id;
    case 'parts':
      return (await createPartTx(trx, clock, actor, scope, row.input as CreateInput<'parts'>)).id;
    case 'sales':
      throw new Error('sales rows are written by applySaleTx');
  }
}

/** The single brand (or outlet) the whole file concerns, so that brand's auditors see the import. */
function auditOwner(kind: ImportKind, rows: PlannedRow[]): { brandId: string | null; outletId: string | null } {
  const brands = new Set<string>();
  const outlets = new Set<string>();
  for (const r of rows) {
    const i = r.input as { brandId?: string; brands?: { brandId: string }[]; outletId?: string };
    if (i.brandId) brands.add(i.brandId);
    for (const b of i.brands ?? []) brands.add(b.brandId);
    if (i.outletId) outlets.add(i.outletId);
  }
  return {
    brandId: brands.size === 1 ? [...brands][0]! : null,
    outletId: kind === 'technicians' && outlets.size === 1 ? [...outlets][0]! : null,
  };
}

/**
 * Writes every planned row through the domains' own commands in ONE transaction, with one audit row
 * for the import itself. If any row throws, everything is rolled back and that row is reported. A
 * dry run does all of it and then rolls back.
 */
export async function runImport(
  deps: ImportDeps,
  actor: Actor,
  scope: Scope,
  kind: ImportKind,
  rows: PlannedRow[],
  opts: { dryRun: boolean; locale: Locale; filename?: string | null },
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { created: 0, updated: 0, unchanged: 0 };
  try {
    await deps.db.transaction().execute(async (trx) => {
      const idsByCode = new Map<string, string>();
      for (const row of rows) {
        try {
          if (row.deferredParent) row.input.parentOutletId = idsByCode.get(row.deferredParent);
          const { id, status } = await writeRow(trx, deps.clock, actor, scope, kind, row, deps.decode);
          const code = row.input.code;
          if (typeof code === 'string') idsByCode.set(code, id);
          outcome[status ?? (row.op === 'update' ? 'updated' : 'created')]++;
        } catch (err) {
          throw new RowFailure(row.row, err);
        }
        const done = outcome.created + outcome.updated + outcome.unchanged;
        // PGlite answers from WebAssembly without giving the event loop a turn: let timers and other
        // requests (the progress poll) run now and then.
        if (done % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
        await deps.onProgress?.(done);
      }
      await writeAudit(trx, deps.clock, actor, {
        action: `import.${kind}`,
        entity: 'import',
        entityId: null,
        ...auditOwner(kind, rows),
        after: { kind, filename: opts.filename ?? null, rows: rows.length, ...outcome },
      });
      if (opts.dryRun) throw new DryRunDone();
    });
  } catch (err) {
    if (err instanceof DryRunDone) return outcome;
    if (err instanceof RowFailure) {
      if (!(err.cause instanceof AppError)) deps.onUnexpected?.(err.cause, err.row);
      throw new AppError(ImportErrors.IMPORT_HAS_ERRORS, { count: 1 }, [rowFailureError(err, opts.locale)]);
    }
    throw err;
  }
  return outcome;
}

function rowFailureError(err: RowFailure, locale: Locale): RowError {
  const cause = err.cause;
  if (cause instanceof AppError) {
    const reason = localize(cause.code, locale, cause.params);
    return { row: err.row, column: null, code: cause.code, message: localize('IMPORT_ROW_FAILED', locale, { reason }) };
  }
  return {
    row: err.row,
    column: null,
    code: 'IMPORT_ROW_FAILED_UNKNOWN',
    message: localize('IMPORT_ROW_FAILED_UNKNOWN', locale),
  };
}
