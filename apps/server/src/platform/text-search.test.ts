import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchQuery, searchTokens } from './text-search.ts';

describe('Chinese search tokens', () => {
  it('indexes unigrams and bigrams of Chinese text and whole latin words', () => {
    const tokens = searchTokens('朝阳区 AUX-001').split(' ');
    expect(tokens).toEqual(expect.arrayContaining(['朝', '阳', '区', '朝阳', '阳区', 'aux', '001']));
  });

  it('turns a two-character term into one bigram and longer terms into ANDed bigrams', () => {
    expect(searchQuery('漏水')).toBe("'漏水'");
    expect(searchQuery('王')).toBe("'王'");
    expect(searchQuery('空调漏水')).toBe("'空调' & '调漏' & '漏水'");
    expect(searchQuery('aux 朝阳')).toBe("'aux':* & '朝阳'");
    expect(searchQuery(' - ')).toBeNull();
  });

  it('quotes user input so it cannot break the tsquery', () => {
    expect(searchQuery("o'brien")).toBe("'o':* & 'brien':*");
  });

  it('finds every Chinese substring of two or more characters of the indexed text', () => {
    const hanzi = fc.constantFrom(...'王李张刘陈杨黄赵朝阳海淀浦东空调漏水不制冷');
    fc.assert(
      fc.property(fc.array(hanzi, { minLength: 2, maxLength: 12 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const text = chars.join('');
        const start = a % (chars.length - 1);
        const end = start + 2 + (b % (chars.length - start - 1));
        const term = chars.slice(start, end).join('');
        const indexed = new Set(searchTokens(text).split(' '));
        const needed = searchQuery(term)!
          .split(' & ')
          .map((q) => q.slice(1, -1));
        for (const token of needed) expect(indexed.has(token)).toBe(true);
      }),
    );
  });
});
