/**
 * Mainland China phone numbers as people type them, reduced to one national form so the same number
 * always matches: mobiles as their 11 digits (13812341234), landlines as area code with its leading 0
 * plus the subscriber number (01087654321, 057187654321). Accepts +86 / 0086 / 86 prefixes, spaces,
 * dashes, dots, parentheses and full-width characters; an extension (转, 分机, ext, x, #) is dropped.
 * Anything else (local numbers without area code, service numbers, foreign numbers) is null.
 */
export type PhoneKind = 'mobile' | 'landline';

export interface NormalizedPhone {
  normalized: string;
  kind: PhoneKind;
}

const MOBILE = /^1[3-9]\d{9}$/;
// Area codes 010 and 020–029 have three digits and 8-digit subscriber numbers; the rest (0xxx) four
// digits and 7- or 8-digit numbers. Subscriber numbers never start with 0 or 1.
const LANDLINE = /^(?:0(?:10|2\d)[2-9]\d{7}|0[3-9]\d{2}[2-9]\d{6,7})$/;
const EXTENSION = /(?:转|分机|ext\.?|x|#|,|;).*$/i;

function classify(national: string): NormalizedPhone | null {
  if (MOBILE.test(national)) return { normalized: national, kind: 'mobile' };
  if (LANDLINE.test(national)) return { normalized: national, kind: 'landline' };
  return null;
}

export function normalizePhone(input: string): NormalizedPhone | null {
  // NFKC turns full-width digits, plus signs and parentheses into their ASCII forms.
  const text = input.normalize('NFKC').trim().replace(EXTENSION, '');
  const compact = text.replace(/[\s\-.()/\u2010-\u2015\u2212]/g, '');
  if (!/^\+?\d+$/.test(compact)) return null;

  let digits = compact;
  let international = false;
  if (digits.startsWith('+')) {
    if (!digits.startsWith('+86')) return null;
    digits = digits.slice(3);
    international = true;
  } else if (digits.startsWith('0086')) {
    digits = digits.slice(4);
    international = true;
  }
  if (international) {
    // After the country code the trunk 0 of a landline is usually left out: +86 10 8765 4321.
    return classify(digits) ?? (digits.startsWith('0') ? null : classify(`0${digits}`));
  }
  const direct = classify(digits);
  if (direct) return direct;
  // 86 without a plus: 8613812341234, 861087654321.
  if (digits.startsWith('86')) {
    const rest = digits.slice(2);
    const found = classify(rest) ?? (rest.startsWith('0') ? null : classify(`0${rest}`));
    if (found) return found;
  }
  // A trunk 0 dialled before a mobile number: 013812341234.
  if (digits.startsWith('0') && MOBILE.test(digits.slice(1))) return classify(digits.slice(1));
  return null;
}

/**
 * Digits of a partial number typed into a search box (4 or more), with a +86/0086 prefix removed;
 * null when the input is not a phone fragment.
 */
export function phoneFragment(input: string): string | null {
  const compact = input
    .normalize('NFKC')
    .trim()
    .replace(/[\s\-.()]/g, '');
  if (!/^\+?\d{4,}$/.test(compact)) return null;
  const full = normalizePhone(compact);
  if (full) return full.normalized;
  return compact.replace(/^(?:\+86|0086)/, '');
}
