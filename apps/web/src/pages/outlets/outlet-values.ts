import type { ServiceType } from '@aftercare/contracts';
import type { Outlet, OutletCreate } from '../../api/outlets.ts';
import { blankToNull } from '../../components/form-values.ts';

/** The outlet form: authorizations are edited as brand × category rows with several service types. */
export interface AuthorizationRow {
  brandId?: string;
  categoryCode?: string;
  serviceTypes?: ServiceType[];
}
export interface BrandLinkRow {
  brandId?: string;
  regionId?: string | null;
  centerId?: string | null;
}
export type OutletFormValues = Omit<OutletCreate, 'authorizations' | 'brands'> & {
  brands: BrandLinkRow[];
  authorizations: AuthorizationRow[];
};

export function groupAuthorizations(list: Outlet['authorizations']): AuthorizationRow[] {
  const rows = new Map<string, AuthorizationRow>();
  for (const a of list) {
    const key = `${a.brandId}/${a.categoryCode}`;
    const row = rows.get(key) ?? { brandId: a.brandId, categoryCode: a.categoryCode, serviceTypes: [] };
    row.serviceTypes!.push(a.serviceType);
    rows.set(key, row);
  }
  return [...rows.values()];
}

export function formValuesOf(o: Outlet): OutletFormValues {
  return {
    code: o.code,
    name: o.name,
    tier: o.tier,
    parentOutletId: o.parentOutletId,
    status: o.status,
    capacityPerDay: o.capacityPerDay,
    divisionCode: o.divisionCode,
    address: o.address,
    lat: o.lat,
    lng: o.lng,
    phone: o.phone,
    dealerHotline: o.dealerHotline,
    contactName: o.contactName,
    brands: o.brands,
    coverage: o.coverage,
    authorizations: groupAuthorizations(o.authorizations),
  };
}

/**
 * The request body, and for each flattened authorization the form row it came from (so a server
 * error on `authorizations.7.serviceType` lands on the right row).
 */
export function bodyOf(values: OutletFormValues): { body: OutletCreate; authRowOf: number[] } {
  const authRowOf: number[] = [];
  const authorizations: OutletCreate['authorizations'] = [];
  (values.authorizations ?? []).forEach((row, i) => {
    for (const serviceType of row.serviceTypes ?? []) {
      authorizations.push({ brandId: row.brandId ?? '', categoryCode: row.categoryCode ?? '', serviceType });
      authRowOf.push(i);
    }
  });
  const plain = blankToNull(values);
  return {
    body: {
      ...plain,
      brands: (values.brands ?? []).map((b) => ({
        brandId: b.brandId ?? '',
        regionId: b.regionId ?? null,
        centerId: b.centerId ?? null,
      })),
      coverage: values.coverage ?? [],
      authorizations,
    },
    authRowOf,
  };
}
