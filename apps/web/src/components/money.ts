/**
 * Money is integer fen (分) on the API and yuan (元) on screen. Conversions go through the decimal
 * text, never through floating-point multiplication (0.29 * 100 is 28.999999999999996).
 */

/** 1234 → "12.34" (no symbol, no grouping): the text a yuan input shows. */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 1234 → "¥12.34", 123456789 → "¥1,234,567.89". */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const [whole = '0', cents = '00'] = fenToYuan(Math.abs(fen)).split('.');
  return `${fen < 0 ? '-' : ''}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/**
 * Yuan as typed ("12.34", "12.3", "12", "¥1,234.5", " 0.29 ") → exact fen; null when it is not an
 * amount with at most two decimals.
 */
export function yuanToFen(yuan: string | number | null | undefined): number | null {
  if (yuan === null || yuan === undefined) return null;
  const text = String(yuan).trim().replace(/^¥/, '').replaceAll(',', '').trim();
  const m = /^(-?)(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return m[1] ? -fen : fen;
}
