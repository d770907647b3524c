// Power of two random choices (Mitzenmacher): draw two distinct healthy backends at random and
// send the request to the less loaded one, as nginx's `random two least_conn`. The random numbers
// come from a function the caller gives (a seeded stream: `() => sim.random.stream(name).float()`),
// so a pick is pure given its draws and a run is deterministic.
import {
  assertBackends,
  lessLoaded,
  weightOf,
  type Backend,
  type BackendPicker,
} from './backendPicker.ts';

/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/** The two backends drawn for a pick and the one chosen. */
export interface TwoChoices {
  readonly first: string;
  readonly second: string;
  readonly chosen: string;
}

/**
 * Draws one backend from `pool` with probability proportional to its weight: r × total weight,
 * rounded down, walked through the weights in list order.
 */
function draw(pool: readonly Backend[], random: RandomSource): Backend {
  const r = random();
  if (!(r >= 0 && r < 1)) throw new RangeError(`a random number must be in [0, 1), got ${r}`);
  const total = pool.reduce((sum, b) => sum + weightOf(b), 0);
  let x = Math.floor(r * total);
  for (const backend of pool) {
    if (x < weightOf(backend)) return backend;
    x -= weightOf(backend);
  }
  throw new Error('unreachable: x is below the total weight');
}

/**
 * The two draws and the choice, or null if no backend is healthy. The first is drawn from the
 * healthy backends, the second from the healthy ones left, so they differ (nginx draws again on a
 * repeat; drawing from the rest takes exactly two numbers per pick). The one with fewer active
 * connections per unit of weight wins; on a tie the second, as in nginx. With a single healthy
 * backend there is nothing to choose and no number is drawn.
 */
export function drawTwo(backends: readonly Backend[], random: RandomSource): TwoChoices | null {
  const healthy = backends.filter((b) => b.healthy);
  const only = healthy[0];
  if (only === undefined) return null;
  if (healthy.length === 1) return { first: only.id, second: only.id, chosen: only.id };
  const first = draw(healthy, random);
  const second = draw(
    healthy.filter((b) => b !== first),
    random,
  );
  const chosen = lessLoaded(first, second) ? first : second;
  return { first: first.id, second: second.id, chosen: chosen.id };
}

/** Power of two random choices over a seeded random source; `last` is the latest draw. */
export class TwoChoicesPicker implements BackendPicker {
  last: TwoChoices | null = null;

  constructor(private readonly random: RandomSource) {}

  pick(backends: readonly Backend[]): string | null {
    assertBackends(backends);
    this.last = drawTwo(backends, this.random);
    return this.last?.chosen ?? null;
  }
}
