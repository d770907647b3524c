import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/runScenario.ts';
import { validateScenario } from '../../sim/scenario/validateScenario.ts';

function rawScenario(client: object[], server: object[]) {
  return {
    format: 'handshake/scenario@1',
    name: 'tcp apps',
    nodes: [
      {
        id: 'c',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
        apps: client,
      },
      {
        id: 's',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
        apps: server,
      },
    ],
    links: [{ id: 'l', a: 'c', b: 's', latency: '5ms' }],
  };
}

function scenario(apps: { client: object[]; server: object[] }, extra: object = {}) {
  const result = validateScenario({
    format: 'handshake/scenario@1',
    name: 'tcp apps',
    until: '5m',
    nodes: [
      {
        id: 'c',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
        apps: apps.client,
      },
      {
        id: 's',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
        apps: apps.server,
      },
    ],
    links: [{ id: 'l', a: 'c', b: 's', latency: '5ms', bandwidth: '10Mbps' }],
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

describe('TCP applications in scenarios', () => {
  it('delivers every byte of a bulk transfer and finishes when the FIN is acknowledged', () => {
    const { summary, simulation } = runScenario(
      scenario({
        client: [{ type: 'bulkSend', peer: 's', bytes: '100kB' }],
        server: [{ type: 'sink' }],
      }),
    );
    expect(summary.apps.sink?.[0]).toMatchObject({ connections: 1, bytesReceived: 100_000 });
    expect(summary.apps.bulkSend?.[0]).toMatchObject({ written: 100_000, error: null });
    expect(summary.apps.bulkSend?.[0]?.finishedAtNs).not.toBeNull();
    // The SYN first waits for ARP: request and reply, 64-byte frames, 64*8/10e6 s = 51.2 µs on
    // the wire plus 5 ms each way: 10.1024 ms. The handshake then takes one round trip: SYN
    // (44 bytes with the MSS option) and SYN+ACK each a 64-byte frame, 51.2 µs plus 5 ms:
    // connected at 20.2048 ms.
    expect(summary.apps.bulkSend?.[0]?.connectedAtNs).toBe(20_204_800);
    const errors = simulation.sim.trace.ofType('socket.error');
    expect(errors).toEqual([]);
  });

  it('reports ECONNREFUSED when nobody listens', () => {
    const { summary, simulation } = runScenario(
      scenario({ client: [{ type: 'bulkSend', peer: 's', bytes: 1000 }], server: [] }),
    );
    expect(summary.apps.bulkSend?.[0]?.error).toBe('ECONNREFUSED');
    expect(simulation.sim.trace.ofType('tcp.refused')).toHaveLength(1);
    expect(simulation.sim.trace.ofType('app.error')[0]).toMatchObject({
      node: 'c',
      app: 'bulkSend',
      error: 'ECONNREFUSED',
    });
  });

  it('reports ETIMEDOUT when the peer is unreachable, after the SYN retries', () => {
    const doc = scenario(
      { client: [{ type: 'bulkSend', peer: 's', bytes: 1000 }], server: [{ type: 'sink' }] },
      { events: [{ at: '0s', type: 'linkDown', link: 'l' }] },
    );
    const { summary, simulation } = runScenario(doc);
    expect(summary.apps.bulkSend?.[0]?.error).toBe('ETIMEDOUT');
    // RFC 6298 backoff from 1 s, 6 retries: the SYN is sent at 0, 1, 3, 7, 15, 31 and 63 s. The
    // 7th timer would be 64 s but RTO is capped at 60 s (RFC 6298 2.5): given up at 63 + 60 =
    // 123 s. (Linux, whose cap is 120 s, gives up at 127 s.) No SYN reaches the link: each
    // waits for ARP, whose requests (1 s apart, three to a resolution) the down link drops. The
    // SYNs of 0, 1 and 3 s share the first resolution (requests at 0, 1, 2 s; it fails at 3 s
    // just after the third SYN joins), and the others start one each.
    const drops = simulation.sim.trace.ofType('queue.drop').map((r) => r.t / 1e9);
    expect(drops).toEqual([0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65]);
    const failures = simulation.sim.trace.ofType('arp.fail').map((r) => [r.t / 1e9, r.dropped]);
    expect(failures).toEqual([
      [3, 3],
      [10, 1],
      [18, 1],
      [34, 1],
      [66, 1],
    ]);
    const failed = simulation.sim.trace.ofType('socket.error').find((r) => r.error === 'ETIMEDOUT');
    expect(failed?.t).toBe(123e9);
  });

  it('refuses a second sink on the same port: in validation, and with EADDRINUSE at run time', () => {
    const twice = validateScenario({ ...rawScenario([], [{ type: 'sink' }, { type: 'sink' }]) });
    expect(twice.ok ? [] : twice.issues.map((i) => i.path)).toEqual(['$.nodes[1].apps[1].port']);
    // A program that builds a simulation without validating gets the socket error instead.
    const once = scenario({ client: [], server: [{ type: 'sink' }] });
    once.nodes[1]?.apps?.push({ type: 'sink' });
    const { simulation } = runScenario(once);
    expect(simulation.sim.trace.ofType('socket.error')[0]).toMatchObject({
      node: 's',
      op: 'listen',
      error: 'EADDRINUSE',
    });
    // A node's second sink is named sink2 in the trace.
    expect(simulation.sim.trace.ofType('app.error')[0]).toMatchObject({
      app: 'sink2',
      error: 'EADDRINUSE',
    });
  });
});
