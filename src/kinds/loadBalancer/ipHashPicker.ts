// IP hash as nginx's ip_hash does it: a client's address picks its backend, the same one every
// time while that backend is healthy; when it is not, the hash is stirred again and the client
// goes to another, and returns once its own is healthy. Stateless: the pick depends only on the
// address and the backends.
import {
  assertBackends,
  weightOf,
  type Backend,
  type BackendPicker,
  type PickRequest,
} from './backendPicker.ts';

/** nginx's constants: the hash starts at 89 and each byte stirs it as (hash × 113 + byte) mod 6271. */
const START = 89;
const MULTIPLIER = 113;
const MODULUS = 6271;
/** How many times nginx rehashes before it gives up on the hash (it then round-robins). */
const MAX_TRIES = 20;

/**
 * How many leading octets of the IPv4 address are hashed. nginx hashes the first three, so every
 * client of one /24 network lands on the same backend (its documented behaviour: a network behind
 * one NAT or proxy pool stays together). Handshake does the same by default so that a learner's
 * answer, and a pick shown in a lesson, is what a real nginx would do; 4 hashes the whole address,
 * which spreads the clients of one small simulated LAN (not an nginx setting).
 */
export type IpHashOctets = 3 | 4;

/** The octets of an address that the hash reads, most significant first. */
function keyOctets(address: number, octets: IpHashOctets): number[] {
  const all = [address >>> 24, (address >>> 16) & 0xff, (address >>> 8) & 0xff, address & 0xff];
  return all.slice(0, octets);
}

/** Stirs the octets into the hash once, as one pass of nginx's loop. */
export function stirHash(hash: number, octets: readonly number[]): number {
  let h = hash;
  for (const octet of octets) h = (h * MULTIPLIER + octet) % MODULUS;
  return h;
}

/**
 * The backend a hash value lands on: hash mod the total weight of all backends (healthy or not,
 * so a backend going down moves only its own clients), then walked through the weights in order.
 */
function landing(backends: readonly Backend[], hash: number, totalWeight: number): Backend {
  let w = hash % totalWeight;
  for (const backend of backends) {
    if (w < weightOf(backend)) return backend;
    w -= weightOf(backend);
  }
  throw new Error('unreachable: w is below the total weight');
}

/** IP hash (nginx's ip_hash) over the first `octets` octets of the client's address. */
export class IpHashPicker implements BackendPicker {
  constructor(readonly octets: IpHashOctets = 3) {}

  pick(backends: readonly Backend[], request: PickRequest): string | null {
    assertBackends(backends);
    if (!backends.some((b) => b.healthy)) return null;
    const key = keyOctets(request.client, this.octets);
    const totalWeight = backends.reduce((sum, b) => sum + weightOf(b), 0);
    let hash = START;
    let last = 0;
    for (let attempt = 0; attempt <= MAX_TRIES; attempt++) {
      hash = stirHash(hash, key);
      const backend = landing(backends, hash, totalWeight);
      if (backend.healthy) return backend.id;
      last = backends.indexOf(backend);
    }
    // nginx falls back to round robin here; to stay stateless (and keep the client in one place)
    // this takes the first healthy backend after the last one the hash landed on.
    for (let step = 1; step <= backends.length; step++) {
      const backend = backends[(last + step) % backends.length] as Backend;
      if (backend.healthy) return backend.id;
    }
    return null;
  }
}
