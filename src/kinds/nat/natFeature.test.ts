// NAT wired into a whole simulation (tests/support/natScenario.ts: a home network behind a NAT
// router, an ISP router that knows no private network): masquerade lets the laptop fetch a page
// while the server sees only the router's public address; a port forward lets an outside client
// reach the inside server; a packet nobody asked for never gets inside; mappings leave the table
// when their connection closes or their timeout passes; the figures come from the trace.
import { describe, expect, it } from 'vitest';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { runScenario } from '../../sim/runScenario.ts';
import { HOME, HOME_NAT, homeScenario } from '../../../tests/support/natScenario.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

function run(parts: Parameters<typeof homeScenario>[0] = {}) {
  const { simulation, summary } = runScenario(homeScenario(parts));
  const { sim } = simulation;
  const trace = sim.trace;
  /** Source and destination of every packet first sent on `link`, as `src>dst`. */
  const onLink = (link: string): string[] =>
    trace
      .ofType('link.txBegin')
      .filter(carriesIp)
      .filter((r) => r.link === link)
      .map((r) => `${formatIpv4(r.packet.ip.src)}>${formatIpv4(r.packet.ip.dst)}`);
  return { sim, trace, summary, onLink };
}

const addressOf = (end: string) => end.split(':')[0];

describe('masquerade', () => {
  it('lets the laptop load a page from outside; the server sees only the public address', () => {
    const { trace, summary, onLink } = run();
    // The page and the three objects it references.
    const responses = trace.ofType('http.response');
    expect(responses.map((r) => `${r.node} ${r.status}`)).toEqual(Array(4).fill('laptop 200'));
    // The web server accepted one connection, from the router's public address.
    const accepted = trace.ofType('server.accept').filter((r) => r.node === 'web');
    expect(accepted.map((r) => addressOf(r.conn))).toEqual([HOME.routerPublic]);
    // Outside, no packet carries a private address; inside, every one does.
    expect(new Set(onLink('l-dc'))).toEqual(
      new Set([`${HOME.routerPublic}>${HOME.web}`, `${HOME.web}>${HOME.routerPublic}`]),
    );
    expect(new Set(onLink('l-laptop'))).toEqual(
      new Set([`${HOME.laptop}>${HOME.web}`, `${HOME.web}>${HOME.laptop}`]),
    );
    // One mapping: the laptop's port kept (Linux keeps a free source port), to the web server.
    const [map] = trace.ofType('nat.map');
    const port = map?.inside.split(':')[1];
    expect(map).toMatchObject({
      node: 'router',
      entry: 1,
      kind: 'snat',
      protocol: 'tcp',
      inside: `${HOME.laptop}:${port}`,
      outside: `${HOME.routerPublic}:${port}`,
      remote: `${HOME.web}:80`,
    });
    expect(accepted[0]?.conn).toBe(`${HOME.routerPublic}:${port}`);
    // Every packet of the connection translated, each way; the entry gone when it closed.
    const translated = trace.ofType('nat.translate');
    const out = translated.filter((r) => r.way === 'out');
    const back = translated.filter((r) => r.way === 'in');
    expect(out[0]).toMatchObject({
      from: `${HOME.laptop}:${port}`,
      to: `${HOME.routerPublic}:${port}`,
    });
    expect(back[0]).toMatchObject({
      from: `${HOME.routerPublic}:${port}`,
      to: `${HOME.laptop}:${port}`,
    });
    expect(out.length).toBe(onLink('l-dc').filter((p) => p.startsWith(HOME.routerPublic)).length);
    expect(back.length).toBe(onLink('l-dc').filter((p) => p.startsWith(HOME.web)).length);
    expect(trace.ofType('nat.expire').map((r) => [r.entry, r.reason])).toEqual([[1, 'closed']]);
    expect(summary.nats).toEqual([
      {
        node: 'router',
        interfaces: 'wan',
        mappings: 1,
        translatedOut: out.length,
        translatedIn: back.length,
        unmatched: 0,
        dropped: 0,
      },
    ]);
  });

  it('is what makes the page load at all: without it the answers find no way home', () => {
    const { trace } = run({ nat: null });
    expect(trace.ofType('http.response')).toEqual([]);
    // The SYN reaches the server with its private source; the ISP cannot route the SYN+ACK back.
    expect(trace.ofType('server.accept')).toEqual([]);
    const noRoute = trace.ofType('ip.drop').filter((r) => r.reason === 'noRoute');
    expect(new Set(noRoute.map((r) => r.node))).toEqual(new Set(['isp']));
  });

  it('takes public ports from its range when given one (--to-ports), each flow its own', () => {
    // The laptop and the game server each send UDP to the same echo server.
    const pinger = { type: 'pinger', peer: 'web', count: 2, interval: '100ms' };
    const { trace } = run({
      nat: { masquerade: [{ out: 'wan', toPorts: '50000-50009' }] },
      laptopApps: [{ ...pinger }],
      gameApps: [{ ...pinger, start: '50ms' }],
      webApps: [{ type: 'echo' }],
    });
    const maps = trace.ofType('nat.map');
    expect(maps.map((r) => [r.protocol, addressOf(r.inside)])).toEqual([
      ['udp', HOME.laptop],
      ['udp', HOME.game],
    ]);
    expect(maps.map((r) => r.outside)).toEqual([
      `${HOME.routerPublic}:50000`,
      `${HOME.routerPublic}:50001`,
    ]);
    const echoed = trace
      .ofType('app.reply')
      .filter((r) => r.node === 'laptop' || r.node === 'game');
    expect(echoed.length).toBe(4);
  });
});

describe('port forwarding', () => {
  it('lets a friend outside reach the game server inside by the public address and port', () => {
    const { trace, summary, onLink } = run({
      laptopApps: [],
      friendApps: [{ type: 'httpClient', server: HOME.routerPublic, port: 8080 }],
    });
    // The page and the three objects it references.
    const responses = trace.ofType('http.response');
    expect(responses.map((r) => `${r.node} ${r.status}`)).toEqual(Array(4).fill('friend 200'));
    // The game server sees the friend's own address (DNAT keeps the source), on port 80.
    const accepted = trace.ofType('server.accept').filter((r) => r.node === 'game');
    expect(accepted.map((r) => addressOf(r.conn))).toEqual([HOME.friend]);
    const [map] = trace.ofType('nat.map');
    expect(map).toMatchObject({
      kind: 'dnat',
      protocol: 'tcp',
      inside: `${HOME.game}:80`,
      outside: `${HOME.routerPublic}:8080`,
      remote: accepted[0]?.conn,
    });
    // Outside the friend talks to the router; inside, the game server answers the friend.
    expect(new Set(onLink('l-net'))).toEqual(
      new Set([`${HOME.friend}>${HOME.routerPublic}`, `${HOME.routerPublic}>${HOME.friend}`]),
    );
    expect(new Set(onLink('l-game'))).toEqual(
      new Set([`${HOME.friend}>${HOME.game}`, `${HOME.game}>${HOME.friend}`]),
    );
    const figures = summary.nats?.[0];
    expect(figures?.mappings).toBe(1);
    expect(figures?.translatedIn).toBeGreaterThan(0);
    expect(figures?.translatedOut).toBeGreaterThan(0);
  });
});

describe('an unsolicited packet', () => {
  it('is not forwarded inside: the router answers it itself (a RST), counted as unmatched', () => {
    const { trace, summary, onLink } = run({
      laptopApps: [],
      friendApps: [{ type: 'httpClient', server: HOME.routerPublic, port: 9999 }],
    });
    expect(onLink('l-game')).toEqual([]);
    expect(onLink('l-laptop')).toEqual([]);
    expect(trace.ofType('tcp.refused').map((r) => [r.node, r.port])).toEqual([['router', 9999]]);
    expect(trace.ofType('http.failure')[0]?.error).toBe('ECONNREFUSED');
    const unmatched = trace.ofType('nat.unmatched');
    expect(unmatched.map((r) => [r.node, r.iface, r.to])).toEqual([
      ['router', 'wan', `${HOME.routerPublic}:9999`],
    ]);
    expect(summary.nats?.[0]).toMatchObject({ mappings: 0, unmatched: 1 });
  });

  it('to the forwarded port over another protocol finds no forward either', () => {
    const { trace, onLink } = run({
      laptopApps: [],
      friendApps: [{ type: 'pinger', peer: HOME.routerPublic, port: 8080, count: 1 }],
    });
    expect(onLink('l-game')).toEqual([]);
    expect(trace.ofType('nat.unmatched').length).toBeGreaterThan(0);
    expect(trace.ofType('nat.map')).toEqual([]);
  });
});

describe('expiry', () => {
  it('removes a UDP mapping when its timeout passes with no packet: the run’s last event', () => {
    const { trace, sim } = run({
      nat: { ...HOME_NAT, timeouts: { udp: '2s', udpStream: '3s' } },
      laptopApps: [{ type: 'pinger', peer: 'web', count: 1 }],
      webApps: [{ type: 'echo' }],
      until: '60s',
    });
    const [map] = trace.ofType('nat.map');
    const lastPacket = trace.ofType('nat.translate').at(-1);
    const [expire] = trace.ofType('nat.expire');
    expect(expire).toMatchObject({
      entry: map?.entry,
      protocol: 'udp',
      inside: map?.inside,
      outside: map?.outside,
      reason: 'timeout',
    });
    // Answered, so the stream timeout runs from the last packet; then nothing is left to do but
    // the ARP caches' timers: each entry expires 30 s after it was learned, and is forgotten 60 s
    // later, after the run (one timer per node that learned a neighbour on the way: laptop, router,
    // isp and web).
    expect(expire?.t).toBe((lastPacket?.t ?? 0) + 3_000_000_000);
    const after = trace.records.filter((r) => r.t > (expire?.t ?? 0)).map((r) => r.type);
    expect(after.filter((type) => !type.startsWith('arp.'))).toEqual(['sim.end']);
    expect(new Set(after.filter((type) => type.startsWith('arp.')))).toEqual(
      new Set(['arp.expire']),
    );
    expect(sim.pending).toBe(4);
  });

  it('sweeps sooner when an answered flow’s timeout is the shorter one', () => {
    const { trace } = run({
      nat: { ...HOME_NAT, timeouts: { udp: '10s', udpStream: '1s' } },
      laptopApps: [{ type: 'pinger', peer: 'web', count: 1 }],
      webApps: [{ type: 'echo' }],
    });
    const reply = trace.ofType('nat.translate').find((r) => r.way === 'in');
    expect(trace.ofType('nat.expire').map((r) => [r.reason, r.t])).toEqual([
      ['timeout', (reply?.t ?? 0) + 1_000_000_000],
    ]);
  });
});
