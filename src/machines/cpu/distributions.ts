// Service-time distributions for jobs and requests: constant, exponential or uniform durations in
// integer nanoseconds, drawn from a named random stream so runs stay deterministic.

import type { RandomStream } from '../../engine/random.ts';
import type { Nanos } from '../../engine/time.ts';

/** A distribution of durations (all figures in ns). */
export type Distribution =
  | { kind: 'constant'; value: Nanos }
  | { kind: 'exponential'; mean: Nanos }
  | { kind: 'uniform'; min: Nanos; max: Nanos };

/** Draws one duration, rounded to whole nanoseconds (never negative). Constant draws nothing. */
export function sample(dist: Distribution, stream: RandomStream): Nanos {
  switch (dist.kind) {
    case 'constant':
      return Math.max(0, Math.round(dist.value));
    case 'exponential':
      return Math.max(0, Math.round(stream.exponential(dist.mean)));
    case 'uniform':
      return Math.max(0, Math.round(stream.uniform(dist.min, dist.max)));
  }
}

/** The distribution's mean in ns (exact, before rounding). */
export function distributionMean(dist: Distribution): number {
  switch (dist.kind) {
    case 'constant':
      return dist.value;
    case 'exponential':
      return dist.mean;
    case 'uniform':
      return (dist.min + dist.max) / 2;
  }
}

/** The distribution's variance in ns² (exponential: mean²; uniform: (max-min)²/12). */
export function distributionVariance(dist: Distribution): number {
  switch (dist.kind) {
    case 'constant':
      return 0;
    case 'exponential':
      return dist.mean * dist.mean;
    case 'uniform':
      return ((dist.max - dist.min) * (dist.max - dist.min)) / 12;
  }
}

/** Checks a distribution's figures; returns the problem or null. */
export function checkDistribution(dist: Distribution): string | null {
  switch (dist.kind) {
    case 'constant':
      return dist.value >= 0 ? null : `constant value must be >= 0, got ${dist.value}`;
    case 'exponential':
      return dist.mean > 0 ? null : `exponential mean must be > 0, got ${dist.mean}`;
    case 'uniform':
      return dist.min >= 0 && dist.max >= dist.min
        ? null
        : `uniform needs 0 <= min <= max, got min ${dist.min}, max ${dist.max}`;
  }
}
