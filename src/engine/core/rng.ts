/**
 * A seeded PRNG (xoshiro128**) whose whole state is four unsigned 32-bit integers kept inside the
 * engine state, so that checkpoints capture it and replays draw the same numbers in Node and in
 * every browser. Only integer and IEEE basic arithmetic is used (no platform logarithm, no ambient
 * randomness).
 */
export type RngState = [number, number, number, number];

const TWO_POW_32 = 4294967296;
const LN2 = 0.6931471805599453;

/** Derives a well-mixed initial state from any integer seed (splitmix32). */
export function seedRng(seed: number): RngState {
  let x = seed >>> 0;
  const next = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const s: RngState = [next(), next(), next(), next()];
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  return s;
}

/** Advances the state in place and returns the next unsigned 32-bit integer. */
export function nextU32(s: RngState): number {
  const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
  const t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Natural logarithm computed with + − × ÷ only, so that it is bit-identical across JS engines.
 * Valid for x > 0.
 */
export function detLn(x: number): number {
  let e = 0;
  let m = x;
  while (m >= 2) {
    m /= 2;
    e += 1;
  }
  while (m < 1) {
    m *= 2;
    e -= 1;
  }
  const z = (m - 1) / (m + 1);
  const z2 = z * z;
  let term = z;
  let sum = 0;
  for (let k = 1; k < 40; k += 2) {
    sum += term / k;
    term *= z2;
    if (term < 1e-18) break;
  }
  return e * LN2 + 2 * sum;
}

/** Convenience draws over an {@link RngState} owned by the simulation. */
export class Rng {
  /** @param state the live state array; it is mutated by every draw. */
  constructor(public state: RngState) {}

  /** An unsigned 32-bit integer. */
  u32(): number {
    return nextU32(this.state);
  }

  /** A float in [0, 1). */
  float(): number {
    return nextU32(this.state) / TWO_POW_32;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** An exponentially distributed integer with the given mean (at least 1). */
  exp(mean: number): number {
    const u = 1 - this.float(); // (0, 1]
    return Math.max(1, Math.round(-detLn(u) * mean));
  }

  /** Picks one element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('Rng.pick: empty array');
    return item;
  }
}
