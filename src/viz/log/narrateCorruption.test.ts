// Damaged packets in the views, on simulations/corrupted-link.json: the log tells the link damaging
// a packet (which bit, in which part) and the node dropping it for a bad IP header or TCP/UDP
// checksum, in English and German, filed under drops; the packet's journey and the ladder give
// the same reason.
import { describe, expect, it } from 'vitest';
import { recordList } from '../../engine/traceRecords.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import { ipHeaderLength, wireSize } from '../../net/wire/packet.ts';
import { recordsOfType, runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { buildLadder, type Ladder } from '../ladder/ladder.ts';
import { dissectPacket, type PacketField } from '../dissect/packetFields.ts';
import { networkNames } from '../names/index.ts';
import { packetJourney } from '../packet/packetTrace.ts';
import { recordTags } from './logFilter.ts';
import { narrate } from './narrate.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

const { scenario, records } = runSimulationFile('corrupted-link.json');
const names = networkNames(scenario.nodes);
const english = narrate(records, names);
const german = narrate(records, names, undefined, 'de');
const said = (r: TraceRecord, language: 'en' | 'de' = 'en') =>
  (language === 'en' ? english : german)[records.indexOf(r)]!.text;

const corrupt = recordsOfType(records, 'link.corrupt');
const sent = new Map(
  recordsOfType(records, 'link.txBegin')
    .filter(carriesIp)
    .filter((r) => r.link === 'cable')
    .map((r) => [r.pkt, r.packet]),
);
/** A damaged packet whose bit fell in its IP header, and one whose bit fell in its TCP data. */
const inHeader = corrupt.find((r) => r.bit < ipHeaderLength(sent.get(r.pkt)!.ip) * 8)!;
const inData = corrupt.find((r) => {
  const packet = sent.get(r.pkt)!;
  return packet.transport.kind === 'tcp' && r.bit / 8 >= wireSize(packet) - packet.payload.length;
})!;
const ipDrop = recordsOfType(records, 'ip.drop').find((r) => r.pkt === inHeader.pkt)!;
const tcpDrop = recordsOfType(records, 'transport.drop').find((r) => r.pkt === inData.pkt)!;
const udpDrop = recordsOfType(records, 'transport.drop').find((r) => r.protocol === 'udp')!;

describe('a packet damaged on the cable, in the log', () => {
  it('tells which bit the link flipped and where it lies', () => {
    expect(said(inHeader)).toBe(
      `Link cable damages packet #${inHeader.pkt}: bit ${inHeader.bit} flips on the way, in its IP header.`,
    );
    expect(said(inData)).toMatch(
      new RegExp(
        `^Link cable damages packet #${inData.pkt}: bit [\\d,]+ flips on the way, in its TCP data\\.$`,
      ),
    );
    expect(said(inHeader, 'de')).toBe(
      `Leitung cable beschädigt Paket #${inHeader.pkt}: Bit ${inHeader.bit} kippt unterwegs, im IP-Header.`,
    );
    expect(said(inData, 'de')).toMatch(/kippt unterwegs, in den TCP-Daten\.$/);
  });

  it('tells who drops it, and which checksum failed', () => {
    const node = names.title(ipDrop.node);
    expect(said(ipDrop)).toBe(
      `${node} drops packet #${ipDrop.pkt}: its IP header checksum does not match (damaged on the link).`,
    );
    expect(said(tcpDrop)).toBe(
      `Server drops packet #${tcpDrop.pkt}: its TCP checksum does not match (damaged on the link).`,
    );
    expect(said(udpDrop)).toMatch(/: its UDP checksum does not match \(damaged on the link\)\.$/);
    expect(said(ipDrop, 'de')).toBe(
      `${node} verwirft Paket #${ipDrop.pkt}: Seine IP-Header-Prüfsumme stimmt nicht (auf der Leitung beschädigt).`,
    );
    expect(said(tcpDrop, 'de')).toBe(
      `Server verwirft Paket #${tcpDrop.pkt}: Seine TCP-Prüfsumme stimmt nicht (auf der Leitung beschädigt).`,
    );
  });

  it('files the drops under drops and their protocol, the damage under the link', () => {
    const tags = recordTags(recordList(records), records.length);
    const drop = tags[records.indexOf(tcpDrop)]!;
    expect(drop.nodes).toEqual(['server']);
    expect(drop.groups).toBe(tags[records.indexOf(ipDrop)]!.groups);
    expect(drop.protocols).toBe(tags[records.indexOf(inData)]!.protocols & ~0b10000);
    const damage = tags[records.indexOf(inData)]!;
    expect(damage.protocols & 0b10000).toBe(0b10000);
  });
});

describe('a damaged packet in its journey and on the ladder', () => {
  it('ends its journey dropped, with the checksum that failed', () => {
    expect(packetJourney(recordList(records), tcpDrop.pkt).at(-1)).toMatchObject({
      kind: 'dropped',
      node: 'server',
      reason: 'TCP checksum wrong (damaged on the wire)',
    });
    expect(packetJourney(recordList(records), ipDrop.pkt, 'de').at(-1)).toMatchObject({
      kind: 'dropped',
      node: ipDrop.node,
      reason: 'IP-Header-Prüfsumme falsch (unterwegs beschädigt)',
    });
  });

  it('is an arrow that reached the server and was dropped there, on the ladder', () => {
    const ladderOf = (language?: 'de') => {
      const l = buildLadder(
        recordList(records),
        scenario.nodes,
        { kind: 'nodes', a: 'laptop', b: 'server' },
        language,
      );
      if ('error' in l) throw new Error(l.error);
      return l as Ladder;
    };
    const arrow = (l: Ladder) => l.arrows.find((a) => a.pkt === tcpDrop.pkt)!;
    expect(arrow(ladderOf())).toMatchObject({
      lost: null,
      refused: 'TCP checksum wrong (damaged on the wire)',
    });
    expect(arrow(ladderOf()).arrived).not.toBeNull();
    expect(arrow(ladderOf('de')).refused).toBe('TCP-Prüfsumme falsch');
    // Damaged in its header on the laptop's side, it never reached the server: lost at the router.
    const atRouter = recordsOfType(records, 'ip.drop').find(
      (r) => r.reason === 'badChecksum' && r.node === 'router',
    )!;
    expect(ladderOf().arrows.find((a) => a.pkt === atRouter.pkt)).toMatchObject({
      arrived: null,
      lost: { node: 'router', reason: 'IP header checksum wrong (damaged on the wire)' },
    });
  });
});

describe('a damaged packet in the detail pane', () => {
  const fieldsOf = (packet: Parameters<typeof dissectPacket>[0]) => {
    const all: PacketField[] = [];
    const walk = (fs: readonly PacketField[]) =>
      fs.forEach((f) => (all.push(f), walk(f.children ?? [])));
    for (const layer of dissectPacket(packet).layers) walk(layer.fields);
    return all;
  };
  const checksum = (packet: Parameters<typeof dissectPacket>[0], id: string) =>
    fieldsOf(packet).find((f) => f.id === id)?.value;

  it('shows the bytes as they arrived: the checksum that covers the bit is wrong', () => {
    const header = sent.get(inHeader.pkt)!;
    const data = sent.get(inData.pkt)!;
    expect(checksum(header, 'ip.checksum')).toMatch(/wrong|incorrect/);
    expect(checksum(data, 'ip.checksum')).toMatch(/correct/);
    expect(checksum(data, 'ip.checksum')).not.toMatch(/incorrect|wrong/);
    expect(checksum(data, 'tcp.checksum')).toMatch(/wrong|incorrect/);
    const intact = { id: data.id, ip: data.ip, transport: data.transport, payload: data.payload };
    expect(checksum(intact, 'tcp.checksum')).not.toMatch(/incorrect|wrong/);
  });
});
