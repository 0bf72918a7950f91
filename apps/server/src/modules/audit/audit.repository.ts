import type { auditListQuery } from '@aftercare/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { likePattern } from '../../platform/db/like.ts';
import { paginate } from '../../platform/db/paginate.ts';
import { brandFilter, outletFilter } from '../network/scope.ts';

type AuditQuery = z.infer<typeof auditListQuery>;

/** entity_id is text (not every entity has a uuid), so it is compared as text, never cast. */
function texts(ids: string[]) {
  return sql`ARRAY[${sql.join(ids.length ? ids : [''])}]::text[]`;
}

/**
 * Which audit rows a scope may read. The platform admin reads all. A brand-level scope reads rows of
 * its brands, and rows without a brand about an outlet linked to its brands (technicians, for one);
 * never a row another brand wrote about a shared outlet. A region-narrowed scope reads only rows about
 * its regions' outlets, its own regions and their centers, and its brands themselves. Outlet-level
 * scopes and customers read nothing.
 */
export function auditScopeFilter(scope: Scope): Expression<SqlBool> {
  const brand = sql.ref<string>('audit_log.brand_id');
  const outlet = sql.ref<string>('audit_log.outlet_id');
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'brand':
      return sql<SqlBool>`(${brandFilter(scope, brand)}
        OR (${brand} IS NULL AND ${outlet} IS NOT NULL AND ${outletFilter(scope, outlet)}))`;
    case 'region':
      return sql<SqlBool>`(
        (${outlet} IS NOT NULL AND ${outletFilter(scope, outlet)} AND (${brand} IS NULL OR ${brandFilter(scope, brand)}))
        OR (${outlet} IS NULL AND ${brandFilter(scope, brand)} AND (
          audit_log.entity = 'brand'
          OR (audit_log.entity = 'region' AND audit_log.entity_id = ANY(${texts(scope.regionIds)}))
          OR (audit_log.entity = 'service_center' AND audit_log.entity_id IN (
            SELECT sc.id::text FROM service_centers sc WHERE sc.region_id::text = ANY(${texts(scope.regionIds)})))
        ))
      )`;
    default:
      return sql<SqlBool>`false`;
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A query bound as an instant: days are Asia/Shanghai days; `to` includes its whole day. */
export function boundOf(value: string, end: boolean): Date {
  if (!DAY.test(value)) return new Date(value);
  const start = new Date(`${value}T00:00:00+08:00`);
  return end ? new Date(start.getTime() + 86_400_000) : start;
}

export async function listAudit(db: Tx, scope: Scope, q: AuditQuery) {
  let base = db.selectFrom('audit_log').where(auditScopeFilter(scope));
  if (q.q) {
    const like = likePattern(q.q);
    const text = q.q;
    base = base.where((eb) =>
      eb.or([
        eb('action', 'ilike', like),
        eb('entity', 'ilike', like),
        eb('actor_name', 'ilike', like),
        eb('entity_id', '=', text),
        eb('request_id', '=', text),
      ]),
    );
  }
  if (q.entity) base = base.where('entity', '=', q.entity);
  if (q.entityId) base = base.where('entity_id', '=', q.entityId);
  if (q.actorId) base = base.where('actor_id', '=', q.actorId);
  if (q.action) base = base.where('action', '=', q.action);
  if (q.from) base = base.where('at', '>=', boundOf(q.from, false));
  if (q.to)
    base = DAY.test(q.to) ? base.where('at', '<', boundOf(q.to, true)) : base.where('at', '<=', boundOf(q.to, true));
  return paginate(base.selectAll().orderBy('at', 'desc').orderBy('id', 'desc'), base, q);
}
