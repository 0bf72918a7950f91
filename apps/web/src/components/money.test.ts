import { describe, expect, test } from 'vitest';
import { fenToYuan, formatFen, yuanToFen } from './money.ts';

describe('fen and yuan', () => {
  test('formats fen as yuan', () => {
    expect(formatFen(1234)).toBe('¥12.34');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(12850)).toBe('¥128.50');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(-250)).toBe('-¥2.50');
    expect(formatFen(null)).toBe('—');
  });

  test('yuan text for inputs', () => {
    expect(fenToYuan(1234)).toBe('12.34');
    expect(fenToYuan(100)).toBe('1.00');
    expect(fenToYuan(7)).toBe('0.07');
  });

  test('parses yuan exactly into fen', () => {
    expect(yuanToFen('12.34')).toBe(1234);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('1.1')).toBe(110);
    expect(yuanToFen('12')).toBe(1200);
    expect(yuanToFen('12.')).toBe(1200);
    expect(yuanToFen(' ¥1,234.56 ')).toBe(123456);
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen('1000000')).toBe(100_000_000);
  });

  test('refuses what is not an amount in fen', () => {
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen(null)).toBeNull();
    expect(yuanToFen('1e3')).toBeNull();
  });

  test('round trip for every cent amount up to ¥100', () => {
    for (let fen = 0; fen <= 10_000; fen++) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });
});
