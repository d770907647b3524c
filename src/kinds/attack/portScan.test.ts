// A SYN scan (nmap -sS) finds a port open when a SYN-ACK comes (and the scanner's own TCP resets
// it: no connection is ever made), closed when an RST comes, filtered when nothing comes after
// its retries or an ICMP unreachable does. Times are worked out from the document by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import { parseScenarioText, runScenario, validateScenario } from '../../sim/index.ts';
import type { PortScanFigures } from './portScanBehaviour.ts';
import { formatPortList, parsePortList } from './scanPorts.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

describe('port lists', () => {
  it('read as nmap -p writes them, ascending and each once', () => {
    expect(parsePortList('80,20-23,22')).toEqual({ ok: true, ports: [20, 21, 22, 23, 80] });
    expect(parsePortList('1-1024')).toMatchObject({ ok: true });
    expect(parsePortList('0-10')).toEqual({ ok: false, part: '0-10' });
    expect(parsePortList('80,90-85')).toEqual({ ok: false, part: '90-85' });
    expect(parsePortList('65536')).toEqual({ ok: false, part: '65536' });
    expect(formatPortList([21, 22, 23, 80, 443, 444])).toBe('21-23,80,443-444');
    expect(formatPortList([])).toBe('');
  });

  it('that are wrong are a validation error naming the part', () => {
    const result = validateScenario({
      format: 'handshake/scenario@1',
      name: 'bad ports',
      nodes: [{ id: 'a', role: 'client', interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }] }],
      links: [],
      events: [{ at: '1s', type: 'portScan', node: 'a', target: 'a', ports: '22,100-90' }],
    });
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.message])).toEqual([
      [
        '$.events[0].ports',
        '"100-90" in "22,100-90" is not a port or a range of ports from 1 to 65535 (such as 80 or 1-1024)',
      ],
    ]);
  });
});

describe('a SYN scan (simulations/port-scan.json)', () => {
  const parsed = parseScenarioText(readFileSync('simulations/port-scan.json', 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const run = runScenario(parsed.scenario);
  const trace = run.simulation.sim.trace;
  const [server, printer] = (run.summary.actions?.portScan ?? []) as PortScanFigures[];

  it('finds the four listening ports open, the rest closed, and the switched-off printer filtered', () => {
    console.log('port scan figures', JSON.stringify({ server, printer }));
    expect(server).toMatchObject({
      total: 1026,
      open: 4,
      closed: 1022,
      filtered: 0,
      openPorts: '21,80,5001,7000',
      finished: true,
    });
    expect(printer).toMatchObject({ total: 8, open: 0, closed: 0, filtered: 8, finished: true });
  });

  it('probes 200 ports a second, and each open port gets the scanner’s RST, not a connection', () => {
    const probes = trace
      .ofType('link.txBegin')
      .filter(carriesIp)
      .filter((r) => r.node === 'scanner' && r.packet.transport.kind === 'tcp')
      .filter((r) => r.packet.transport.kind === 'tcp' && r.packet.transport.flags.syn);
    // Port k of the list (from 0) at 1 s + k × 5 ms; then the printer's 8 at 8 s + k × 10 ms,
    // and again 1 s later (one retry) for each. The very first waits for the scanner's ARP
    // exchange with its router: 64-byte frames at 100 Mbit/s (5.12 us) and 1 ms each way,
    // 2.01024 ms; it leaves at 1.00201024 s, before the second is due.
    expect(probes.slice(0, 3).map((r) => r.t)).toEqual([
      NS_PER_S + 2_010_240,
      NS_PER_S + 5 * NS_PER_MS,
      NS_PER_S + 10 * NS_PER_MS,
    ]);
    expect(probes[1025]?.t).toBe(1 * NS_PER_S + 1025 * 5 * NS_PER_MS);
    expect(probes).toHaveLength(1026 + 8 * 2);
    const resets = trace.ofType('tcp.refused').filter((r) => r.node === 'scanner');
    expect(resets).toHaveLength(4);
    const established = trace
      .ofType('socket.state')
      .filter((r) => r.node === 'server' && r.state === 'ESTABLISHED');
    expect(established).toEqual([]);
    // The server's half-open connections of the open ports each end (CLOSED) at the scanner's RST.
    const half = trace
      .ofType('socket.state')
      .filter((r) => r.node === 'server' && r.conn.includes('>'));
    expect(half.map((r) => r.state)).toEqual(Array(4).fill(['SYN-RECEIVED', 'CLOSED']).flat());
  });

  it('calls a port filtered after its SYN and one retry, 1 s apart, went unanswered', () => {
    const filtered = trace.ofType('scan.port').filter((r) => r.state === 'filtered');
    expect(filtered.map((r) => [r.port, r.probes, r.t])).toEqual(
      [21, 22, 23, 80, 443, 515, 631, 9100].map((port, k) => [
        port,
        2,
        8 * NS_PER_S + k * 10 * NS_PER_MS + 2 * NS_PER_S,
      ]),
    );
  });
});

describe('a SYN scan of a host the router cannot reach', () => {
  it('calls the port filtered as soon as the router’s ICMP network unreachable comes back', () => {
    // The router has no route to 10.9.0.0/24 (the target is linked to nothing): it answers the
    // first probe with ICMP network unreachable. By hand, at 100 Mbit/s and 1 ms: the scanner's
    // ARP request and the router's reply (64-byte frames, 5.12 us each) take 2.01024 ms; the SYN
    // (44 bytes, a 64-byte frame) reaches the router 1.00512 ms later; the ICMP error (56 bytes,
    // a 74-byte frame, 5.92 us; the router learned the scanner's MAC from its request) is back
    // 1.00592 ms after that: 4.02128 ms after the scan began.
    const result = validateScenario({
      format: 'handshake/scenario@1',
      name: 'unreachable',
      until: '3s',
      nodes: [
        {
          id: 'scanner',
          role: 'client',
          interfaces: [{ name: 'eth0', address: '10.0.0.5/24' }],
          gateway: '10.0.0.1',
        },
        { id: 'r', role: 'router', interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }] },
        { id: 'far', role: 'server', interfaces: [{ name: 'eth0', address: '10.9.0.5/24' }] },
      ],
      links: [{ id: 'l', a: 'scanner', b: 'r', latency: '1ms', bandwidth: '100Mbps' }],
      events: [{ at: '1s', type: 'portScan', node: 'scanner', target: 'far', ports: '22,80' }],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { summary, simulation } = runScenario(result.scenario);
    const decided = simulation.sim.trace.ofType('scan.port');
    expect(decided.map((r) => [r.port, r.state, r.probes])).toEqual([
      [22, 'filtered', 1],
      [80, 'filtered', 1],
    ]);
    expect((decided[0]?.t ?? 0) - NS_PER_S).toBe(4_021_280);
    expect((summary.actions?.portScan as PortScanFigures[])[0]).toMatchObject({ filtered: 2 });
  });
});

describe('a SYN scan of a host behind its own firewall', () => {
  it('reads DROP and an ICMP REJECT as filtered, a TCP-reset REJECT as closed, as nmap does', () => {
    const result = validateScenario({
      format: 'handshake/scenario@1',
      name: 'firewalled',
      until: '5s',
      nodes: [
        { id: 'scanner', role: 'client', interfaces: [{ name: 'eth0', address: '10.0.0.5/24' }] },
        {
          id: 'host',
          role: 'server',
          interfaces: [{ name: 'eth0', address: '10.0.0.9/24' }],
          apps: [{ type: 'httpServer' }],
          firewall: {
            input: {
              policy: 'ACCEPT',
              rules: [
                { action: 'DROP', protocol: 'tcp', dstPort: 23 },
                { action: 'REJECT', protocol: 'tcp', dstPort: 25 },
                { action: 'REJECT', protocol: 'tcp', dstPort: 113, rejectWith: 'tcp-reset' },
              ],
            },
          },
        },
      ],
      links: [{ id: 'l', a: 'scanner', b: 'host', latency: '1ms', bandwidth: '100Mbps' }],
      events: [
        { at: '1s', type: 'portScan', node: 'scanner', target: 'host', ports: '23,25,80,113,443' },
      ],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { summary, simulation } = runScenario(result.scenario);
    const decided = simulation.sim.trace.ofType('scan.port');
    expect(
      decided.map((r) => [r.port, r.state, r.probes]).sort((a, b) => Number(a[0]) - Number(b[0])),
    ).toEqual([
      [23, 'filtered', 2],
      [25, 'filtered', 1],
      [80, 'open', 1],
      [113, 'closed', 1],
      [443, 'closed', 1],
    ]);
    expect((summary.actions?.portScan as PortScanFigures[])[0]).toMatchObject({
      open: 1,
      closed: 2,
      filtered: 2,
      openPorts: '80',
    });
  });
});
