import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneFragment } from './phone.ts';

describe('phone normalizer', () => {
  it.each([
    ['13812341234', '13812341234', 'mobile'],
    ['138 1234 1234', '13812341234', 'mobile'],
    ['138-1234-1234', '13812341234', 'mobile'],
    ['+86 138-1234-1234', '13812341234', 'mobile'],
    ['+8613812341234', '13812341234', 'mobile'],
    ['0086 138 1234 1234', '13812341234', 'mobile'],
    ['8613812341234', '13812341234', 'mobile'],
    ['013812341234', '13812341234', 'mobile'],
    ['１３８１２３４１２３４', '13812341234', 'mobile'],
    ['＋８６ １３８－１２３４－１２３４', '13812341234', 'mobile'],
    ['010-8765 4321', '01087654321', 'landline'],
    ['(010)87654321', '01087654321', 'landline'],
    ['(0571)87654321', '057187654321', 'landline'],
    ['（0571）8765432', '05718765432', 'landline'],
    ['0571-87654321转123', '057187654321', 'landline'],
    ['010-87654321 ext. 8', '01087654321', 'landline'],
    ['010 87654321#12', '01087654321', 'landline'],
    ['+86 10 8765 4321', '01087654321', 'landline'],
    ['+86 571 8765 4321', '057187654321', 'landline'],
    ['0086-21-6123-4567', '02161234567', 'landline'],
  ])('%s → %s (%s)', (input, normalized, kind) => {
    expect(normalizePhone(input)).toEqual({ normalized, kind });
  });

  it.each([
    '',
    '12345',
    '87654321', // local number without area code
    '4008001234', // service number
    '12812341234', // no such mobile prefix
    '1381234123', // one digit short
    '138123412345', // one digit long
    '+1 415 555 0100',
    '010-0765 4321', // subscriber numbers do not start with 0
    '138abc41234',
    '0000000000',
  ])('rejects %s', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it('gives every formatting variant of one number the same normalized form', () => {
    const digit = fc.constantFrom(...'0123456789');
    const mobile = fc
      .tuple(fc.constantFrom(...'3456789'), fc.array(digit, { minLength: 9, maxLength: 9 }))
      .map(([second, rest]) => ({ canonical: `1${second}${rest.join('')}`, area: '', local: '' }));
    const landline = fc
      .tuple(
        fc.oneof(
          fc.constantFrom('10', '20', '21', '25', '29'),
          fc.tuple(fc.constantFrom(...'3456789'), digit, digit).map((a) => a.join('')),
        ),
        fc.constantFrom(...'23456789'),
        fc.array(digit, { minLength: 6, maxLength: 7 }),
      )
      .filter(([area, , rest]) => area.length === 3 || rest.length === 7)
      .map(([area, first, rest]) => {
        const local = `${first}${rest.join('')}`;
        return { canonical: `0${area}${local}`, area, local };
      });
    const fullWidth = (s: string, mask: boolean[]) =>
      [...s]
        .map((c, i) => (mask[i % mask.length] && /\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
        .join('');
    const spaced = (s: string, seps: string[]) =>
      [...s].map((c, i) => (i > 0 ? (seps[i % seps.length] ?? '') : '') + c).join('');
    const variant = fc.record({
      prefix: fc.constantFrom('', '+86', '+86 ', '0086', '0086-', '86'),
      seps: fc.array(fc.constantFrom('', '', '', ' ', '-'), { minLength: 1, maxLength: 11 }),
      mask: fc.array(fc.boolean(), { minLength: 1, maxLength: 11 }),
      parens: fc.boolean(),
      extension: fc.constantFrom('', '转123', ' ext 45', '#9'),
    });

    fc.assert(
      fc.property(fc.oneof(mobile, landline), variant, (n, v) => {
        let body: string;
        if (!n.area) body = spaced(n.canonical, v.seps);
        else if (v.prefix) body = `${n.area} ${spaced(n.local, v.seps)}`;
        else body = `${v.parens ? `(0${n.area})` : `0${n.area}-`}${spaced(n.local, v.seps)}`;
        const typed = fullWidth(`${v.prefix}${body}${n.area ? v.extension : ''}`, v.mask);
        expect(normalizePhone(typed)?.normalized).toBe(n.canonical);
      }),
    );
  });
});

describe('phone fragment', () => {
  it('keeps the digits of a partial number and normalizes a whole one', () => {
    expect(phoneFragment('1234')).toBe('1234');
    expect(phoneFragment('138 1234')).toBe('1381234');
    expect(phoneFragment('+86 138-1234-1234')).toBe('13812341234');
    expect(phoneFragment('123')).toBeNull();
    expect(phoneFragment('王伟')).toBeNull();
  });
});
