import type { Product, ProductCreate } from '../../api/customers.ts';
import { blankToNull } from '../../components/form-values.ts';

export interface WarrantyRow {
  contractNo?: string;
  startsOn?: string | null;
  endsOn?: string | null;
}

/** The product form: the create fields (less the owner), the status, and the extended warranties as rows. */
export type ProductFormValues = Omit<ProductCreate, 'customerId' | 'extendedWarranties'> & {
  status?: Product['status'];
  warranties?: WarrantyRow[];
};

export function formValuesOf(p: Product | null): Partial<ProductFormValues> {
  if (!p) return { hasInvoice: false, warranties: [] };
  const {
    extendedWarranties,
    entitlements: _e,
    id: _i,
    brandId: _b,
    customerId: _c,
    productionDateSource,
    productionDateRule: _r,
    ...rest
  } = p;
  return {
    ...rest,
    // A date read from the serial is not the user's: left empty, the server reads it again.
    productionDate: productionDateSource === 'serial' ? null : rest.productionDate,
    warranties: extendedWarranties.map((w) => ({ contractNo: w.contractNo, startsOn: w.startsOn, endsOn: w.endsOn })),
  };
}

/**
 * The request body's fields. The form edits a contract's number and dates only; its terms (`covers`)
 * are kept from the stored contract of the same number.
 */
export function bodyOf(values: ProductFormValues, stored: Product | null) {
  const {
    warranties,
    createdAt: _c,
    updatedAt: _u,
    ...fields
  } = values as ProductFormValues & {
    createdAt?: string;
    updatedAt?: string;
  };
  const coversOf = new Map((stored?.extendedWarranties ?? []).map((w) => [w.contractNo, w.covers]));
  const extendedWarranties = (warranties ?? []).map((w) => {
    const contractNo = (w.contractNo ?? '').trim();
    return {
      contractNo,
      startsOn: w.startsOn ?? '',
      endsOn: w.endsOn ?? '',
      covers: (coversOf.get(contractNo) ?? {}) as Record<string, unknown>,
    };
  });
  return { ...blankToNull(fields), extendedWarranties };
}
