// Nodes that crash and restart as timed events of a scenario (issue 17): a crashed server sends
// nothing (no FIN, no RST), loses its connections, sockets, CPU jobs and programs; a client that
// sends to it afterwards hears nothing, or, once it has restarted, a RST (RFC 9293 3.10.7.1: a
// segment for no connection is answered with a reset); a restarted server listens and answers.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TraceRecord } from '../engine/trace.ts';
import { NS_PER_S } from '../engine/time.ts';
import { loadKinds } from './kinds/kindBehaviours.ts';
import { runScenario } from './runScenario.ts';
import { formatSummaryLines } from './summary/summaryText.ts';
import { validateScenario } from './scenario/validateScenario.ts';
import type { Scenario } from './scenario/scenarioSchema.ts';
import { carriesIp } from '../net/link/linkRecords.ts';

const S = NS_PER_S;

/** Client c fetches a page from web server s every second (persistent), over a 10 ms link. */
interface Extra {
  client?: object;
  server?: object;
  /** Settings of the client node (its TCP). */
  clientNode?: object;
  until?: string;
}

function document(events: object[], extra: Extra = {}) {
  return {
    format: 'handshake/scenario@1',
    name: 'crash',
    until: extra.until ?? '9s',
    nodes: [
      {
        id: 'c',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
        ...extra.clientNode,
        apps: [
          {
            type: 'httpClient',
            server: 's',
            persistent: true,
            workload: { kind: 'closed', users: 1, thinkTime: '1s' },
            ...extra.client,
          },
        ],
      },
      {
        id: 's',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
        apps: [{ type: 'httpServer', ...extra.server }],
      },
    ],
    links: [{ id: 'l', a: 'c', b: 's', latency: '10ms', bandwidth: '10Mbps' }],
    events,
  };
}

function scenario(events: object[], extra: Extra = {}): Scenario {
  const result = validateScenario(document(events, extra));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

function run(events: object[], extra: Extra = {}) {
  return runScenario(scenario(events, extra)).simulation.sim.trace.records;
}

const CRASH = { at: '2500ms', type: 'nodeCrash', node: 's' };
const RESTART = { at: '5s', type: 'nodeRestart', node: 's' };

const between = (records: readonly TraceRecord[], from: number, to: number) =>
  records.filter((r) => r.t >= from && r.t < to);
const of = (node: string) => (r: TraceRecord) => 'node' in r && r.node === node;

beforeAll(async () => {
  await loadKinds(scenario([CRASH]));
});

describe('a server that crashes', () => {
  const records = run([CRASH, RESTART]);
  const down = between(records, 2.5 * S, 5 * S);

  it('loses its connection and listener at once, recorded, with nothing sent', () => {
    const atCrash = records.filter((r) => r.t === 2.5 * S);
    expect(atCrash.map((r) => r.type)).toEqual([
      'node.crash',
      'socket.state',
      'socket.state',
      'socket.release',
    ]);
    expect(atCrash[1]).toMatchObject({
      node: 's',
      conn: expect.stringMatching(/^10\.0\.0\.2:80>10\.0\.0\.1:\d+$/) as unknown,
      state: 'CLOSED',
    });
    expect(atCrash[2]).toMatchObject({ node: 's', conn: '*:80', state: 'CLOSED' });
    // No FIN or RST: the server puts nothing on the wire while it is down.
    expect(down.filter((r) => r.type === 'link.txBegin' && r.node === 's')).toEqual([]);
  });

  it('drops every packet that reaches it, and its programs do nothing while down', () => {
    const drops = down.filter((r) => r.type === 'ip.drop');
    expect(drops.length).toBeGreaterThan(0);
    expect(
      drops.every((r) => r.type === 'ip.drop' && r.node === 's' && r.reason === 'nodeDown'),
    ).toBe(true);
    const arrived = down.filter((r) => r.type === 'link.rx' && r.node === 's');
    expect(drops.length).toBe(arrived.length);
    const work = down.filter(
      (r) => of('s')(r) && (r.type.startsWith('server.') || r.type.startsWith('app.')),
    );
    expect(work).toEqual([]);
  });

  it('after its restart listens again and answers the old connection with a RST', () => {
    const after = between(records, 5 * S, 9 * S);
    expect(
      after
        .filter(of('s'))
        .slice(0, 4)
        .map((r) => r.type),
    ).toEqual(['node.restart', 'socket.bind', 'socket.state', 'app.state']);
    const refused = after.find((r) => r.type === 'tcp.refused');
    expect(refused).toMatchObject({ node: 's', port: 80 });
    // The client's retransmission of its request hits no connection: the RST goes back.
    const reset = after.find(
      (r) =>
        r.type === 'link.txBegin' &&
        carriesIp(r) &&
        r.node === 's' &&
        r.packet.transport.kind === 'tcp',
    );
    expect(
      reset?.type === 'link.txBegin' && carriesIp(reset) && reset.packet.transport,
    ).toMatchObject({
      flags: { rst: true },
    });
    expect(after.find((r) => r.type === 'socket.error' && r.node === 'c')).toMatchObject({
      error: 'ECONNRESET',
    });
  });

  it('serves again after the restart (fresh: its requests count from 1)', () => {
    const after = between(records, 5 * S, 9 * S);
    const replies = after.filter((r) => r.type === 'server.reply');
    expect(replies.length).toBeGreaterThan(0);
    expect(replies[0]).toMatchObject({ req: 1, status: 200 });
    const responses = after.filter((r) => r.type === 'http.response' && r.node === 'c');
    expect(responses.length).toBeGreaterThan(0);
    expect(responses.every((r) => r.type === 'http.response' && r.status === 200)).toBe(true);
  });

  it('left down, answers nothing: the client gives up with ETIMEDOUT', () => {
    // The request of 3.3 s goes unanswered: three retransmissions (RTO 1, 2, 4 s, then 8 s more)
    // and the client gives up.
    const records = run([CRASH], {
      clientNode: { tcp: { retries: 3 } },
      until: '20s',
    });
    expect(records.filter((r) => r.type === 'tcp.refused')).toEqual([]);
    expect(
      records.filter((r) => r.type === 'link.txBegin' && r.node === 's' && r.t > 2.5 * S),
    ).toEqual([]);
    const failed = records.find((r) => r.type === 'socket.error' && r.node === 'c');
    expect(failed).toMatchObject({ op: 'connection', error: 'ETIMEDOUT' });
  });

  it('loses the CPU job it was running, and runs a fresh CPU after it restarts', () => {
    // The page's request at 0.87 s costs 400 ms of CPU: the crash at 1.2 s cuts it off. Its
    // client waits for a response that never comes (its request was acknowledged: nothing to
    // send again); a fetch at 4 s opens a new connection to the restarted server.
    const records = run(
      [
        { ...CRASH, at: '1200ms' },
        { ...RESTART, at: '3s' },
        { at: '4s', type: 'fetch', node: 'c', server: 's', path: '/index.html' },
      ],
      { server: { service: { cpu: '400ms' } } },
    );
    const cpu = records.filter((r) => r.type.startsWith('cpu.'));
    const before = cpu.filter((r) => r.t <= 1.2 * S);
    const started = before.filter((r) => r.type === 'cpu.dispatch').length;
    const done = before.filter((r) => r.type === 'cpu.complete').length;
    expect(started).toBe(done + 1); // one job on the core when it crashed
    expect(between(cpu, 1.2 * S, 4 * S)).toEqual([]);
    const fresh = between(cpu, 4 * S, 9 * S);
    expect(fresh.find((r) => r.type === 'cpu.arrive')).toMatchObject({ job: 'web/t1#1' });
    expect(fresh.some((r) => r.type === 'cpu.complete')).toBe(true);
    expect(records.find((r) => r.type === 'http.response' && r.app === 'action3')).toMatchObject({
      status: 200,
    });
  });
});

describe('a client that crashes', () => {
  it('stops its programs for good, and answers its server’s later FIN with a RST', () => {
    const records = run([
      { at: '2500ms', type: 'nodeCrash', node: 'c' },
      { at: '3s', type: 'nodeRestart', node: 'c' },
    ]);
    const after = records.filter((r) => r.t > 2.5 * S);
    expect(after.filter((r) => r.type === 'http.request')).toEqual([]);
    // The server closes the idle connection (its 5 s keep-alive): the restarted client has no
    // such connection and resets it.
    expect(after.find((r) => r.type === 'tcp.refused')).toMatchObject({ node: 'c' });
  });

  it('does an action only if it is running at the action’s moment', () => {
    const fetch = (at: string) => ({ at, type: 'fetch', node: 'c', server: 's', path: '/a' });
    const records = run(
      [
        { at: '1s', type: 'nodeCrash', node: 'c' },
        fetch('2s'),
        { at: '3s', type: 'nodeRestart', node: 'c' },
        fetch('4s'),
      ],
      { client: { workload: { kind: 'open', rate: 0.000001, visits: 1 } } },
    );
    const requests = records.filter((r) => r.type === 'http.request' && r.app.startsWith('action'));
    expect(requests.map((r) => [r.t >= 4 * S, r.type === 'http.request' && r.app])).toEqual([
      [true, 'action4'],
    ]);
  });
});

describe('the run summary of a crash', () => {
  it('counts crashes, restarts, the time down and the packets dropped meanwhile', () => {
    const ran = runScenario(scenario([CRASH, RESTART]));
    const dropped = ran.simulation.sim.trace.records.filter(
      (r) => r.type === 'ip.drop' && r.reason === 'nodeDown',
    ).length;
    expect(dropped).toBeGreaterThan(0);
    expect(ran.summary.nodeFailures).toEqual([
      { node: 's', crashes: 1, restarts: 1, downNs: 2.5 * S, droppedWhileDown: dropped },
    ]);
    expect(formatSummaryLines(ran.summary)).toContain(
      `node       s: crashed 1 time, restarted 1 time, down 2.5 s, ${dropped} packets dropped meanwhile`,
    );
    expect(runScenario(scenario([])).summary.nodeFailures).toBeUndefined();
  });

  it('does not count a job cut off by the crash as busy afterwards', () => {
    // The job of 0.87 s would run 400 ms; the crash at 1.2 s ends it after 0.33 s: the CPU was
    // busy 0.4 + 0.4 + 0.33 s of the run's 9 s (two earlier jobs of 400 ms each).
    const ran = runScenario(
      scenario([{ ...CRASH, at: '1200ms' }], { server: { service: { cpu: '400ms' } } }),
    );
    const cpu = ran.summary.cpus.find((c) => c.node === 's');
    const ledgerBusy = ran.simulation.sim.trace.records
      .filter((r) => r.type === 'cpu.dispatch' && r.node === 's')
      .map((r) => r.t);
    expect(ledgerBusy.length).toBe(3);
    const busyNs = 0.4 * S * 2 + (1.2 * S - ledgerBusy[2]!);
    expect(cpu?.utilization).toBe(Number((busyNs / (9 * S)).toFixed(4)));
  });
});
