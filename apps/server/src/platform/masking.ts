import type { Principal } from './access/principal.ts';

/** 13812341234 → 138****1234; landlines keep the area code and last four digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  const mobile = digits.match(/^(?:\+?86|0086)?(1\d{2})\d{4}(\d{4})$/);
  if (mobile) return `${mobile[1]}****${mobile[2]}`;
  if (digits.length <= 4) return '****';
  const tail = digits.slice(-4);
  // Area codes 010 and 020–029 have three digits, the rest four.
  const head = digits.startsWith('0') ? digits.slice(0, /^0[12]/.test(digits) ? 3 : 4) : digits.slice(0, 3);
  return `${head}****${tail}`;
}

/** Phone numbers are shown in full only to roles that need them (capability pii.phone). */
export function phoneFor(p: Principal | null, phone: string): string;
export function phoneFor(p: Principal | null, phone: string | null): string | null;
export function phoneFor(p: Principal | null, phone: string | null): string | null {
  if (phone === null) return null;
  return p?.capabilities.has('pii.phone') ? phone : maskPhone(phone);
}
