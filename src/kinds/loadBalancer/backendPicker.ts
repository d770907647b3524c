// How a load balancer picks a backend for a request: the backends, the check of their weights,
// and the policies round robin, nginx's smooth weighted round robin and least connections (IP hash
// and power of two choices are in their own files). Each pick is a plain call, never an actor send
// (DESIGN §4); a policy keeps only the little state its algorithm needs, so runs are deterministic.
import type { Ipv4Address } from '../../net/wire/ipv4Address.ts';

/** A backend as a policy sees it at the moment of a pick. */
export interface Backend {
  readonly id: string;
  /** An integer >= 1; 1 when left out. Round robin ignores it; the other policies use it. */
  readonly weight?: number;
  /** Whether the health checks say it may get requests; an unhealthy one is never picked. */
  readonly healthy: boolean;
  /** Its open connections. The caller counts them: a pick does not add the new one. */
  readonly active: number;
}

/** What a policy may look at in a request. */
export interface PickRequest {
  /** The client's address (IP hash keys on it). */
  readonly client: Ipv4Address;
}

/** A load-balancing policy: `pick` returns the chosen backend's id, or null if none is healthy. */
export interface BackendPicker {
  pick(backends: readonly Backend[], request: PickRequest): string | null;
}

/** A backend's weight: its own, or 1. */
export function weightOf(backend: Backend): number {
  return backend.weight ?? 1;
}

/**
 * What is wrong with a list of backends, one message each naming the backend: a weight that is
 * not an integer of at least 1, a negative or fractional count of connections, a repeated id.
 */
export function backendProblems(backends: readonly Backend[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const backend of backends) {
    const weight = weightOf(backend);
    if (!Number.isInteger(weight) || weight < 1)
      problems.push(
        `backend "${backend.id}" has weight ${weight}; a weight must be a whole number, 1 or more`,
      );
    if (!Number.isInteger(backend.active) || backend.active < 0)
      problems.push(
        `backend "${backend.id}" has ${backend.active} active connections; expected a whole number, 0 or more`,
      );
    if (seen.has(backend.id)) problems.push(`backend "${backend.id}" is listed twice`);
    seen.add(backend.id);
  }
  return problems;
}

/** Throws the first problem of `backendProblems`: every policy refuses a bad list. */
export function assertBackends(backends: readonly Backend[]): void {
  const problems = backendProblems(backends);
  if (problems.length > 0) throw new RangeError(problems[0]);
}

/**
 * Plain round robin: the backends in list order, one after another, weights ignored. An
 * unhealthy backend is skipped and the turn keeps its place: after a, with b down, comes c, and
 * once b is back the next lap visits it again.
 */
export class RoundRobinPicker implements BackendPicker {
  /** The list position the next search starts at. */
  private next = 0;

  pick(backends: readonly Backend[]): string | null {
    assertBackends(backends);
    const n = backends.length;
    for (let step = 0; step < n; step++) {
      const index = (this.next + step) % n;
      const backend = backends[index] as Backend;
      if (!backend.healthy) continue;
      this.next = (index + 1) % n;
      return backend.id;
    }
    return null;
  }
}

/**
 * Smooth weighted round robin as nginx's ngx_http_upstream_get_peer does it. Every healthy
 * backend's current weight grows by its weight; the largest current weight wins (ties to the
 * first in the list) and gives back the total of the weights added. Weights 5, 1, 1 give
 * a a b a c a a, and the current weights are all 0 again after those 7 picks.
 *
 * nginx also lowers a failing backend's effective weight and lets it grow back by one per pick;
 * here the effective weight is the weight (failures act through `healthy`). An unhealthy backend
 * keeps its current weight untouched until it is healthy again, as in nginx.
 */
export class SmoothWeightedPicker implements BackendPicker {
  private readonly current = new Map<string, number>();

  pick(backends: readonly Backend[]): string | null {
    assertBackends(backends);
    return smoothWeightedPick(backends, this.current);
  }

  /** Each backend's current weight (0 if it has never taken part): what a learner is shown. */
  currentWeight(id: string): number {
    return this.current.get(id) ?? 0;
  }
}

/** One step of smooth weighted round robin over the healthy `backends`, updating `current`. */
function smoothWeightedPick(
  backends: readonly Backend[],
  current: Map<string, number>,
): string | null {
  let best: Backend | null = null;
  let bestWeight = 0;
  let total = 0;
  for (const backend of backends) {
    if (!backend.healthy) continue;
    const weight = (current.get(backend.id) ?? 0) + weightOf(backend);
    current.set(backend.id, weight);
    total += weightOf(backend);
    if (best === null || weight > bestWeight) {
      best = backend;
      bestWeight = weight;
    }
  }
  if (best === null) return null;
  current.set(best.id, bestWeight - total);
  return best.id;
}

/**
 * Least connections as nginx's least_conn: the healthy backend with the fewest active
 * connections per unit of weight (active / weight, compared as active_a × weight_b <
 * active_b × weight_a so no fraction is rounded). When several tie, smooth weighted round robin
 * among just those decides, so equal backends with no load take turns.
 */
export class LeastConnectionsPicker implements BackendPicker {
  private readonly current = new Map<string, number>();

  pick(backends: readonly Backend[]): string | null {
    assertBackends(backends);
    let best: Backend | null = null;
    for (const backend of backends) {
      if (!backend.healthy) continue;
      if (best === null || lessLoaded(backend, best)) best = backend;
    }
    if (best === null) return null;
    const least = best;
    const tied = backends.filter(
      (b) => b.healthy && b.active * weightOf(least) === least.active * weightOf(b),
    );
    if (tied.length === 1) return least.id;
    return smoothWeightedPick(tied, this.current);
  }
}

/** Whether `a` has fewer active connections per unit of weight than `b`. */
export function lessLoaded(a: Backend, b: Backend): boolean {
  return a.active * weightOf(b) < b.active * weightOf(a);
}
