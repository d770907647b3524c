// The command line's limits on the machine's resources (--max-wall, --max-memory): a check asked
// between slices of a run or a schedule, reading real time and the process's resident memory,
// which the simulation core may not read itself, and the message when one stopped the command.

import { performance } from 'node:perf_hooks';
import { formatDuration, NS_PER_MS, type Nanos } from '../engine/time.ts';
import type { ShouldStop } from '../sim/index.ts';
import type { ResourceLimits } from './args.ts';

const BYTES_PER_MB = 1024 * 1024;

/** A check between slices, and what it last measured (for the message). */
export interface LimitCheck {
  shouldStop: ShouldStop;
  /** Resident memory at the last check that read it, in MB. */
  rssMb: number;
}

/**
 * The check of `limits` for a command that began at `startedMs` (performance.now()), or undefined
 * when there are none: the run then goes in one slice, as it always did.
 */
export function limitCheck(limits: ResourceLimits, startedMs: number): LimitCheck | undefined {
  const { maxWallNs, maxMemoryMb } = limits;
  if (maxWallNs === undefined && maxMemoryMb === undefined) return undefined;
  const maxWallMs = maxWallNs === undefined ? Infinity : maxWallNs / NS_PER_MS;
  const check: LimitCheck = {
    rssMb: 0,
    shouldStop: () => {
      if (performance.now() - startedMs >= maxWallMs) return 'wallLimit';
      if (maxMemoryMb === undefined) return null;
      check.rssMb = process.memoryUsage.rss() / BYTES_PER_MB;
      return check.rssMb >= maxMemoryMb ? 'memoryLimit' : null;
    },
  };
  return check;
}

/** "its limit of real time (30 s, --max-wall)" for the limit that stopped a command, or undefined. */
export function limitReached(
  reason: string,
  limits: ResourceLimits,
  check: LimitCheck | undefined,
): { what: string; flag: string } | undefined {
  if (reason === 'wallLimit' && limits.maxWallNs !== undefined) {
    return {
      what: `its limit of real time (${formatDuration(limits.maxWallNs)})`,
      flag: '--max-wall',
    };
  }
  if (reason === 'memoryLimit' && limits.maxMemoryMb !== undefined) {
    const used = Math.round(check?.rssMb ?? 0);
    return {
      what: `its memory limit (${used} MB resident, over ${limits.maxMemoryMb} MB)`,
      flag: '--max-memory',
    };
  }
  return undefined;
}

/** The message of a run stopped at a resource limit, `events` events and `at` ns in. */
export function resourceLimitMessage(
  limit: { what: string; flag: string },
  events: number,
  at: Nanos,
): string {
  return `handshake: the run reached ${limit.what} at ${formatDuration(at)} of simulated time, after ${events.toLocaleString('en-US')} events, and stopped there; the summary and files written are up to then; raise the limit with ${limit.flag}`;
}
