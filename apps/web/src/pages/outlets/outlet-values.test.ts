import { expect, test } from 'vitest';
import type { Outlet } from '../../api/outlets.ts';
import { bodyOf, formValuesOf, groupAuthorizations } from './outlet-values.ts';

const B1 = '0190aaaa-0000-7000-8000-000000000001';
const B2 = '0190aaaa-0000-7000-8000-000000000002';

const outlet: Outlet = {
  id: '0190aaaa-0000-7000-8000-0000000000ff',
  code: 'W1',
  name: '朝阳网点',
  tier: 'authorized',
  parentOutletId: null,
  status: 'active',
  capacityPerDay: 20,
  divisionCode: '110105',
  divisionName: '北京市 朝阳区',
  address: '建国路 88 号',
  lat: null,
  lng: null,
  phone: null,
  dealerHotline: null,
  contactName: null,
  brands: [{ brandId: B1, regionId: null, centerId: null }],
  coverage: ['110105', '110101'],
  authorizations: [
    { brandId: B1, categoryCode: 'air_conditioner', serviceType: 'repair' },
    { brandId: B2, categoryCode: 'washer', serviceType: 'installation' },
    { brandId: B1, categoryCode: 'air_conditioner', serviceType: 'installation' },
  ],
  technicianCount: 0,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

test('authorizations are edited as brand × category rows with several service types', () => {
  expect(groupAuthorizations(outlet.authorizations)).toEqual([
    { brandId: B1, categoryCode: 'air_conditioner', serviceTypes: ['repair', 'installation'] },
    { brandId: B2, categoryCode: 'washer', serviceTypes: ['installation'] },
  ]);
});

test('the request body flattens the rows again and remembers which row each entry came from', () => {
  const values = { ...formValuesOf(outlet), phone: '  ' };
  const { body, authRowOf } = bodyOf(values);
  expect(body.authorizations).toEqual([
    { brandId: B1, categoryCode: 'air_conditioner', serviceType: 'repair' },
    { brandId: B1, categoryCode: 'air_conditioner', serviceType: 'installation' },
    { brandId: B2, categoryCode: 'washer', serviceType: 'installation' },
  ]);
  expect(authRowOf).toEqual([0, 0, 1]);
  expect(body.phone).toBeNull();
  expect(body.coverage).toEqual(['110105', '110101']);
  expect(body.brands).toEqual([{ brandId: B1, regionId: null, centerId: null }]);
});
