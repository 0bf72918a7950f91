import {
  type Capability,
  IMPORT_MAX_ROWS,
  importKind,
  importProgress,
  importProgressParams,
  importQuery,
  importResult,
  importTemplateQuery,
} from '@aftercare/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, type Principal } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { attachment, XLSX_TYPE } from '../../platform/export.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { localeOf } from '../../platform/http/problem.ts';
import { productionDateDecoder } from '../warranty/warranty.serial.ts';
import { runImport } from './imports.commands.ts';
import { ImportErrors } from './imports.errors.ts';
import { ImportProgressBoard } from './imports.progress.ts';
import { detectFormat, readTable } from './imports.read.ts';
import { loadResolver } from './imports.repository.ts';
import { buildTemplate, templateCsv } from './imports.template.ts';
import { collectRefs, planImport } from './imports.validate.ts';
import type { ImportKind } from './imports.values.ts';

/** Each kind needs the capability of the domain it writes into. */
const CAPABILITY: Record<ImportKind, Capability> = {
  outlets: 'network.write',
  regions: 'network.write',
  service_centers: 'network.write',
  technicians: 'technicians.write',
  models: 'catalog.write',
  parts: 'catalog.write',
  sales: 'customers.write',
};

const kindParams = z.strictObject({ kind: importKind });

function requireCapability(p: Principal, kind: ImportKind) {
  if (!p.capabilities.has(CAPABILITY[kind])) throw new AppError(CommonErrors.FORBIDDEN);
}

export function importRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['imports'];
  const board = new ImportProgressBoard(ctx.db, ctx.clock, ctx.handle.kind === 'postgres');

  app.post(
    '/imports/:kind',
    {
      schema: {
        tags,
        summary:
          'Import outlets, technicians, regions, service centers, product models, parts or sales from CSV or .xlsx (field "file")',
        description:
          'Every row is checked first; any error answers 422 IMPORT_HAS_ERRORS with the row errors in `details` ' +
          'and nothing is written. Otherwise all rows are written in one transaction. A dry run (dryRun=true) ' +
          'answers 200 with the row errors in `errors` and never writes. Row numbers are the sheet rows ' +
          '(header = row 1). The capability needed is network.write (technicians: technicians.write; models and ' +
          'parts: catalog.write; sales: customers.write). Part prices are given in yuan with at most two decimals ' +
          'and stored in fen. Sales (one row = one sold unit) are always upserted, whatever `mode` says: the ' +
          'customer is matched by a phone number within the brand, the product by serial, else by the external ' +
          'order no + line no; a row imported again is counted as `unchanged` and writes nothing.',
        consumes: ['multipart/form-data'],
        params: kindParams,
        querystring: importQuery,
        response: { 200: importResult },
      },
      // The capability depends on :kind and is checked in the handler.
      config: { access: { authenticated: true } },
    },
    async (req) => {
      const p = req.principal!;
      const { kind } = req.params;
      const { dryRun, mode, jobId } = req.query;
      requireCapability(p, kind);
      if (!req.isMultipart()) throw new AppError(ImportErrors.IMPORT_NO_FILE);
      if (!jobId) return importFile(req, p, kind, { dryRun, mode, jobId: null });
      const owner = p.via === 'api_key' ? p.apiKeyId : p.userId;
      if (!(await board.start(jobId, { kind, dryRun, owner, filename: null })))
        throw new AppError(ImportErrors.IMPORT_JOB_TAKEN, { jobId });
      let ok = false;
      try {
        const out = await importFile(req, p, kind, { dryRun, mode, jobId });
        ok = out.errors.length === 0;
        return out;
      } finally {
        await board.finish(jobId, ok);
      }
    },
  );

  /** Reads, checks and writes the uploaded file; reports progress under `jobId` when given. */
  async function importFile(
    req: FastifyRequest,
    p: Principal,
    kind: ImportKind,
    { dryRun, mode, jobId }: { dryRun: boolean; mode: 'create' | 'upsert'; jobId: string | null },
  ) {
    const file = await req.file();
    if (file?.fieldname !== 'file') throw new AppError(ImportErrors.IMPORT_NO_FILE);
    const buf = await file.toBuffer();
    const format = detectFormat(buf, file.filename);
    const table = await readTable(buf, format, IMPORT_MAX_ROWS);

    const locale = localeOf(req);
    const resolver = await loadResolver(ctx.db, p.scope, kind, collectRefs(kind, table));
    const plan = planImport(kind, table, resolver, { mode, locale });
    if (plan.errorCount > 0) {
      // A dry run is the check itself: it reports the errors. A real import refuses the whole file.
      if (dryRun) return { kind, dryRun, total: plan.total, created: 0, updated: 0, unchanged: 0, errors: plan.errors };
      throw new AppError(ImportErrors.IMPORT_HAS_ERRORS, { count: plan.errorCount }, plan.errors);
    }

    if (jobId) board.writing(jobId, plan.rows.length);
    const outcome = await runImport(
      {
        ...ctx,
        decode: productionDateDecoder(ctx, { cacheBrands: true }),
        ...(jobId && { onProgress: (processed: number) => board.advance(jobId, processed) }),
        onUnexpected: (err, row) => req.log.error({ err, kind, row }, 'import row failed unexpectedly'),
      },
      actorOf(p, req.id),
      p.scope,
      kind,
      plan.rows,
      { dryRun, locale, filename: file.filename },
    );
    return { kind, dryRun, total: plan.total, ...outcome, errors: [] };
  }

  app.get(
    '/imports/progress/:jobId',
    {
      schema: {
        tags,
        summary: "A running import's progress (rows written of the total), by the id its client generated",
        description:
          'Public and answered without the database while the import runs, so a poll is never held up by ' +
          "the import's transaction: the job id is the client's secret (a random UUID) and the answer holds " +
          'only counts. Poll it without credentials.',
        params: importProgressParams,
        response: { 200: importProgress },
      },
      config: { access: { public: true } },
    },
    async (req) => {
      const view = await board.view(req.params.jobId);
      if (!view) throw new AppError(ImportErrors.IMPORT_JOB_UNKNOWN, { jobId: req.params.jobId });
      return view;
    },
  );

  app.get(
    '/imports/templates/:kind',
    {
      schema: {
        tags,
        summary: 'Download the import template (Chinese and English headers), .xlsx or CSV',
        params: kindParams,
        querystring: importTemplateQuery,
        produces: [XLSX_TYPE, 'text/csv'],
      },
      config: { access: { authenticated: true } },
    },
    async (req, reply) => {
      const { kind } = req.params;
      const { format } = req.query;
      requireCapability(req.principal!, kind);
      const body = format === 'csv' ? templateCsv(kind) : await buildTemplate(kind);
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
        .header('content-disposition', attachment(`${kind}-template.${format}`, `${kind}-导入模板.${format}`))
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
}
