import { describe, expect, test } from 'vitest';
import type { Customer } from '../../api/customers.ts';
import { bodyOf, formValuesOf, phonesMasked, primaryPhone, updateBodyOf } from './customer-values.ts';

const customer: Customer = {
  id: '00000000-0000-4000-8000-000000000001',
  brandId: '00000000-0000-4000-8000-0000000000b1',
  name: '王伟',
  gender: 'male',
  tags: ['vip'],
  language: '粤语',
  birthday: '1980-02-03',
  consents: { serviceMessages: true, marketing: false, at: null },
  notes: null,
  status: 'active',
  mergedInto: null,
  phones: [
    { id: 'p1', number: '13800138000', kind: 'mobile', isPrimary: false },
    { id: 'p2', number: '01088889999', kind: 'landline', isPrimary: true },
  ],
  addresses: [
    {
      id: 'a1',
      divisionCode: '110105',
      divisionName: '北京市 朝阳区',
      detail: '建国路 1 号',
      urbanRural: 'urban',
      urbanRuralOverride: null,
      isPrimary: true,
    },
  ],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('customer form values', () => {
  test('primary phone, else the first', () => {
    expect(primaryPhone(customer)?.id).toBe('p2');
    expect(primaryPhone({ phones: [customer.phones[0]!] })?.id).toBe('p1');
  });

  test('create body: blank phones dropped, primary by index, consents', () => {
    const body = bodyOf({
      brandId: 'b',
      name: '李娜',
      phones: [{ number: ' 138 0013 8000 ' }, { number: '' }, { number: '+86 139 0000 0000' }],
      primaryPhone: 2,
      addresses: [{ divisionCode: '110105', detail: '建国路 1 号' }],
      language: '  ',
    });
    expect(body.phones).toEqual([
      { number: '138 0013 8000', isPrimary: false },
      { number: '+86 139 0000 0000', isPrimary: false },
    ]);
    expect(body.addresses).toEqual([
      { divisionCode: '110105', detail: '建国路 1 号', urbanRuralOverride: null, isPrimary: true },
    ]);
    expect(body.language).toBeNull();
    expect(body.consents).toEqual({ serviceMessages: true, marketing: false });
  });

  test('full numbers come back into the edit form; masked ones do not and are kept', () => {
    const values = formValuesOf(customer);
    expect(values.phones).toEqual([{ number: '13800138000' }, { number: '01088889999' }]);
    expect(values.primaryPhone).toBe(1);
    expect(updateBodyOf(values, { phonesMasked: false })).toHaveProperty('phones');

    const masked = {
      ...customer,
      phones: customer.phones.map((p) => ({ ...p, number: '138****8000' })),
    };
    expect(phonesMasked(masked)).toBe(true);
    const maskedValues = formValuesOf(masked);
    expect(maskedValues.phones).toEqual([]);
    const patch = updateBodyOf(maskedValues, { phonesMasked: true });
    expect(patch).not.toHaveProperty('phones');
    expect(patch).not.toHaveProperty('brandId');
    expect(
      updateBodyOf({ ...maskedValues, phones: [{ number: '13900000000' }] }, { phonesMasked: true }).phones,
    ).toEqual([{ number: '13900000000', isPrimary: true }]);
  });
});
