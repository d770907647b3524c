// Socket tables (`ss -tuan`) at several moments of real runs, routes (`ip route`) and app states.
import { describe, expect, it } from 'vitest';
import { parseIpv4, parsePrefix } from '../../net/wire/ipv4Address.ts';
import type { ScenarioNode } from '../../sim/index.ts';
import {
  appStatesAt,
  appTraceNames,
  connectionStateAt,
  nodeRecords,
  recordsUntil,
  routeTable,
  socketTable,
  type SocketRow,
} from './socketTable.ts';
import { recordsOfType, runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { recordList } from '../../engine/traceRecords.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

const MS = 1_000_000;
const line = (r: SocketRow) => `${r.netid} ${r.state} ${r.local} ${r.peer}`;

describe('socketTable on the TCP bulk transfer', () => {
  const { records } = runSimulationFile('tcp-bulk-transfer.json');
  // The first IP packet (the first frame is the laptop's ARP request).
  const syn = recordsOfType(records, 'link.txBegin').filter(carriesIp)[0]!.packet.transport;
  if (syn.kind !== 'tcp') throw new Error('the first packet is not TCP');
  const client = `10.0.1.10:${syn.srcPort}`;
  const server = '10.0.2.20:5001';
  const table = (node: string, t: number) => socketTable(records, node, t).map(line);

  it('shows the listener from the start and nothing on the client before it connects', () => {
    expect(table('server', 0)).toEqual(['tcp LISTEN 0.0.0.0:5001 0.0.0.0:*']);
    expect(table('laptop', 99 * MS)).toEqual([]);
    expect(table('router', 30_000 * MS)).toEqual([]);
  });

  it('follows the handshake on both ends', () => {
    // From 100 ms: the laptop's ARP for the router (2 × 1.00512 ms), the SYN to it (1.00512 ms),
    // the router's ARP for the server (2 × 20.256 ms at 2 Mbit/s), the SYN on (20.256 ms): the
    // server is in SYN-RECEIVED at 163.78336 ms; the SYN+ACK reaches the laptop at 185.04448 ms
    // and its ACK the server at 206.3056 ms (64-byte frames throughout).
    expect(table('laptop', 100 * MS)).toEqual([`tcp SYN-SENT ${client} ${server}`]);
    expect(table('server', 170 * MS)).toEqual([
      'tcp LISTEN 0.0.0.0:5001 0.0.0.0:*',
      `tcp SYN-RECEIVED ${server} ${client}`,
    ]);
    expect(table('laptop', 190 * MS)).toEqual([`tcp ESTABLISHED ${client} ${server}`]);
    expect(table('server', 210 * MS)[1]).toBe(`tcp ESTABLISHED ${server} ${client}`);
  });

  it('keeps the client in TIME-WAIT and drops the server’s closed connection at the end', () => {
    const end = records.at(-1)!.t;
    expect(table('laptop', end)).toEqual([`tcp TIME-WAIT ${client} ${server}`]);
    expect(table('server', end)).toEqual(['tcp LISTEN 0.0.0.0:5001 0.0.0.0:*']);
  });

  it('names each TCP row’s connection as the trace does, with the time of its state', () => {
    const [row] = socketTable(records, 'laptop', 190 * MS);
    expect(row?.conn).toBe(`${client}>${server}`);
    const established = recordsOfType(records, 'socket.state').find(
      (r) => r.node === 'laptop' && r.state === 'ESTABLISHED',
    );
    expect(row?.since).toBe(established?.t);
    expect(connectionStateAt(records, 'laptop', `${client}>${server}`, 99 * MS)).toBeUndefined();
    expect(connectionStateAt(records, 'laptop', `${client}>${server}`, 190 * MS)).toBe(
      'ESTABLISHED',
    );
  });

  it('gives each app’s state at a time, null before it starts', () => {
    const { scenario } = runSimulationFile('tcp-bulk-transfer.json');
    const laptop = scenario.nodes.find((n) => n.id === 'laptop')!;
    expect(appStatesAt(records, laptop, 0)).toEqual([{ app: 'bulkSend', state: 'waiting' }]);
    expect(appStatesAt(records, laptop, 190 * MS)).toEqual([{ app: 'bulkSend', state: 'sending' }]);
    expect(appStatesAt(records, laptop, records.at(-1)!.t)).toEqual([
      { app: 'bulkSend', state: 'done' },
    ]);
    expect(appStatesAt([], laptop, 0)).toEqual([{ app: 'bulkSend', state: null }]);
  });
});

describe('socketTable on the ping scenario', () => {
  const { records } = runSimulationFile('ping-over-a-link.json');

  it('lists the UDP sockets as UNCONN, like ss', () => {
    const port = recordsOfType(records, 'socket.bind').find((r) => r.node === 'laptop')!.port;
    expect(socketTable(records, 'laptop', 0).map(line)).toEqual([
      `udp UNCONN 0.0.0.0:${port} 0.0.0.0:*`,
    ]);
    expect(socketTable(records, 'server', 5_000 * MS).map(line)).toEqual([
      'udp UNCONN 0.0.0.0:7 0.0.0.0:*',
    ]);
    expect(socketTable(records, 'server', -1)).toEqual([]);
  });

  it('removes a UDP socket when its port is released', () => {
    const released = [
      ...records,
      { t: 20_000 * MS, type: 'socket.release', node: 'server', protocol: 'udp', port: 7 } as const,
    ];
    expect(socketTable(released, 'server', 20_000 * MS)).toEqual([]);
    expect(socketTable(released, 'server', 19_999 * MS)).toHaveLength(1);
  });

  it('answers the same from the node’s own records as from the whole trace', () => {
    for (const node of ['laptop', 'server']) {
      const own = nodeRecords(recordList(records), node);
      expect(own.length).toBeLessThan(records.length);
      for (const t of [0, 500 * MS, 5_000 * MS]) {
        expect(socketTable(own, node, t)).toEqual(socketTable(records, node, t));
      }
    }
  });

  it('cuts the trace at a time by binary search', () => {
    expect(recordsUntil(records, -1)).toBe(0);
    expect(recordsUntil(records, Infinity)).toBe(records.length);
    const i = recordsUntil(records, 200 * MS);
    expect(records[i - 1]!.t).toBeLessThanOrEqual(200 * MS);
    expect(records[i]!.t).toBeGreaterThan(200 * MS);
  });
});

describe('routeTable', () => {
  const address = (text: string) => {
    const r = parsePrefix(text, { strict: false });
    if (!r.ok) throw new Error(r.error);
    return { address: r.address, prefix: r.prefix };
  };
  const ip = (text: string) => {
    const r = parseIpv4(text);
    if (!r.ok) throw new Error(r.error);
    return r.address;
  };

  it('prints the default route, static routes and connected subnets like ip route', () => {
    const node: ScenarioNode = {
      id: 'h',
      role: 'client',
      interfaces: [
        { name: 'eth1', address: address('192.168.5.2/24') },
        { name: 'eth0', address: address('10.0.1.10/24') },
      ],
      gateway: ip('10.0.1.1'),
      routes: [{ to: address('172.16.0.0/12').prefix, via: ip('192.168.5.1') }],
    };
    expect(routeTable(node).map((r) => r.text)).toEqual([
      'default via 10.0.1.1 dev eth0',
      '10.0.1.0/24 dev eth0 proto kernel scope link src 10.0.1.10',
      '172.16.0.0/12 via 192.168.5.1 dev eth1',
      '192.168.5.0/24 dev eth1 proto kernel scope link src 192.168.5.2',
    ]);
  });

  it('gives a router one connected route per interface and a switch none', () => {
    const { scenario } = runSimulationFile('tcp-bulk-transfer.json');
    const router = scenario.nodes.find((n) => n.id === 'router')!;
    expect(routeTable(router).map((r) => [r.kind, r.destination, r.dev])).toEqual([
      ['connected', '10.0.1.0/24', 'eth0'],
      ['connected', '10.0.2.0/24', 'eth1'],
    ]);
    expect(routeTable({ id: 's', role: 'switch', interfaces: [{ name: 'p1' }] })).toEqual([]);
  });
});

describe('appTraceNames', () => {
  it('names apps as their records do: servers by name, single users by numbered kind', () => {
    const node = {
      id: 'n',
      role: 'server' as const,
      apps: [
        { type: 'httpServer' as const },
        { type: 'service' as const, name: 'cache' },
        { type: 'httpClient' as const, server: 'a' },
        { type: 'httpClient' as const, server: 'b' },
        { type: 'httpClient' as const, server: 'c', workload: { kind: 'open' as const, rate: 1 } },
        { type: 'dnsServer' as const },
        { type: 'sink' as const },
      ],
    };
    expect(appTraceNames(node)).toEqual(['web', 'cache', 'http', 'http2', 'sink']);
  });
});
