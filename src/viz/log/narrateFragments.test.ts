// Fragments, reassembly and path MTUs in the views, on simulations/mtu-path-discovery.json: the
// log tells a router cutting a datagram, each fragment leaving with its bytes, the destination
// putting it back together, a node learning a path MTU and TCP's smaller segments, in English
// and German; filters and conversations take a fragment as its datagram's; a fragment's journey
// ends in its datagram's reassembly, whose packet it names; labels and the dissection show the
// fragment's place; the node inspector's path MTU cache; the run summary's card.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { recordList } from '../../engine/traceRecords.ts';
import { recordsOfType, runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { dissectPacket } from '../dissect/packetFields.ts';
import { networkNames } from '../names/index.ts';
import { packetLabel } from '../packet/packetLabel.ts';
import { packetJourney } from '../packet/packetTrace.ts';
import { interfaceLines, pathMtuCache, pathMtuRecords } from '../sockets/index.ts';
import { summaryCards } from '../summary/summaryCards.ts';
import { summariseRecords } from '../../sim/index.ts';
import { recordTags } from './logFilter.ts';
import { narrate } from './narrate.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

const { scenario, records } = runSimulationFile('mtu-path-discovery.json');
const names = networkNames(scenario.nodes);
const english = narrate(records, names);
const german = narrate(records, names, undefined, 'de');
const said = (r: TraceRecord, language: 'en' | 'de' = 'en') =>
  (language === 'en' ? english : german)[records.indexOf(r)]!.text;

const [cut] = recordsOfType(records, 'ip.fragment');
const [rebuilt] = recordsOfType(records, 'ip.reassemble');
const fragmentTx = recordsOfType(records, 'link.txBegin')
  .filter(carriesIp)
  .filter((r) => r.link === 'old' && cut!.fragments.includes(r.pkt));
const tooBig = recordsOfType(records, 'ip.drop').filter((r) => r.reason === 'fragmentationNeeded');

describe('fragments in the log', () => {
  it('tells the router cutting the datagram, and each fragment leaving with its bytes', () => {
    const [a, b, c] = cut!.fragments;
    expect(said(cut!)).toBe(
      `Router 1 cuts packet #${cut!.pkt} into 3 fragments of at most 576 bytes to send it out of eth1: packets #${a}, #${b}, #${c}, each with its offset, all but the last with More Fragments set.`,
    );
    const id = `0x${fragmentTx[0]!.packet.ip.identification.toString(16).padStart(4, '0')}`;
    expect(fragmentTx.map((r) => said(r))).toEqual([
      `Router 1 starts sending packet #${a}, 572 bytes, to Server (10.0.3.20) on link old: a fragment of datagram ${id}, bytes 0–551, more to follow.`,
      `Router 1 starts sending packet #${b}, 572 bytes, to Server (10.0.3.20) on link old: a fragment of datagram ${id}, bytes 552–1103, more to follow.`,
      `Router 1 starts sending packet #${c}, 396 bytes, to Server (10.0.3.20) on link old: a fragment of datagram ${id}, bytes 1104–1479.`,
    ]);
    expect(said(fragmentTx[1]!, 'de')).toBe(
      `Router 1 beginnt, Paket #${b}, 572 Bytes, an Server (10.0.3.20) über Leitung old zu senden: ein Fragment von Datagramm ${id}, Bytes 552–1.103, weitere folgen.`,
    );
    expect(said(rebuilt!)).toBe(
      `Server has every fragment of datagram ${id} (#${a}, #${b}, #${c}) and puts it back together: packet #${rebuilt!.pkt}, 1500 bytes, as if it had come whole.`,
    );
    expect(said(rebuilt!, 'de')).toMatch(/^Server hat alle Fragmente von Datagramm 0x[0-9a-f]{4} /);
  });

  it('tells drops for size: at the router, and at the sender that knows the path', () => {
    expect(said(tooBig[0]!)).toBe(
      `Router 1 drops packet #${tooBig[0]!.pkt}: it is too big for the link it would leave by, and its Don’t Fragment flag forbids cutting it.`,
    );
    const own = tooBig.find((r) => r.node === 'laptop')!;
    expect(said(own)).toBe(
      `Laptop does not send packet #${own.pkt}: it is bigger than the path MTU it knows, and its Don’t Fragment flag forbids cutting it. The program that sent it is told EMSGSIZE.`,
    );
    expect(said(own, 'de')).toMatch(/^Laptop sendet Paket #\d+ nicht: /);
  });

  it('tells the path MTUs learned, and TCP making its segments smaller', () => {
    const [backup, server] = recordsOfType(records, 'ip.pmtu');
    expect(said(backup!)).toBe(
      'Laptop learns from Router 1 (10.0.1.1) (ICMP fragmentation needed) that packets to Backup server (10.0.3.30) may be at most 576 bytes: that is its path MTU now.',
    );
    expect(server?.dst).toBe('10.0.3.20');
    const [tcp] = recordsOfType(records, 'tcp.pathMtu');
    expect(said(tcp!)).toMatch(
      /^Laptop learns that its path carries packets of at most 576 bytes \(RFC 1191\): from now on each segment carries at most 536 bytes of data/,
    );
    expect(said(tcp!, 'de')).toMatch(
      /^Laptop erfährt, dass sein Pfad Pakete von höchstens 576 Bytes trägt/,
    );
    const again = recordsOfType(records, 'tcp.retransmit').find((r) => r.reason === 'pathMtu')!;
    expect(said(again)).toMatch(/again, in a smaller segment that fits the path MTU\.$/);
  });

  it('files fragments under their datagram’s protocol and conversation', () => {
    const tags = recordTags(recordList(records), records.length);
    const original = recordsOfType(records, 'link.txBegin').find((r) => r.pkt === cut!.pkt)!;
    const tagOf = (r: TraceRecord) => tags[records.indexOf(r)]!;
    for (const r of [...fragmentTx, cut!, rebuilt!]) {
      expect(tagOf(r).protocols).toBe(
        (tagOf(original).protocols & ~0b10000) | (tagOf(r).protocols & 0b10000),
      );
      expect(tagOf(r).conn).toBe(tagOf(original).conn);
    }
    expect(tagOf(original).conn).toMatch(/^udp /);
    expect(tagOf(tooBig[0]!).groups).toBe(tagOf(recordsOfType(records, 'ip.drop')[0]!).groups);
  });
});

describe('a fragment in the packet views', () => {
  it('labels it with its datagram, offset in bytes and More Fragments', () => {
    const id = fragmentTx[0]!.packet.ip.identification.toString(16).padStart(4, '0');
    expect(fragmentTx.map((r) => packetLabel(r.packet))).toEqual([
      `UDP fragment id=0x${id} off=0 len=552 MF`,
      `UDP fragment id=0x${id} off=552 len=552 MF`,
      `UDP fragment id=0x${id} off=1104 len=376`,
    ]);
  });

  it('follows a fragment to its reassembly, and the datagram to where it was cut', () => {
    const steps = packetJourney(recordList(records), cut!.fragments[1]!);
    expect(steps.map((s) => [s.kind, s.node])).toEqual([
      ['sent', 'r1'],
      ['arrived', 'r2'],
      ['sent', 'r2'],
      ['arrived', 'sw'],
      // The switch learned the server's port from its ARP reply to r2: no flood to the backup.
      ['sent', 'sw'],
      ['arrived', 'server'],
      ['reassembled', 'server'],
    ]);
    expect(steps.at(-1)?.packets).toEqual([rebuilt!.pkt]);
    const original = packetJourney(recordList(records), cut!.pkt);
    expect(original.map((s) => s.kind)).toEqual(['sent', 'arrived', 'fragmented']);
    expect(original.at(-1)).toMatchObject({ node: 'r1', packets: cut!.fragments });
    expect(packetJourney(recordList(records), rebuilt!.pkt).map((s) => s.kind)).toEqual([
      'reassembled',
      'delivered',
    ]);
  });

  it('dissects it: the summary names the datagram and its bytes, the offset reads in bytes', () => {
    const d = dissectPacket(fragmentTx[1]!.packet);
    const ip = d.layers[0]!;
    expect(ip.summary).toMatch(
      /, TTL 63, 572 bytes: a fragment of datagram 0x[0-9a-f]{4}, its data bytes 552–1103, more to follow$/,
    );
    const offset = ip.fields.find((f) => f.id === 'ip.fragmentOffset')!;
    expect(offset.value).toBe('69 (byte 552 of the original packet’s data)');
    expect(d.layers.map((l) => l.name)).toEqual(['IPv4', 'Fragment data']);
    const de = dissectPacket(fragmentTx[1]!.packet, { language: 'de' });
    expect(de.layers[1]?.name).toBe('Fragmentdaten');
  });
});

describe('the node inspector and the summary', () => {
  it('shows each addressed interface’s MTU', () => {
    expect(interfaceLines(scenario, 'r1').map((i) => [i.name, i.mtu])).toEqual([
      ['eth0', 1500],
      ['eth1', 576],
    ]);
    expect(interfaceLines(scenario, 'sw').map((i) => i.mtu)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('lists the path MTUs the laptop has learned at a moment, as ip route show cache', () => {
    const own = pathMtuRecords(recordList(records), 'laptop');
    const [first, second] = recordsOfType(records, 'ip.pmtu');
    expect(pathMtuCache(own, first!.t - 1)).toEqual([]);
    expect(pathMtuCache(own, first!.t).map((l) => l.text)).toEqual(['10.0.3.30 cache mtu 576']);
    expect(pathMtuCache(own, second!.t)).toEqual([
      expect.objectContaining({ dst: '10.0.3.30', mtu: 576, from: '10.0.1.1', since: first!.t }),
      expect.objectContaining({ dst: '10.0.3.20', mtu: 576, since: second!.t }),
    ]);
    expect(
      pathMtuCache(
        [...own, { t: second!.t + 1, type: 'node.crash', node: 'laptop' }],
        second!.t + 1,
      ),
    ).toEqual([]);
  });

  it('gives each node that cut, rebuilt or refused packets for their size a card', () => {
    const summary = summariseRecords(scenario, records);
    const cards = summaryCards(summary, names).filter((c) => c.id.startsWith('fragments-'));
    expect(cards.map((c) => c.title)).toEqual(['Laptop', 'Router 1', 'Router 2', 'Server']);
    const router = cards[1]!;
    expect(router.figures).toEqual([
      ['Datagrams cut into fragments', '1 (3 fragments)', 'fragmented'],
      ['Datagrams reassembled', '0', 'reassembled'],
      ['Reassemblies timed out', '0', 'timedOut'],
      ['Too big, with Don’t Fragment', '4', 'tooBig'],
    ]);
    expect(cards[0]!.figures.slice(4)).toEqual([
      ['Path MTU to 10.0.3.30', '576 bytes', 'pathMtu-10.0.3.30'],
      ['Path MTU to 10.0.3.20', '576 bytes', 'pathMtu-10.0.3.20'],
    ]);
  });
});

describe('a reassembly that timed out, in the log', () => {
  const record = (firstArrived: boolean): TraceRecord => ({
    t: 30_000_000_000,
    type: 'ip.reassemblyTimeout',
    node: 'server',
    src: '10.0.1.10',
    dst: '10.0.3.20',
    protocol: 17,
    identification: 0x1234,
    fragments: [7, 9],
    firstArrived,
  });

  it('says the fragments waited 30 s, and whether the sender is told', () => {
    const [told, silent] = narrate([record(true), record(false)], names).map((e) => e.text);
    expect(told).toBe(
      'Server gives up on datagram 0x1234 from Laptop (10.0.1.10): its 2 fragments waited 30 s for the rest. It throws them away and tells Laptop (10.0.1.10) (ICMP time exceeded in reassembly).',
    );
    expect(silent).toMatch(/as the first fragment never came, it sends no ICMP message\.$/);
    const [de] = narrate([record(true)], names, undefined, 'de').map((e) => e.text);
    expect(de).toMatch(
      /^Server gibt Datagramm 0x1234 von Laptop \(10\.0\.1\.10\) auf: Seine 2 Fragmente haben 30 s/,
    );
  });
});
