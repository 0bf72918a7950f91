import { expect, test } from 'vitest';
import type { Product } from '../../api/customers.ts';
import { bodyOf, formValuesOf } from './product-values.ts';

const stored = {
  id: 'p',
  brandId: 'b',
  customerId: 'c',
  categoryCode: 'ac',
  modelCode: 'KFR-35GW',
  serial: 'SN12345',
  productionDate: null,
  productionDateSource: null,
  productionDateRule: null,
  purchaseDate: '2025-06-01',
  hasInvoice: true,
  invoicePhotoUrl: null,
  channel: '京东',
  store: null,
  deliveryDate: null,
  installationDate: '2025-06-03',
  installingOutletId: null,
  warrantyStartOverride: null,
  status: 'active',
  extendedWarranties: [{ contractNo: 'EW-1', startsOn: '2026-06-01', endsOn: '2028-05-31', covers: { parts: true } }],
  entitlements: [],
  createdAt: '',
  updatedAt: '',
} satisfies Product;

test('an edited product keeps its contract terms and sends no read-only fields', () => {
  const values = formValuesOf(stored);
  expect(values).not.toHaveProperty('entitlements');
  expect(values.warranties).toEqual([{ contractNo: 'EW-1', startsOn: '2026-06-01', endsOn: '2028-05-31' }]);
  const body = bodyOf(
    {
      ...(values as Parameters<typeof bodyOf>[0]),
      store: '  ',
      warranties: [...values.warranties!, { contractNo: ' EW-2 ', startsOn: '2028-06-01', endsOn: '2029-05-31' }],
    },
    stored,
  );
  expect(body.store).toBeNull();
  expect(body).not.toHaveProperty('createdAt');
  expect(body.extendedWarranties).toEqual([
    { contractNo: 'EW-1', startsOn: '2026-06-01', endsOn: '2028-05-31', covers: { parts: true } },
    { contractNo: 'EW-2', startsOn: '2028-06-01', endsOn: '2029-05-31', covers: {} },
  ]);
});

test('a new product starts without invoice or contracts', () => {
  expect(formValuesOf(null)).toEqual({ hasInvoice: false, warranties: [] });
});

test('a production date read from the serial is left empty in the form, so the server reads it again', () => {
  const decoded = {
    ...stored,
    productionDate: '2025-03-01',
    productionDateSource: 'serial',
    productionDateRule: 'aux-ax-yymm',
  } satisfies Product;
  const values = formValuesOf(decoded);
  expect(values.productionDate).toBeNull();
  expect(values).not.toHaveProperty('productionDateSource');
  expect(values).not.toHaveProperty('productionDateRule');
  expect(formValuesOf({ ...decoded, productionDateSource: 'given', productionDateRule: null }).productionDate).toBe(
    '2025-03-01',
  );
});
