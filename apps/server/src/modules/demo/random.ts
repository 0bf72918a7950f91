/**
 * A seeded PRNG (mulberry32) so the demo data set is the same on every run. Each part of the
 * generator forks its own stream by name, so a change in one part does not reshuffle the others.
 */

/** 32-bit FNV-1a: turns a label into a seed. */
export function hashSeed(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private state: number;
  readonly seed: number;
  constructor(seed: number | string) {
    this.seed = typeof seed === 'string' ? hashSeed(seed) : seed >>> 0;
    this.state = this.seed;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An independent stream derived from this one's seed and a label. */
  fork(label: string): Rng {
    return new Rng(hashSeed(`${this.seed}:${label}`));
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks with a bias to the front of the list (frequency-ordered lists such as surnames). */
  pickSkewed<T>(items: readonly T[], power = 2): T {
    return items[Math.floor(this.next() ** power * items.length)] as T;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, k));
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 10);
    return s;
  }
}

/**
 * Deterministic UUIDv7s: the clock's milliseconds, then a counter (so ids sort in creation order) and
 * random bits from the stream. Real rows created later carry later timestamps and sort after them.
 */
export function idSource(rng: Rng, at: Date): () => string {
  const ms = at.getTime().toString(16).padStart(12, '0').slice(-12);
  let counter = 0;
  return () => {
    counter++;
    const c = counter.toString(16).padStart(8, '0').slice(-8); // 32-bit counter
    const r = Array.from({ length: 10 }, () => Math.floor(rng.next() * 16).toString(16)).join('');
    // tttttttt-tttt-7ccc-8ccc-ccrrrrrrrrrr (t = milliseconds, c = counter, r = random); the variant
    // nibble is always 8 so it never breaks the counter's order.
    return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${c.slice(0, 3)}-8${c.slice(3, 6)}-${c.slice(6, 8)}${r.slice(0, 10)}`;
  };
}
