import { buildSale } from './imports.sales.ts';
import {
  ACTIVE_STATUS_OPTIONS,
  type ImportKind,
  LEVEL_OPTIONS,
  OPTION_LABELS,
  OUTLET_STATUS_OPTIONS,
  type RowReader,
  TIER_OPTIONS,
} from './imports.values.ts';

/**
 * One sheet row → the input of the kind's create command. Codes are turned into ids through the
 * resolver, which only knows what the caller may manage; anything else is reported as unknown.
 */

/** Stands in for an id that could not be resolved, so zod does not report the same cell twice. */
export const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

export interface ExistingRecord {
  id: string;
  /** Inside the caller's scope (may be updated by an upsert). */
  visible: boolean;
  /** What it belongs to and an import cannot change: a technician's outlet, a center's region. */
  parentId?: string;
}

export interface Resolver {
  /** Id of a brand the caller may manage. */
  brand(code: string): string | null;
  region(brandId: string, code: string): string | null;
  center(brandId: string, code: string): { id: string; regionId: string } | null;
  /** A category of one of these brands, by code or name → its code. */
  category(brandIds: readonly string[], token: string): string | null;
  division(code: string): boolean;
  /** An outlet visible to the caller, by code. */
  outlet(code: string): { id: string; brandIds: readonly string[] } | null;
  /** A product model of a brand the caller may manage, by code. */
  model(brandId: string, code: string): string | null;
  /** A record of this kind with this code (brand-scoped codes: within brandId), seen or not. */
  existing(kind: ImportKind, code: string, brandId: string | null): ExistingRecord | null;
}

export interface BuildContext {
  resolver: Resolver;
  /** Codes of rows above this one in the file (outlets may name an earlier row as their parent). */
  earlierCodes: ReadonlySet<string>;
  /** The sheet row being built, and the first row of each unit key seen so far (sales: serial, order line). */
  row?: number;
  seen?: Map<string, number>;
}

export interface BuiltRow {
  input: Record<string, unknown>;
  /** The row's own code and the brand it is unique within (null: unique everywhere). */
  code: string | undefined;
  brandId: string | null;
  /** Parent outlet created by an earlier row of this file: its id is only known while writing. */
  deferredParent?: string;
}

/** The field naming what a record belongs to, which an upsert cannot change (see ExistingRecord). */
export const PARENT_FIELD: Partial<Record<ImportKind, string>> = {
  technicians: 'outletId',
  service_centers: 'regionId',
};

/** Zod issue path → the column it came from. */
export const FIELD_COLUMN: Record<ImportKind, Record<string, string>> = {
  outlets: { brands: 'brandCodes', parentOutletId: 'parentCode' },
  technicians: { outletId: 'outletCode' },
  regions: { brandId: 'brandCode' },
  service_centers: { regionId: 'regionCode' },
  models: { brandId: 'brandCode' },
  parts: { brandId: 'brandCode', priceFen: 'price', modelIds: 'modelCodes' },
  sales: { brandId: 'brandCode', installingOutletId: 'outletCode' },
};

const DIVISION = /^\d{6}(\d{3})?$/;

function checkDivision(r: RowReader, ctx: BuildContext, key: string, code: string | undefined): void {
  if (code && DIVISION.test(code) && !ctx.resolver.division(code))
    r.fail(key, 'IMPORT_UNKNOWN_DIVISION', { value: code });
}

function checkDivisions(r: RowReader, ctx: BuildContext, key: string, codes: string[]): void {
  for (const code of codes) checkDivision(r, ctx, key, code);
}

function brandOf(r: RowReader, ctx: BuildContext, key: string, code: string): string {
  const id = ctx.resolver.brand(code);
  if (id) return id;
  r.fail(key, 'IMPORT_UNKNOWN_BRAND', { value: code });
  return PLACEHOLDER_ID;
}

function skillsFor(r: RowReader, ctx: BuildContext, key: string, brandIds: readonly string[]) {
  const out: { categoryCode: string; serviceType: string }[] = [];
  const seen = new Set<string>();
  for (const p of r.pairs(key)) {
    const categoryCode = brandIds.length ? ctx.resolver.category(brandIds, p.category) : p.category;
    if (!categoryCode) {
      r.fail(key, 'IMPORT_UNKNOWN_CATEGORY', { value: p.category });
      continue;
    }
    const k = `${categoryCode}:${p.serviceType}`;
    if (!seen.has(k)) out.push({ categoryCode, serviceType: p.serviceType });
    seen.add(k);
  }
  return out;
}

function buildOutlet(r: RowReader, ctx: BuildContext): BuiltRow {
  const { resolver } = ctx;
  const regionCode = r.text('regionCode');
  const centerCode = r.text('centerCode');
  const listed = r.list('brandCodes').map((code) => ({ code, brandId: brandOf(r, ctx, 'brandCodes', code) }));
  const known = listed.map((b) => b.brandId).filter((id) => id !== PLACEHOLDER_ID);
  const brands = listed.map(({ code: brand, brandId }) => {
    if (brandId === PLACEHOLDER_ID) return { brandId };
    let regionId: string | null = null;
    let centerId: string | null = null;
    if (regionCode) {
      regionId = resolver.region(brandId, regionCode);
      if (!regionId) r.fail('regionCode', 'IMPORT_UNKNOWN_REGION', { value: regionCode, brand });
    }
    if (centerCode) {
      const center = resolver.center(brandId, centerCode);
      if (!center || (regionId && center.regionId !== regionId)) {
        r.fail('centerCode', 'IMPORT_UNKNOWN_CENTER', {
          value: centerCode,
          brand: regionId ? `${brand} / ${regionCode}` : brand,
        });
      } else {
        centerId = center.id;
        regionId ??= center.regionId;
      }
    }
    return { brandId, regionId, centerId };
  });

  const authorizations: { brandId: string; categoryCode: string; serviceType: string }[] = [];
  const pairs = r.pairs('authorizations');
  for (const brandId of known) {
    for (const p of pairs) {
      const categoryCode = resolver.category([brandId], p.category);
      if (!categoryCode) {
        r.fail('authorizations', 'IMPORT_UNKNOWN_CATEGORY', { value: p.category });
        continue;
      }
      if (
        !authorizations.some(
          (a) => a.brandId === brandId && a.categoryCode === categoryCode && a.serviceType === p.serviceType,
        )
      ) {
        authorizations.push({ brandId, categoryCode, serviceType: p.serviceType });
      }
    }
  }

  let parentOutletId: string | undefined;
  let deferredParent: string | undefined;
  const parentCode = r.text('parentCode');
  if (parentCode) {
    const parent = resolver.outlet(parentCode);
    if (parent) parentOutletId = parent.id;
    else if (ctx.earlierCodes.has(parentCode)) {
      parentOutletId = PLACEHOLDER_ID;
      deferredParent = parentCode;
    } else r.fail('parentCode', 'IMPORT_UNKNOWN_OUTLET', { value: parentCode });
  }

  const divisionCode = r.text('divisionCode');
  checkDivision(r, ctx, 'divisionCode', divisionCode);
  const coverage = r.list('coverage');
  checkDivisions(r, ctx, 'coverage', coverage);
  const code = r.text('code');
  return {
    input: {
      code,
      name: r.text('name'),
      tier: r.option('tier', TIER_OPTIONS, OPTION_LABELS.tier),
      status: r.option('status', OUTLET_STATUS_OPTIONS, OPTION_LABELS.status),
      capacityPerDay: r.number('capacityPerDay'),
      divisionCode,
      address: r.text('address'),
      lat: r.number('lat'),
      lng: r.number('lng'),
      phone: r.text('phone'),
      dealerHotline: r.text('dealerHotline'),
      contactName: r.text('contactName'),
      parentOutletId,
      brands,
      coverage,
      authorizations,
    },
    code,
    brandId: null,
    ...(deferredParent ? { deferredParent } : {}),
  };
}

function buildTechnician(r: RowReader, ctx: BuildContext): BuiltRow {
  const outletCode = r.text('outletCode');
  let outletId: string | undefined;
  let brandIds: readonly string[] = [];
  if (outletCode) {
    const outlet = ctx.resolver.outlet(outletCode);
    if (outlet) {
      outletId = outlet.id;
      brandIds = outlet.brandIds;
    } else {
      outletId = PLACEHOLDER_ID;
      r.fail('outletCode', 'IMPORT_UNKNOWN_OUTLET', { value: outletCode });
    }
  }
  const code = r.text('code');
  const skills = skillsFor(r, ctx, 'skills', outletId === PLACEHOLDER_ID ? [] : brandIds);
  return {
    input: {
      outletId,
      code,
      name: r.text('name'),
      phone: r.text('phone'),
      level: r.option('level', LEVEL_OPTIONS, OPTION_LABELS.level),
      licenceNo: r.text('licenceNo'),
      licenceValidUntil: r.date('licenceValidUntil'),
      // Categories of an unresolved outlet cannot be checked; the outlet error is reported instead.
      skills: outletId === PLACEHOLDER_ID ? [] : skills,
    },
    code,
    brandId: null,
  };
}

function buildRegion(r: RowReader, ctx: BuildContext): BuiltRow {
  const brandCode = r.text('brandCode');
  const brandId = brandCode ? brandOf(r, ctx, 'brandCode', brandCode) : undefined;
  const provinceCodes = r.list('provinceCodes');
  checkDivisions(r, ctx, 'provinceCodes', provinceCodes);
  const code = r.text('code');
  return {
    input: {
      brandId,
      code,
      name: r.text('name'),
      provinceCodes,
      managerName: r.text('managerName'),
      phone: r.text('phone'),
    },
    code,
    brandId: brandId ?? null,
  };
}

function buildServiceCenter(r: RowReader, ctx: BuildContext): BuiltRow {
  const brandCode = r.text('brandCode');
  // The create input has no brand (the region implies it), so zod cannot notice a blank brand column.
  if (!brandCode && !r.hasFailed('brandCode')) r.fail('brandCode', 'IMPORT_REQUIRED');
  const brandId = brandCode ? brandOf(r, ctx, 'brandCode', brandCode) : undefined;
  const regionCode = r.text('regionCode');
  let regionId: string | undefined;
  if (regionCode && brandId) {
    regionId = brandId === PLACEHOLDER_ID ? PLACEHOLDER_ID : (ctx.resolver.region(brandId, regionCode) ?? undefined);
    if (!regionId) {
      regionId = PLACEHOLDER_ID;
      r.fail('regionCode', 'IMPORT_UNKNOWN_REGION', { value: regionCode, brand: brandCode ?? '' });
    }
  } else if (regionCode) regionId = PLACEHOLDER_ID; // no brand: the brand column reports it
  const divisionCode = r.text('divisionCode');
  checkDivision(r, ctx, 'divisionCode', divisionCode);
  const code = r.text('code');
  return {
    input: { regionId, code, name: r.text('name'), divisionCode, address: r.text('address'), phone: r.text('phone') },
    code,
    brandId: brandId ?? null,
  };
}

/** The brand column and the category (code or name) of that brand, shared by models and parts. */
function brandAndCategory(r: RowReader, ctx: BuildContext) {
  const brandCode = r.text('brandCode');
  const brandId = brandCode ? brandOf(r, ctx, 'brandCode', brandCode) : undefined;
  const token = r.text('categoryCode');
  let categoryCode: string | undefined;
  if (token && brandId && brandId !== PLACEHOLDER_ID) {
    categoryCode = ctx.resolver.category([brandId], token) ?? undefined;
    if (!categoryCode) r.fail('categoryCode', 'IMPORT_UNKNOWN_CATEGORY', { value: token });
  }
  // Without a known brand the category cannot be checked; the brand column reports the row.
  const unchecked = token && (!brandId || brandId === PLACEHOLDER_ID) ? 'unchecked' : undefined;
  return { brandCode, brandId, categoryCode: categoryCode ?? unchecked };
}

function buildModel(r: RowReader, ctx: BuildContext): BuiltRow {
  const { brandId, categoryCode } = brandAndCategory(r, ctx);
  const code = r.text('code');
  return {
    input: {
      brandId,
      categoryCode,
      code,
      name: r.text('name'),
      nameEn: r.text('nameEn'),
      specs: r.specs('specs'),
      launchedOn: r.date('launchedOn'),
      status: r.option('status', ACTIVE_STATUS_OPTIONS, OPTION_LABELS.activeStatus),
    },
    code,
    brandId: brandId ?? null,
  };
}

function buildPart(r: RowReader, ctx: BuildContext): BuiltRow {
  const { brandCode, brandId, categoryCode } = brandAndCategory(r, ctx);
  const modelIds: string[] = [];
  if (brandId && brandId !== PLACEHOLDER_ID) {
    for (const modelCode of r.list('modelCodes')) {
      const id = ctx.resolver.model(brandId, modelCode);
      if (id) modelIds.push(id);
      else r.fail('modelCodes', 'IMPORT_UNKNOWN_MODEL', { value: modelCode, brand: brandCode ?? '' });
    }
  }
  const code = r.text('code');
  return {
    input: {
      brandId,
      categoryCode,
      code,
      name: r.text('name'),
      isMainPart: r.yesNo('isMainPart'),
      priceFen: r.fen('price'),
      warrantyTermMonths: r.number('warrantyTermMonths'),
      modelIds,
      status: r.option('status', ACTIVE_STATUS_OPTIONS, OPTION_LABELS.activeStatus),
    },
    code,
    brandId: brandId ?? null,
  };
}

export const BUILDERS: Record<ImportKind, (r: RowReader, ctx: BuildContext) => BuiltRow> = {
  outlets: buildOutlet,
  technicians: buildTechnician,
  regions: buildRegion,
  service_centers: buildServiceCenter,
  models: buildModel,
  parts: buildPart,
  sales: buildSale,
};
