import { sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { canManageBrand, outletFilter, technicianFilter } from '../network/scope.ts';
import type { ExistingRecord, Resolver } from './imports.mapping.ts';
import type { Refs } from './imports.validate.ts';
import type { ImportKind } from './imports.values.ts';

const CHUNK = 5000;

async function inChunks<T>(values: Iterable<string>, load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const all = [...values];
  const out: T[] = [];
  for (let i = 0; i < all.length; i += CHUNK) out.push(...(await load(all.slice(i, i + CHUNK))));
  return out;
}

/**
 * Looks up, in one go, every code the file mentions, limited to what the caller may manage: brands by
 * `canManageBrand`, outlets and technicians by the network scope filters.
 */
export async function loadResolver(db: Tx, scope: Scope, kind: ImportKind, refs: Refs): Promise<Resolver> {
  const brandRows = await inChunks(refs.brands, (codes) =>
    db.selectFrom('brands').select(['id', 'code']).where('code', 'in', codes).execute(),
  );
  const brands = new Map(brandRows.filter((b) => canManageBrand(scope, b.id)).map((b) => [b.code, b.id]));
  const brandIds = [...brands.values()];

  const regionRows =
    brandIds.length && refs.regions.size
      ? await inChunks(refs.regions, (codes) =>
          db
            .selectFrom('regions')
            .select(['id', 'brand_id', 'code'])
            .where('brand_id', 'in', brandIds)
            .where('code', 'in', codes)
            .execute(),
        )
      : [];
  const regions = new Map(regionRows.map((r) => [`${r.brand_id}:${r.code}`, r.id]));

  const centerRows =
    brandIds.length && refs.centers.size
      ? await inChunks(refs.centers, (codes) =>
          db
            .selectFrom('service_centers')
            .select(['id', 'brand_id', 'region_id', 'code'])
            .where('brand_id', 'in', brandIds)
            .where('code', 'in', codes)
            .execute(),
        )
      : [];
  const centers = new Map(centerRows.map((c) => [`${c.brand_id}:${c.code}`, { id: c.id, regionId: c.region_id }]));

  const outletRows = await inChunks(refs.outlets, (codes) =>
    db
      .selectFrom('outlets')
      .select(['outlets.id', 'outlets.code'])
      .select(
        sql<string[]>`ARRAY(SELECT bo.brand_id::text FROM brand_outlets bo WHERE bo.outlet_id = outlets.id)`.as(
          'brand_ids',
        ),
      )
      .where('outlets.code', 'in', codes)
      .where(outletFilter(scope, sql.ref('outlets.id')))
      .execute(),
  );
  const outlets = new Map(outletRows.map((o) => [o.code, { id: o.id, brandIds: o.brand_ids }]));

  const categoryBrands = [...new Set([...brandIds, ...outletRows.flatMap((o) => o.brand_ids)])];
  const categoryRows = categoryBrands.length
    ? await db
        .selectFrom('brand_categories')
        .select(['brand_id', 'code', 'name', 'name_en'])
        .where('brand_id', 'in', categoryBrands)
        .execute()
    : [];

  const divisionRows = await inChunks(refs.divisions, (codes) =>
    db.selectFrom('divisions').select('code').where('code', 'in', codes).execute(),
  );
  const divisions = new Set(divisionRows.map((d) => d.code));

  const modelRows =
    brandIds.length && refs.models.size
      ? await inChunks(refs.models, (codes) =>
          db
            .selectFrom('product_models')
            .select(['id', 'brand_id', 'code'])
            .where('brand_id', 'in', brandIds)
            .where('code', 'in', codes)
            .execute(),
        )
      : [];
  const models = new Map(modelRows.map((m) => [`${m.brand_id}:${m.code}`, m.id]));

  const existing = await loadExisting(db, scope, kind, refs.codes, brandIds);

  return {
    brand: (code) => brands.get(code) ?? null,
    region: (brandId, code) => regions.get(`${brandId}:${code}`) ?? null,
    center: (brandId, code) => centers.get(`${brandId}:${code}`) ?? null,
    category: (ids, token) => {
      const t = token.trim().toLowerCase();
      const match = categoryRows.find(
        (c) => ids.includes(c.brand_id) && (c.code === token || c.name === token || c.name_en?.toLowerCase() === t),
      );
      return match?.code ?? null;
    },
    division: (code) => divisions.has(code),
    outlet: (code) => outlets.get(code) ?? null,
    model: (brandId, code) => models.get(`${brandId}:${code}`) ?? null,
    existing: (_kind, code, brandId) => existing.get(brandId ? `${brandId}:${code}` : code) ?? null,
  };
}

/** Records that already hold a code of the file. Outlet and technician codes are unique everywhere. */
async function loadExisting(
  db: Tx,
  scope: Scope,
  kind: ImportKind,
  codes: Set<string>,
  brandIds: string[],
): Promise<Map<string, ExistingRecord>> {
  const out = new Map<string, ExistingRecord>();
  if (codes.size === 0) return out;
  if (kind === 'outlets') {
    const rows = await inChunks(codes, (chunk) =>
      db
        .selectFrom('outlets')
        .select(['id', 'code'])
        .select(sql<boolean>`${outletFilter(scope, sql.ref('outlets.id'))}`.as('visible'))
        .where('code', 'in', chunk)
        .execute(),
    );
    for (const r of rows) out.set(r.code, { id: r.id, visible: Boolean(r.visible) });
  } else if (kind === 'technicians') {
    const rows = await inChunks(codes, (chunk) =>
      db
        .selectFrom('technicians')
        .select(['id', 'code', 'outlet_id'])
        .select(
          sql<boolean>`${technicianFilter(scope, sql.ref('technicians.id'), sql.ref('technicians.outlet_id'))}`.as(
            'visible',
          ),
        )
        .where('code', 'in', chunk)
        .execute(),
    );
    for (const r of rows) out.set(r.code, { id: r.id, visible: Boolean(r.visible), parentId: r.outlet_id });
  } else if (kind === 'regions' && brandIds.length) {
    // Region and center codes are unique within a brand; only the caller's brands matter.
    const rows = await inChunks(codes, (chunk) =>
      db
        .selectFrom('regions')
        .select(['id', 'code', 'brand_id'])
        .where('brand_id', 'in', brandIds)
        .where('code', 'in', chunk)
        .execute(),
    );
    for (const r of rows) out.set(`${r.brand_id}:${r.code}`, { id: r.id, visible: true });
  } else if ((kind === 'models' || kind === 'parts') && brandIds.length) {
    // Model and part codes are unique within a brand, like regions.
    const table = kind === 'models' ? 'product_models' : 'parts';
    const rows = await inChunks(codes, (chunk) =>
      db
        .selectFrom(table)
        .select(['id', 'code', 'brand_id'])
        .where('brand_id', 'in', brandIds)
        .where('code', 'in', chunk)
        .execute(),
    );
    for (const r of rows) out.set(`${r.brand_id}:${r.code}`, { id: r.id, visible: true });
  } else if (kind === 'service_centers' && brandIds.length) {
    const rows = await inChunks(codes, (chunk) =>
      db
        .selectFrom('service_centers')
        .select(['id', 'code', 'brand_id', 'region_id'])
        .where('brand_id', 'in', brandIds)
        .where('code', 'in', chunk)
        .execute(),
    );
    for (const r of rows) out.set(`${r.brand_id}:${r.code}`, { id: r.id, visible: true, parentId: r.region_id });
  }
  return out;
}
