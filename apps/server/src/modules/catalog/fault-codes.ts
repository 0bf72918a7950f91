// The brand's fault-code catalog (故障代码): listed for intake and diagnosis, kept by brand admins.
import { type FaultCode, faultCode, faultCodeListQuery, faultCodeUpsert } from '@aftercare/contracts';
import { sql } from 'kysely';
import { z } from 'zod';
import { actorOf } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { visibleBrand } from '../network/lookups.ts';
import { brandFilter, canManageBrand } from '../network/scope.ts';
import { CatalogErrors } from './catalog.errors.ts';
import { brandHasCategory } from './catalog.repository.ts';

type Row = {
  brand_id: string;
  code: string;
  category_code: string | null;
  name: string;
  serious: boolean;
  status: string;
};

const present = (r: Row): FaultCode => ({
  brandId: r.brand_id,
  code: r.code,
  categoryCode: r.category_code,
  name: r.name,
  serious: r.serious,
  status: r.status as FaultCode['status'],
});

export function faultCodeRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['catalog'];

  app.get(
    '/fault-codes',
    {
      schema: { tags, querystring: faultCodeListQuery, response: { 200: z.object({ items: z.array(faultCode) }) } },
      config: { access: { cap: 'catalog.read' } },
    },
    async (req) => {
      let q = ctx.db
        .selectFrom('fault_codes')
        .selectAll()
        .where(brandFilter(req.principal!.scope, sql.ref('fault_codes.brand_id')));
      if (req.query.brandId) q = q.where('brand_id', '=', req.query.brandId);
      if (req.query.categoryCode) {
        const c = req.query.categoryCode;
        q = q.where((eb) => eb.or([eb('category_code', '=', c), eb('category_code', 'is', null)]));
      }
      if (req.query.status) q = q.where('status', '=', req.query.status);
      const rows = await q.orderBy('brand_id').orderBy('code').limit(1000).execute();
      return { items: rows.map(present) };
    },
  );

  /** Adds a code or changes its name, category, seriousness or status (codes are never deleted). */
  app.put(
    '/fault-codes',
    {
      schema: { tags, body: faultCodeUpsert, response: { 200: faultCode } },
      config: { access: { cap: 'catalog.write' } },
    },
    async (req) => {
      const p = req.principal!;
      const b = req.body;
      const row = await ctx.db.transaction().execute(async (trx) => {
        const brand = await visibleBrand(trx, p.scope, b.brandId);
        if (!brand) throw new AppError(CatalogErrors.CATALOG_BRAND_UNKNOWN, { brandId: b.brandId });
        if (!canManageBrand(p.scope, brand.id)) throw new AppError(CommonErrors.FORBIDDEN);
        if (b.categoryCode && !(await brandHasCategory(trx, brand.id, b.categoryCode)))
          throw new AppError(CatalogErrors.CATALOG_CATEGORY_UNKNOWN, { categoryCode: b.categoryCode });
        const values = {
          category_code: b.categoryCode ?? null,
          name: b.name,
          serious: b.serious,
          status: b.status,
        };
        const before = await trx
          .selectFrom('fault_codes')
          .selectAll()
          .where('brand_id', '=', brand.id)
          .where('code', '=', b.code)
          .executeTakeFirst();
        const saved = await trx
          .insertInto('fault_codes')
          .values({ brand_id: brand.id, code: b.code, ...values })
          .onConflict((oc) => oc.columns(['brand_id', 'code']).doUpdateSet(values))
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAudit(trx, ctx.clock, actorOf(p, req.id), {
          action: before ? 'fault_code.update' : 'fault_code.create',
          entity: 'fault_code',
          entityId: null,
          brandId: brand.id,
          before: before ?? undefined,
          after: saved,
        });
        return saved;
      });
      return present(row);
    },
  );
}
