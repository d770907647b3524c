// What the attacker and the servers decided in simulations/syn-flood.json, by hand from the
// scenario: the attacker (198.51.100.66) floods web (10.0.0.80, SYN queue of 16, no cookies) and
// web2 (10.0.1.80, the same with SYN cookies) with SYNs from forged 203.0.113.0/24 sources, ten a
// second each from 1 s, made on its IP layer without a socket (the synFlood actions 1 and 2).
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { fileRun, lines, steps } from '../../../tests/support/decisionRuns.ts';

const run = fileRun('syn-flood.json');

/** The packet of the first record of `type`. */
function firstOf(type: 'tcp.synQueueFull' | 'tcp.synCookie'): number {
  const found = run.records.find((r) => r.type === type) as TraceRecord<typeof type> | undefined;
  if (!found) throw new Error(`no ${type}`);
  return found.pkt;
}

describe('a SYN flood (syn-flood.json)', () => {
  it('the attacker makes each SYN itself, with a forged source', () => {
    const pkt = firstOf('tcp.synQueueFull');
    const made = steps(run, pkt, 'attacker');
    const forged = made[1]?.text ?? '';
    expect(lines(made).slice(0, 2)).toEqual([
      'application out go: Made by the program synFlood (action1) itself, without a socket.',
      `transport out go: ${forged}`,
    ]);
    expect(forged).toMatch(
      /^It carries 203\.0\.113\.\d+ as its source, an address that is not this node’s: forged, and no socket sent it\.$/,
    );
  });

  it('web, its SYN queue full, drops the SYN', () => {
    // 16 half-open connections (the node's tcp.synBacklog) wait for ACKs that never come.
    expect(lines(steps(run, firstOf('tcp.synQueueFull'), 'web')).slice(3)).toEqual([
      'network in go: Handed up to its TCP (IP protocol 6).',
      'transport in drop: Port 80 already has 16 half-open connections, the SYN queue’s limit: the SYN is dropped. [tcp LISTEN 0.0.0.0:80 0.0.0.0:*]',
    ]);
  });

  it('web2, its SYN queue full too, answers with a SYN cookie instead', () => {
    expect(lines(steps(run, firstOf('tcp.synCookie'), 'web2')).at(-1)).toBe(
      'transport in end: The SYN queue of port 80 is full: answered with a SYN cookie, keeping no state. [tcp LISTEN 0.0.0.0:80 0.0.0.0:*]',
    );
  });
});
