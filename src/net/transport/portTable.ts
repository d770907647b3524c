// The ports of one protocol on one node: explicit binds, and ephemeral ports for clients drawn
// from 49152-65535 (RFC 6335's dynamic range) starting at a seeded random place, as Linux does.

import type { RandomStream } from '../../engine/random.ts';

export const EPHEMERAL_FIRST = 49152;
export const EPHEMERAL_LAST = 65535;
const EPHEMERAL_COUNT = EPHEMERAL_LAST - EPHEMERAL_FIRST + 1;

/** Which ports are taken. A port is either free or held by exactly one owner. */
export class PortTable<Owner> {
  private readonly owners = new Map<number, Owner>();
  private nextEphemeral: number;
  /** Ports of the ephemeral range taken (by either kind of bind): none is free at 16,384. */
  private ephemeralTaken = 0;

  constructor(random: RandomStream) {
    this.nextEphemeral = random.integer(0, EPHEMERAL_COUNT - 1);
  }

  /** The owner of a port, if taken. */
  get(port: number): Owner | undefined {
    return this.owners.get(port);
  }

  /** Takes `port` for `owner`; false if it is taken (EADDRINUSE). */
  bind(port: number, owner: Owner): boolean {
    if (this.owners.has(port)) return false;
    this.owners.set(port, owner);
    if (isEphemeral(port)) this.ephemeralTaken++;
    return true;
  }

  /** Takes the next free ephemeral port; undefined when all 16,384 are taken (EADDRNOTAVAIL). */
  bindEphemeral(owner: Owner): number | undefined {
    // Known at once when all are taken: a search would try all 16,384 on every connect (a client
    // opening connections faster than TIME-WAIT frees ports spent most of its time here).
    if (this.ephemeralTaken === EPHEMERAL_COUNT) return undefined;
    for (let tried = 0; tried < EPHEMERAL_COUNT; tried++) {
      const port = EPHEMERAL_FIRST + ((this.nextEphemeral + tried) % EPHEMERAL_COUNT);
      if (!this.owners.has(port)) {
        this.nextEphemeral = (this.nextEphemeral + tried + 1) % EPHEMERAL_COUNT;
        this.owners.set(port, owner);
        this.ephemeralTaken++;
        return port;
      }
    }
    return undefined;
  }

  /** Frees `port` if `owner` holds it. */
  release(port: number, owner: Owner): void {
    if (this.owners.get(port) !== owner) return;
    this.owners.delete(port);
    if (isEphemeral(port)) this.ephemeralTaken--;
  }

  /** Frees every port at once (the node crashed); the ephemeral ports go on where they were. */
  clear(): void {
    this.owners.clear();
    this.ephemeralTaken = 0;
  }

  /** Ports in use, ascending. */
  ports(): number[] {
    return [...this.owners.keys()].sort((a, b) => a - b);
  }
}

function isEphemeral(port: number): boolean {
  return port >= EPHEMERAL_FIRST && port <= EPHEMERAL_LAST;
}

/** True for a whole number from 1 to 65535. */
export function isValidPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}
