import { auditEntry, auditListQuery, pageOf } from '@aftercare/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { presentAudit } from './audit.presenter.ts';
import { listAudit } from './audit.repository.ts';

export function auditRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Read the audit log (newest first), limited to the caller’s brands',
        querystring: auditListQuery,
        response: { 200: pageOf(auditEntry) },
      },
      config: { access: { cap: 'audit.read' } },
    },
    async (req) => {
      const p = req.principal!;
      const { items, total } = await listAudit(ctx.db, p.scope, req.query);
      return {
        items: items.map((row) => presentAudit(p, row)),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );
}
