// The NAT translation table: public ports as nf_nat picks them (kept when the reply tuple stays
// unique, else the next free one in the range), port forwards, lookups both ways, and expiry on
// simulated time (UDP 30 s / 120 s, TCP closed by RST or acknowledged FINs, or idle).
import { describe, expect, it } from 'vitest';
import { IP_PROTOCOL } from '../../net/wire/packet.ts';
import { cidr, ip, tcp, udp } from '../firewall/firewallTestPackets.ts';
import { invert, tupleOf } from '../firewall/flowTuple.ts';
import type { FlowTuple } from '../firewall/flowTuple.ts';
import { NO_FREE_PORT, NatTable } from './natTable.ts';
import type { NatConfig, NatEntry } from './natTable.ts';

const S = 1_000_000_000;
const PUBLIC = ip('203.0.113.1');
const config: NatConfig = { publicAddress: PUBLIC, privateNetworks: [cidr('10.0.0.0/24')] };

function udpTuple(from: string, to: string): FlowTuple {
  return tupleOf(udp(from, to));
}

function snat(table: NatTable, tuple: FlowTuple, now = 0): NatEntry {
  const entry = table.addSnat(tuple, now);
  if (entry === NO_FREE_PORT) throw new Error('no free port');
  return entry;
}

/** The public port an SNAT entry gave its flow (the reply's destination port). */
const publicPort = (entry: NatEntry): number => entry.reply.dstPort;

describe('masquerade ports', () => {
  it('keeps the source port when it is free on the public address', () => {
    const table = new NatTable(config);
    const entry = snat(table, udpTuple('10.0.0.2:40000', '198.51.100.7:53'));
    expect(entry.reply).toEqual({
      protocol: IP_PROTOCOL.udp,
      src: ip('198.51.100.7'),
      srcPort: 53,
      dst: PUBLIC,
      dstPort: 40000,
    });
  });

  it('gives two private hosts with the same source port to the same server different public ports', () => {
    const table = new NatTable(config);
    const a = snat(table, udpTuple('10.0.0.2:40000', '198.51.100.7:53'));
    const b = snat(table, udpTuple('10.0.0.3:40000', '198.51.100.7:53'));
    expect(publicPort(a)).toBe(40000);
    expect(publicPort(b)).toBe(40001);
  });

  it('takes the next free port after the taken ones', () => {
    const table = new NatTable(config);
    snat(table, udpTuple('10.0.0.2:40001', '198.51.100.7:53'));
    snat(table, udpTuple('10.0.0.3:40000', '198.51.100.7:53'));
    const third = snat(table, udpTuple('10.0.0.4:40000', '198.51.100.7:53'));
    expect(publicPort(third)).toBe(40002);
  });

  it('keeps the port for the same source port to another server, as nf_nat (the reply tuples differ)', () => {
    const table = new NatTable(config);
    snat(table, udpTuple('10.0.0.2:40000', '198.51.100.7:53'));
    const other = snat(table, udpTuple('10.0.0.3:40000', '198.51.100.8:53'));
    expect(publicPort(other)).toBe(40000);
  });

  it('keeps to a configured range, wrapping, and reports when it is full', () => {
    const table = new NatTable({ ...config, portRange: { low: 5000, high: 5001 } });
    const to = '198.51.100.7:80';
    expect(publicPort(snat(table, tupleOf(tcp('10.0.0.2:5001', to, 'S'))))).toBe(5001);
    expect(publicPort(snat(table, tupleOf(tcp('10.0.0.3:5001', to, 'S'))))).toBe(5000);
    expect(table.addSnat(tupleOf(tcp('10.0.0.4:40000', to, 'S')), 0)).toBe(NO_FREE_PORT);
  });

  it('replaces a taken port below 1024 from its class, as Linux without --to-ports', () => {
    const table = new NatTable(config);
    const to = '198.51.100.7:514';
    snat(table, udpTuple('10.0.0.2:514', to));
    expect(publicPort(snat(table, udpTuple('10.0.0.3:514', to)))).toBe(600);
    snat(table, udpTuple('10.0.0.2:123', to));
    expect(publicPort(snat(table, udpTuple('10.0.0.3:123', to)))).toBe(124);
  });

  it('masquerades only its private networks, never its own address', () => {
    const table = new NatTable(config);
    expect(table.masquerades(udpTuple('10.0.0.9:1', '198.51.100.7:53'))).toBe(true);
    expect(table.masquerades(udpTuple('10.0.1.9:1', '198.51.100.7:53'))).toBe(false);
    expect(table.masquerades(udpTuple('203.0.113.1:1', '198.51.100.7:53'))).toBe(false);
    expect(
      new NatTable({ publicAddress: PUBLIC }).masquerades(udpTuple('10.0.0.9:1', '1.2.3.4:5')),
    ).toBe(false);
  });
});

describe('lookups and port forwards', () => {
  it('finds an entry by its original tuple and by its reply tuple', () => {
    const table = new NatTable(config);
    const entry = snat(table, udpTuple('10.0.0.2:40000', '198.51.100.7:53'));
    expect(table.lookup(udpTuple('10.0.0.2:40000', '198.51.100.7:53'), 1)).toEqual({
      entry,
      direction: 'original',
    });
    expect(table.lookup(udpTuple('198.51.100.7:53', '203.0.113.1:40000'), 1)).toEqual({
      entry,
      direction: 'reply',
    });
    expect(table.lookup(udpTuple('198.51.100.7:53', '10.0.0.2:40000'), 1)).toBeUndefined();
  });

  it('forwards a public port range to a private address, keeping or replacing the port', () => {
    const table = new NatTable({
      ...config,
      forwards: [
        {
          protocol: 'tcp',
          publicPorts: { low: 8080, high: 8080 },
          privateAddress: ip('10.0.0.5'),
          privatePort: 80,
        },
        { protocol: 'udp', publicPorts: { low: 5000, high: 5010 }, privateAddress: ip('10.0.0.6') },
      ],
    });
    const web = tupleOf(tcp('192.0.2.10:51000', '203.0.113.1:8080', 'S'));
    const forward = table.forwardFor(web);
    expect(forward?.privatePort).toBe(80);
    if (!forward) return;
    const entry = table.addDnat(web, forward, 0);
    expect(entry).not.toBe(NO_FREE_PORT);
    expect((entry as NatEntry).reply).toEqual(
      invert(tupleOf(tcp('192.0.2.10:51000', '10.0.0.5:80', 'S'))),
    );
    expect(table.forwardFor(udpTuple('192.0.2.10:1', '203.0.113.1:5007'))?.privateAddress).toBe(
      ip('10.0.0.6'),
    );
    expect(table.forwardFor(udpTuple('192.0.2.10:1', '203.0.113.1:5011'))).toBeUndefined();
    expect(table.forwardFor(tupleOf(tcp('192.0.2.10:1', '203.0.113.1:5007', 'S')))).toBeUndefined();
    expect(table.forwardFor(tupleOf(tcp('192.0.2.10:1', '203.0.113.2:8080', 'S')))).toBeUndefined();
  });

  it('refuses a forward whose private reply tuple is already in use', () => {
    const forward = {
      protocol: 'tcp' as const,
      publicPorts: { low: 80, high: 81 },
      privateAddress: ip('10.0.0.5'),
      privatePort: 80,
    };
    const table = new NatTable({ ...config, forwards: [forward] });
    expect(
      table.addDnat(tupleOf(tcp('192.0.2.10:51000', '203.0.113.1:80', 'S')), forward, 0),
    ).not.toBe(NO_FREE_PORT);
    expect(table.addDnat(tupleOf(tcp('192.0.2.10:51000', '203.0.113.1:81', 'S')), forward, 0)).toBe(
      NO_FREE_PORT,
    );
  });
});

describe('expiry on simulated time', () => {
  it('drops an unanswered UDP flow after 30 s and an answered one 120 s after its last packet', () => {
    const table = new NatTable(config);
    const out = udp('10.0.0.2:40000', '198.51.100.7:53');
    const lone = snat(table, tupleOf(out), 0);
    expect(lone.expiresAt).toBe(30 * S);
    expect(table.expire(30 * S - 1)).toEqual([]);
    expect(table.expire(30 * S)).toEqual([lone]);
    const answered = snat(table, tupleOf(out), 40 * S);
    const back = udp('198.51.100.7:53', '203.0.113.1:40000');
    expect(table.touch(answered, 'reply', back, 41 * S)).toBe('reply');
    expect(answered.expiresAt).toBe(161 * S);
    expect(table.lookup(tupleOf(back), 161 * S - 1)?.entry).toBe(answered);
    expect(table.lookup(tupleOf(back), 161 * S)).toBeUndefined();
    expect(table.size).toBe(0);
  });

  it('takes the timeouts as options', () => {
    const table = new NatTable({
      ...config,
      timeouts: { udpTimeoutNs: 5 * S, tcpIdleTimeoutNs: 60 * S },
    });
    const lone = snat(table, udpTuple('10.0.0.2:1', '198.51.100.7:53'), 0);
    expect(lone.expiresAt).toBe(5 * S);
    const flow = snat(table, tupleOf(tcp('10.0.0.2:40000', '198.51.100.7:80', 'S')), 0);
    expect(flow.expiresAt).toBe(120 * S);
    table.touch(flow, 'reply', tcp('198.51.100.7:80', '203.0.113.1:40000', 'SA'), S);
    expect(flow.expiresAt).toBe(61 * S);
    expect(table.expire(61 * S)).toEqual([lone, flow]);
  });

  it('closes a TCP flow on RST', () => {
    const table = new NatTable(config);
    const flow = snat(table, tupleOf(tcp('10.0.0.2:40000', '198.51.100.7:80', 'S')));
    expect(table.touch(flow, 'reply', tcp('198.51.100.7:80', '203.0.113.1:40000', 'RA'), 1)).toBe(
      'close',
    );
    expect(table.size).toBe(0);
  });

  it('closes a TCP flow once both FINs are acknowledged, not before', () => {
    const table = new NatTable(config);
    const c = '10.0.0.2:40000';
    const s = '198.51.100.7:80';
    const g = '203.0.113.1:40000';
    const flow = snat(table, tupleOf(tcp(c, s, 'S', { seq: 100 })));
    table.touch(flow, 'reply', tcp(s, g, 'SA', { seq: 900, ack: 101 }), 1);
    expect(table.touch(flow, 'original', tcp(c, s, 'FA', { seq: 101, ack: 901 }), 2)).toBe('fin');
    expect(table.touch(flow, 'reply', tcp(s, g, 'FA', { seq: 901, ack: 102 }), 3)).toBe('fin');
    expect(flow.phase).toBe('closing');
    expect(table.size).toBe(1);
    expect(
      table.touch(flow, 'original', tcp(c, s, 'A', { seq: 102, ack: 901 }), 4),
    ).toBeUndefined();
    expect(table.size).toBe(1);
    expect(table.touch(flow, 'original', tcp(c, s, 'A', { seq: 102, ack: 902 }), 5)).toBe('close');
    expect(table.entries()).toEqual([]);
  });
});
