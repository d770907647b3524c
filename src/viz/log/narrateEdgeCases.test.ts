// The event log's sentences on hand-made edge cases the default run does not show, records of
// unknown types, and the formatting of times and articles.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import scenarioJson from '../../../simulations/ping-over-a-link.json';
import { formatTime, narrate } from './narrate.ts';
import { article } from './narratePackets.ts';
import { networkNames } from '../names/index.ts';
import { checked, run, texts } from './narrateTestHelpers.ts';
import { ipPacketOf, isArpFrame } from '../../net/wire/frame.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

describe('narrate edge cases', () => {
  const names = networkNames(checked(scenarioJson).nodes);
  const say = (records: object[]) => texts(narrate(records as unknown as TraceRecord[], names));

  it('says a timeout without a retry gives up, and narrates late and untimed replies', () => {
    expect(
      say([
        { t: 5, type: 'app.timeout', node: 'laptop', seq: 3, attempt: 2 },
        { t: 5, type: 'app.giveUp', node: 'laptop', seq: 3 },
        { t: 9, type: 'app.lateReply', node: 'laptop', seq: 3, attempt: 1 },
        { t: 9, type: 'app.reply', node: 'laptop', seq: 4, attempt: 0, rtt: null },
      ]),
    ).toEqual([
      'Laptop times out waiting for reply 3.',
      'Laptop gives up on request 3: it counts as lost.',
      'Laptop ignores reply 3 (retry 1): it came too late and is no longer awaited.',
      'Laptop gets reply 4, which answers an earlier attempt, so its round trip cannot be timed.',
    ]);
  });

  it('narrates drops, impairments, switches and errors the default run does not show', () => {
    expect(
      say([
        {
          t: 1,
          type: 'queue.drop',
          link: 'wifi',
          node: 'laptop',
          iface: 'wlan0',
          pkt: 9,
          bytes: 84,
          reason: 'linkDown',
        },
        {
          t: 1,
          type: 'link.impair',
          link: 'wifi',
          node: 'laptop',
          iface: 'wlan0',
          pkt: 4,
          effect: 'duplicate',
        },
        {
          t: 1,
          type: 'link.impair',
          link: 'wifi',
          node: 'laptop',
          iface: 'wlan0',
          pkt: 5,
          effect: 'reorder',
        },
        { t: 2, type: 'ip.drop', node: 'server', pkt: 7, reason: 'noRoute' },
        { t: 2, type: 'ip.drop', node: 'server', pkt: 8, reason: 'notConnected' },
        { t: 3, type: 'switch.learn', node: 'sw', port: 'p1', address: '192.168.1.10' },
        {
          t: 3,
          type: 'switch.forward',
          node: 'sw',
          pkt: 9,
          fromPort: 'p1',
          toPort: 'p2',
          flood: true,
        },
        { t: 3, type: 'switch.filter', node: 'sw', pkt: 9, port: 'p1' },
        {
          t: 4,
          type: 'app.request',
          node: 'laptop',
          peer: '192.168.1.20:7',
          seq: 2,
          attempt: 0,
          pkt: -1,
        },
        {
          t: 4,
          type: 'app.error',
          node: 'laptop',
          app: 'pinger',
          op: 'sendto',
          error: 'EHOSTUNREACH',
        },
        { t: 4, type: 'socket.release', node: 'laptop', protocol: 'udp', port: 49152 },
      ]),
    ).toEqual([
      'Packet #9 is dropped at Laptop wlan0: link wifi is down.',
      'Link wifi duplicates packet #4: it will arrive twice.',
      'Link wifi holds packet #5 back, so packets sent after it can overtake it.',
      'Echo server drops packet #7: no route to its destination.',
      'Echo server drops packet #8: the interface it should leave by has no link.',
      'sw learns that 192.168.1.10 is behind port p1.',
      'sw floods packet #9 out of port p2: it does not know where the destination is yet.',
      'sw discards packet #9: its destination is behind port p1, where it came from.',
      'Laptop cannot send request 2 to Echo server (192.168.1.20:7).',
      'Laptop’s pinger app: sendto fails with EHOSTUNREACH: no route to the host.',
      'Laptop closes its UDP socket on port 49152.',
    ]);
  });

  it('names the destination of a dropped packet seen earlier by its id, the latest one', () => {
    const sent = run(scenarioJson, 7).records.find(
      (r) => r.type === 'link.txBegin' && carriesIp(r),
    );
    if (sent?.type !== 'link.txBegin' || !carriesIp(sent)) throw new Error('no packet was sent');
    // The same UDP packet readdressed by hand to 10.9.8.7; ids past the usual range too.
    const other = {
      ...sent.packet,
      ip: { ...sent.packet.ip, dst: (10 << 24) | (9 << 16) | (8 << 8) | 7 },
    };
    const carry = (t: number, pkt: number, packet: typeof sent.packet) => ({
      ...sent,
      t,
      pkt,
      packet,
    });
    const drop = (t: number, pkt: number, reason: string) => ({
      t,
      type: 'ip.drop',
      node: 'server',
      pkt,
      reason,
    });
    const big = 2 ** 30;
    const said = say([
      carry(1, 3, sent.packet),
      carry(2, big, other),
      carry(3, -4, other),
      drop(4, 3, 'noRoute'),
      drop(5, big, 'notForMe'),
      drop(6, -4, 'noRoute'),
      carry(7, 3, other),
      drop(8, 3, 'notForMe'),
      drop(9, 5000, 'noRoute'),
      drop(10, 3, 'noProtocol'),
    ]);
    expect(said.filter((text) => text.includes(' drops ') || text.includes(' ignores '))).toEqual([
      'Echo server drops packet #3: no route to 192.168.1.20.',
      `Echo server ignores packet #${big}: it is addressed to 10.9.8.7.`,
      'Echo server drops packet #-4: no route to 10.9.8.7.',
      'Echo server ignores packet #3: it is addressed to 10.9.8.7.',
      'Echo server drops packet #5000: no route to its destination.',
      'Echo server drops packet #3: nothing on it handles UDP.',
    ]);
  });

  it('narrates record types it does not know from their fields, packets by their label', () => {
    const frames = run(scenarioJson, 7).records.filter((r) => r.type === 'link.txBegin');
    const packet = frames.find((r) => r.type === 'link.txBegin' && carriesIp(r));
    if (packet?.type !== 'link.txBegin') throw new Error('no packet was sent');
    // An ARP frame in an unknown record is told by its label too.
    const arp = frames[0];
    if (arp?.type !== 'link.txBegin' || !isArpFrame(arp.packet)) throw new Error('no ARP');
    expect(say([{ t: 5, type: 'arp.future', frame: arp.packet }])).toEqual([
      'arp.future: frame ARP request Who has 192.168.1.20? Tell 192.168.1.10.',
    ]);
    expect(
      say([
        { t: 1, type: 'cache.pick', node: 'laptop', pool: 'web', backend: '192.168.1.20:80' },
        { t: 2, type: 'disk.read', node: 'server', pid: 3, burst: 1460, reason: 'quantum' },
        {
          t: 3,
          type: 'tcp.future',
          pkt: 3,
          packet: packet.packet,
          data: new Uint8Array(5),
          deep: { a: [1, 2] },
        },
        { t: 4, type: 'tcp.long', text: 'x'.repeat(200) },
      ]),
    ).toEqual([
      'cache.pick: node Laptop, pool "web", backend "192.168.1.20:80".',
      'disk.read: node Echo server, pid 3, burst 1460, reason "quantum".',
      `tcp.future: packet #3, packet UDP ${(ipPacketOf(packet.packet).transport as { srcPort: number }).srcPort} → 7 len=56, data 5 bytes, deep {"a":[1,2]}.`,
      `tcp.long: text "${'x'.repeat(78)}….`,
    ]);
  });

  it('formats simulated times for people', () => {
    expect(formatTime(0)).toBe('0 s');
    expect(formatTime(22_000_000)).toBe('22 ms');
    expect(formatTime(1_442_000_000)).toBe('1.442 s');
  });

  it('writes "an" before numbers read with a vowel sound', () => {
    expect([8, 11, 18, 80, 84, 800, 8000, 11000, 18500].map(article)).toEqual(Array(9).fill('an'));
    expect([1, 60, 110, 180, 1100, 1500, 1800, 110000].map(article)).toEqual(Array(8).fill('a'));
  });

  it('tells SACK loss recovery: the window, and each segment it resends', () => {
    const conn = '10.0.0.1:49152>10.0.0.2:80';
    const cwnd = (t: number, cause: string, value: number, ssthresh: number) => ({
      t,
      type: 'tcp.cwnd',
      node: 'laptop',
      conn,
      cwnd: value,
      ssthresh,
      cause,
    });
    const said = say([
      cwnd(1, 'slowStart', 12_000, 65_535),
      cwnd(2, 'sackRecovery', 6000, 6000),
      {
        t: 2,
        type: 'tcp.retransmit',
        node: 'laptop',
        conn,
        seq: 7,
        bytes: 1000,
        reason: 'sackRecovery',
      },
      cwnd(3, 'recoveryExit', 6000, 6000),
    ]);
    expect(said[1]).toMatch(/starts SACK loss recovery.*65535 → 6000 bytes.*12000 → 6000 bytes/);
    expect(said[2]).toMatch(/sends 1000 bytes at seq 7 again.*SACK blocks showed them missing/);
    expect(said[3]).toMatch(/leaves loss recovery.*stays at the slow-start threshold, 6000 bytes/);
  });
});
