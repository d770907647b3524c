// Seeded random numbers: xoshiro128** generators, one named substream per component, derived
// from the scenario's seed and the stream's name (as ns-3 gives each model its own substream),
// so adding a node or drawing more numbers in one place never reshuffles another place's numbers.

/** xoshiro128** 1.0 by Blackman and Vigna: 128 bits of state, 32-bit outputs. */
export class RandomStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** Starts from an explicit 128-bit state (four 32-bit words, not all zero). */
  constructor(state: readonly [number, number, number, number]) {
    [this.s0, this.s1, this.s2, this.s3] = state.map((word) => word >>> 0) as [
      number,
      number,
      number,
      number,
    ];
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s3 = 1;
  }

  /** Next raw output: a uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  float(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  /** Uniform integer in [min, max] (inclusive), without modulo bias. */
  integer(min: number, max: number): number {
    const span = max - min + 1;
    if (!Number.isSafeInteger(span) || span <= 0)
      throw new RangeError(`bad range [${min}, ${max}]`);
    return min + Math.floor(this.float() * span);
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.float() < p;
  }

  /** Exponentially distributed with the given mean (inverse-transform sampling). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.float());
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** SplitMix32-style finaliser (Murmur3's fmix32): spreads every input bit over the output. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a over the UTF-16 code units of a name. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The random streams of one run. `stream(name)` always returns the same generator for a name,
 * and its sequence depends only on (seed, name).
 */
export class RandomStreams {
  private readonly streams = new Map<string, RandomStream>();

  constructor(readonly seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
    }
  }

  /** The substream for a component, e.g. `link:l1` or `node:client/app`. */
  stream(name: string): RandomStream {
    let stream = this.streams.get(name);
    if (!stream) {
      stream = new RandomStream(deriveState(this.seed, name));
      this.streams.set(name, stream);
    }
    return stream;
  }
}

/** Derives a 128-bit state from (seed, name) by feeding a counter through the mixer. */
export function deriveState(seed: number, name: string): [number, number, number, number] {
  const seedLow = seed >>> 0;
  const seedHigh = Math.floor(seed / 4294967296) >>> 0;
  let x = mix32(mix32(seedLow ^ 0x9e3779b9) ^ seedHigh) ^ hashName(name);
  const next = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    return mix32(x);
  };
  return [next(), next(), next(), next()];
}
