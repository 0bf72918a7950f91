/**
 * Chinese search. pg_trgm only indexes 3+ character terms, and two-character terms (漏水, 朝阳, 王伟)
 * are the common case, so text is indexed as CJK unigrams + bigrams and latin/digit words in a
 * `simple` tsvector with a GIN index.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

function* runs(text: string): Generator<{ cjk: boolean; value: string }> {
  for (const chunk of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    let current = '';
    let cjk = false;
    for (const ch of chunk) {
      const isCjk = CJK.test(ch);
      if (current && isCjk !== cjk) {
        yield { cjk, value: current };
        current = '';
      }
      cjk = isCjk;
      current += ch;
    }
    if (current) yield { cjk, value: current };
  }
}

/** The text to store with to_tsvector('simple', …). */
export function searchTokens(...texts: (string | null | undefined)[]): string {
  const tokens = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const run of runs(text)) {
      if (!run.cjk) {
        tokens.add(run.value);
        continue;
      }
      const chars = [...run.value];
      chars.forEach((c, i) => {
        tokens.add(c);
        if (i + 1 < chars.length) tokens.add(c + chars[i + 1]);
      });
    }
  }
  return [...tokens].join(' ');
}

/**
 * The tsquery (for to_tsquery('simple', …)) for what a user typed: CJK terms as ANDed bigrams (one
 * character as its unigram), latin/digit words as prefixes. Null when nothing searchable remains.
 */
export function searchQuery(input: string): string | null {
  const parts: string[] = [];
  for (const run of runs(input)) {
    if (!run.cjk) {
      parts.push(`${quote(run.value)}:*`);
      continue;
    }
    const chars = [...run.value];
    if (chars.length === 1) parts.push(quote(chars[0]!));
    for (let i = 0; i + 1 < chars.length; i++) parts.push(quote(chars[i]! + chars[i + 1]!));
  }
  return parts.length ? parts.join(' & ') : null;
}

function quote(token: string): string {
  return `'${token.replaceAll("'", "''")}'`;
}
