import type { Customer, CustomerCreate, CustomerUpdate } from '../../api/customers.ts';

type Phone = Customer['phones'][number];
type Address = Customer['addresses'][number];

export function primaryPhone(c: Pick<Customer, 'phones'>): Phone | undefined {
  return c.phones.find((p) => p.isPrimary) ?? c.phones[0];
}

export function primaryAddress(c: Pick<Customer, 'addresses'>): Address | undefined {
  return c.addresses.find((a) => a.isPrimary) ?? c.addresses[0];
}

/** The customer form: lists of phones and addresses, one of each marked primary by its index. */
export interface CustomerFormValues {
  brandId?: string;
  name: string;
  gender?: 'male' | 'female' | null;
  tags?: CustomerCreate['tags'];
  language?: string | null;
  birthday?: string | null;
  serviceMessages?: boolean;
  marketing?: boolean;
  notes?: string | null;
  phones?: { number?: string }[];
  addresses?: { divisionCode?: string; detail?: string; urbanRuralOverride?: 'urban' | 'rural' | null }[];
  primaryPhone?: number;
  primaryAddress?: number;
}

/** Numbers come masked (138****8000) to those without the phone-PII capability. */
export const phonesMasked = (c: Pick<Customer, 'phones'>) => c.phones.some((p) => p.number.includes('*'));

/**
 * Masked phones are not loaded back into the edit form (a masked number cannot be sent back): such a
 * user changes phones only by entering the whole list again.
 */
export function formValuesOf(c: Customer): CustomerFormValues {
  const primary = c.addresses.findIndex((a) => a.isPrimary);
  const masked = phonesMasked(c);
  const primaryPhoneAt = c.phones.findIndex((p) => p.isPrimary);
  return {
    brandId: c.brandId,
    name: c.name,
    gender: c.gender,
    tags: c.tags as CustomerCreate['tags'],
    language: c.language,
    birthday: c.birthday,
    serviceMessages: c.consents.serviceMessages,
    marketing: c.consents.marketing,
    notes: c.notes,
    phones: masked ? [] : c.phones.map((p) => ({ number: p.number })),
    addresses: c.addresses.map((a) => ({
      divisionCode: a.divisionCode,
      detail: a.detail,
      urbanRuralOverride: a.urbanRuralOverride,
    })),
    primaryPhone: masked || primaryPhoneAt < 0 ? 0 : primaryPhoneAt,
    primaryAddress: primary < 0 ? 0 : primary,
  };
}

const blank = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null);

/** The POST body (create) from the form values. */
export function bodyOf(v: CustomerFormValues): CustomerCreate {
  const phones = (v.phones ?? []).filter((p) => p.number && p.number.trim() !== '');
  const addresses = v.addresses ?? [];
  return {
    brandId: v.brandId ?? '',
    name: v.name,
    gender: v.gender ?? null,
    tags: v.tags ?? [],
    language: blank(v.language),
    birthday: v.birthday ?? null,
    consents: { serviceMessages: v.serviceMessages ?? true, marketing: v.marketing ?? false },
    notes: blank(v.notes),
    phones: phones.map((p, i) => ({ number: p.number!.trim(), isPrimary: i === (v.primaryPhone ?? 0) })),
    addresses: addresses.map((a, i) => ({
      divisionCode: a.divisionCode ?? '',
      detail: a.detail ?? '',
      urbanRuralOverride: a.urbanRuralOverride ?? null,
      isPrimary: i === (v.primaryAddress ?? 0),
    })),
  };
}

/**
 * The PATCH body: everything but the brand. The phone list replaces the stored one, so when the stored
 * numbers were masked (not in the form) it is sent only if the user entered some.
 */
export function updateBodyOf(v: CustomerFormValues, opts: { phonesMasked: boolean }): CustomerUpdate {
  const { brandId: _brand, phones = [], ...rest } = bodyOf(v);
  return opts.phonesMasked && phones.length === 0 ? rest : { ...rest, phones };
}
