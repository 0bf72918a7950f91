import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capabilitiesFor, type Principal, scopeFor } from './access/principal.ts';
import { redactPhones } from './logger.ts';
import { maskPhone, phoneFor } from './masking.ts';

const principal = (role: string): Principal => ({
  via: 'session',
  userId: 'u',
  username: 'u',
  displayName: 'u',
  role: role as Principal['role'],
  capabilities: capabilitiesFor(role),
  scope: scopeFor({ role, brand_ids: [], region_ids: [], outlet_id: null, technician_id: null, customer_id: null }),
  apiKeyId: null,
  locale: 'zh-CN',
});

describe('phone masking', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['+86 138-1234-1234', '138****1234'],
    ['008613812341234', '138****1234'],
    ['010-87654321', '010****4321'],
    ['0571-8765-4321', '0571****4321'],
  ])('masks %s as %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('never reveals the middle four digits of a mobile number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const m = maskPhone(phone);
        expect(m).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      }),
    );
  });

  it('shows full numbers only to roles that need them', () => {
    expect(phoneFor(principal('agent'), '13812341234')).toBe('13812341234');
    expect(phoneFor(principal('outlet_manager'), '13812341234')).toBe('13812341234');
    expect(phoneFor(principal('service_manager'), '13812341234')).toBe('138****1234');
    expect(phoneFor(principal('technician'), '13812341234')).toBe('138****1234');
    expect(phoneFor(null, '13812341234')).toBe('138****1234');
  });

  it('redacts mobile numbers in log lines', () => {
    expect(redactPhones('客户 13812341234 来电，备用 +86 139 0000 1111')).toBe(
      '客户 138****1234 来电，备用 139****1111',
    );
  });
});
