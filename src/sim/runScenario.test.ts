import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { traceToJsonLines } from '../engine/trace.ts';
import { runScenario } from './runScenario.ts';
import { validateScenario } from './scenario/validateScenario.ts';
import type { Scenario } from './scenario/scenarioSchema.ts';

/** Two nodes on one 8 Mbit/s link: a byte takes exactly 1 µs to transmit. */
function scenario(overrides: {
  latency?: string;
  loss?: number;
  serviceTime?: string;
  pinger?: object;
  until?: string;
}): Scenario {
  const result = validateScenario({
    format: 'handshake/scenario@1',
    name: 'test',
    until: overrides.until ?? '10s',
    nodes: [
      {
        id: 'c',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
        apps: [{ type: 'pinger', peer: 's', ...overrides.pinger }],
      },
      {
        id: 's',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
        apps: [{ type: 'echo', serviceTime: overrides.serviceTime ?? '0s' }],
      },
    ],
    links: [
      {
        id: 'l',
        a: 'c',
        b: 's',
        latency: overrides.latency ?? '10ms',
        bandwidth: '8Mbps',
        loss: overrides.loss ?? 0,
      },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

/**
 * A 56-byte request in UDP (8) and IPv4 (20) is 84 bytes, a 102-byte Ethernet frame (14 of
 * header, 4 of FCS): 102 µs at 8 Mbit/s. An ARP request or reply is a 64-byte frame: 64 µs.
 */
const TX = 102_000;
const ARP_TX = 64_000;

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

describe('runScenario', () => {
  it('times a round trip as two transmissions, two latencies and the service time', () => {
    // RTT = 2 * (102 µs + 20 ms) + 2 ms = 42.204 ms on a lossless link; the first request also
    // waits for ARP, 2 * (64 µs + 20 ms) = 40.128 ms: 82.332 ms.
    const { summary } = runScenario(
      scenario({ latency: '20ms', serviceTime: '2ms', pinger: { count: 3 } }),
    );
    expect(summary.apps.pinger?.[0]).toMatchObject({
      sent: 3,
      replies: 3,
      retries: 0,
      lost: 0,
      rttMinNs: 42_000_000 + 2 * TX,
      rttMaxNs: 42_000_000 + 2 * TX + 40_000_000 + 2 * ARP_TX,
    });
    expect(summary.apps.echo?.[0]?.served).toBe(3);
  });

  it('sends each request an interval after the previous reply', () => {
    // Request k leaves an interval after reply k-1; RTT = 2 * (10 ms + 102 µs) = 20.204 ms, and
    // the first reply comes an ARP exchange later, 2 * (10 ms + 64 µs) = 20.128 ms: at
    // 40.332 ms. So 0, 1.040332 s, 1.040332 + 0.020204 + 1 = 2.060536 s.
    const run = runScenario(scenario({ pinger: { count: 3, interval: '1s' } }));
    const sendTimes = run.simulation.sim.trace.ofType('app.request').map((r) => r.t);
    expect(sendTimes).toEqual([0, 1_040_332_000, 2_060_536_000]);
  });

  it('retries after the timeout, gives up after the last retry, and ignores late replies', () => {
    // Latency 300 ms > timeout 200 ms: send at 0, retry at 200 ms, give up at 400 ms. Neither
    // request has left by then: both wait for the ARP reply, back at 2 * (300 ms + 64 µs) =
    // 600.128 ms, and then go back to back (102 µs each): they reach the server at 900.23 and
    // 900.332 ms, and the replies the client 300.102 ms after that (the server learned the
    // client's MAC from its ARP request): at 1200.332 and 1200.434 ms, after the pinger moved on.
    const run = runScenario(
      scenario({ latency: '300ms', pinger: { count: 1, timeout: '200ms', retries: 1 } }),
    );
    const records = run.simulation.sim.trace.records.filter(
      (r) => r.type.startsWith('app.') && r.type !== 'app.state',
    );
    expect(records.map((r) => `${r.t / 1e6}ms ${r.type}`)).toEqual([
      '0ms app.request',
      '200ms app.timeout',
      '200ms app.request',
      '400ms app.timeout',
      '400ms app.giveUp',
      '900.23ms app.receive',
      '900.23ms app.serve',
      '900.332ms app.receive',
      '900.332ms app.serve',
      '1200.332ms app.lateReply',
      '1200.434ms app.lateReply',
    ]);
    expect(run.summary.apps.pinger?.[0]).toMatchObject({
      sent: 2,
      retries: 1,
      replies: 0,
      lost: 1,
      lateReplies: 2,
      rttMeanNs: null,
    });
  });

  it('does not time a reply that may answer an earlier attempt (Karn)', () => {
    // Latency 150 ms, timeout 400 ms: attempt 0 (sent at 0) waits for the ARP reply, back at
    // 2 * (150 ms + 64 µs) = 300.128 ms, and its reply arrives at 300.128 + 2 * (150 ms +
    // 102 µs) = 600.332 ms, after the retry at 400 ms and before that one times out (800 ms). It
    // is accepted but not timed: it cannot be told from a retry's. (With a 200 ms timeout, as
    // before ARP, the last retry would time out at 600 ms, just before this reply.)
    const run = runScenario(
      scenario({ latency: '150ms', pinger: { count: 1, timeout: '400ms', retries: 2 } }),
    );
    const reply = run.simulation.sim.trace.ofType('app.reply')[0];
    expect(reply).toMatchObject({
      t: 600_000_000 + 2 * ARP_TX + 2 * TX,
      seq: 1,
      attempt: 0,
      rtt: null,
    });
  });

  it('loses about the configured fraction of messages on a lossy link', () => {
    const { summary } = runScenario(
      scenario({
        latency: '1ms',
        loss: 0.25,
        until: '1h',
        pinger: { count: 4000, interval: '0s', timeout: '10ms', retries: 100 },
      }),
    );
    const [ab, ba] = summary.links[0]!.directions;
    const sent = ab.sent + ba.sent;
    const lost = ab.lost + ba.lost;
    // Binomial(n, 0.25): the standard deviation of the lost fraction is sqrt(0.25*0.75/n) < 0.006.
    expect(Math.abs(lost / sent - 0.25)).toBeLessThan(0.02);
    expect(sent).toBe(ab.delivered + ba.delivered + lost);
    expect(summary.apps.pinger?.[0]?.replies).toBe(4000);
  });

  it('gives a byte-identical trace for the same scenario and seed, another for another seed', () => {
    const doc = scenario({ loss: 0.3, pinger: { count: 20, interval: '100ms', timeout: '50ms' } });
    const first = hash(
      traceToJsonLines(runScenario(doc, { seed: 5 }).simulation.sim.trace.records),
    );
    const second = hash(
      traceToJsonLines(runScenario(doc, { seed: 5 }).simulation.sim.trace.records),
    );
    const other = hash(
      traceToJsonLines(runScenario(doc, { seed: 6 }).simulation.sim.trace.records),
    );
    expect(second).toBe(first);
    expect(other).not.toBe(first);
  });

  it('stops at the event limit and keeps what was recorded', () => {
    const run = runScenario(scenario({ pinger: { count: 1000, interval: '0s' } }), {
      maxEvents: 50,
    });
    expect(run.summary.reason).toBe('maxEvents');
    expect(run.summary.events).toBe(50);
    expect(run.simulation.sim.trace.records.at(-1)).toMatchObject({
      type: 'sim.end',
      reason: 'maxEvents',
    });
  });

  it("stops between slices at a caller's limit, keeping the trace up to then", () => {
    const doc = scenario({ loss: 0.1, pinger: { count: 1000, interval: '0s' } });
    const whole = runScenario(doc, { seed: 2 });
    const all = traceToJsonLines(whole.simulation.sim.trace.records);
    // Asked between slices, a caller that never stops changes nothing, byte for byte.
    let asked = 0;
    const free = runScenario(doc, { seed: 2, sliceEvents: 7, shouldStop: () => (asked++, null) });
    expect(traceToJsonLines(free.simulation.sim.trace.records)).toBe(all);
    expect(free.summary).toEqual(whole.summary);
    expect(asked).toBe(Math.floor(whole.summary.events / 7));
    // A limit named after the third slice ends the run there, saying which.
    for (const limit of ['wallLimit', 'memoryLimit'] as const) {
      let slices = 0;
      const run = runScenario(doc, {
        seed: 2,
        sliceEvents: 20,
        shouldStop: () => (++slices === 3 ? limit : null),
      });
      const records = run.simulation.sim.trace.records;
      expect(run.summary).toMatchObject({ reason: limit, events: 60 });
      expect(run.result).toMatchObject({ reason: limit, events: 60 });
      expect(records.at(-1)).toMatchObject({ type: 'sim.end', reason: limit, events: 60 });
      const kept = traceToJsonLines(records.slice(0, -1));
      expect(all.startsWith(kept)).toBe(true);
    }
  });
});
