// A packet in the trace: the version of each hop (TTL lowered by the router), its journey, its
// connection's ISNs for relative sequence numbers, and the pinger's messages.
import { describe, expect, it } from 'vitest';
import { dissectPacket, flattenFields } from '../dissect/packetFields.ts';
import {
  appMessage,
  isnIndex,
  packetHops,
  packetJourney,
  packetVersion,
  segmentIsns,
} from './packetTrace.ts';
import { recordsOfType, runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { parseScenarioText, runScenario } from '../../sim/index.ts';
import { recordList } from '../../engine/traceRecords.ts';
import { buildLadder } from '../ladder/ladder.ts';
import { ipPacketOf } from '../../net/wire/frame.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

const MS = 1_000_000;

describe('packets of the TCP bulk transfer', () => {
  const { records } = runSimulationFile('tcp-bulk-transfer.json');
  const hops = packetHops(recordList(records), 1);

  it('finds each hop of the SYN with the bytes of that hop', () => {
    expect(hops.map((h) => [h.link, h.node, ipPacketOf(h.packet).ip.ttl])).toEqual([
      ['lan', 'laptop', 64],
      ['wan', 'router', 63],
    ]);
  });

  it('picks the hop on the selected link at or before the time, else the first one', () => {
    expect(ipPacketOf(packetVersion(hops, 'wan', 200 * MS)!.packet).ip.ttl).toBe(63);
    // Before the router sent it on, the wan hop is still the one of that link.
    expect(ipPacketOf(packetVersion(hops, 'wan', 100 * MS)!.packet).ip.ttl).toBe(63);
    expect(ipPacketOf(packetVersion(hops, 'lan', 200 * MS)!.packet).ip.ttl).toBe(64);
    expect(packetVersion(hops, null, 100 * MS)?.link).toBe('lan');
    expect(packetVersion(hops, null, 200 * MS)?.link).toBe('wan');
    expect(packetVersion(hops, null, 0)?.link).toBe('lan');
    expect(packetVersion([], null, 0)).toBeUndefined();
  });

  it('follows the journey to delivery, and a drop with its reason', () => {
    expect(packetJourney(recordList(records), 1).map((s) => `${s.kind} ${s.node}`)).toEqual([
      'sent laptop',
      'arrived router',
      'sent router',
      'arrived server',
      'delivered server',
    ]);
    const drop = recordsOfType(records, 'queue.drop')[0]!;
    expect(packetJourney(recordList(records), drop.pkt).at(-1)).toMatchObject({
      kind: 'dropped',
      node: 'router',
      reason: 'queue full',
    });
  });

  it('numbers segments relative to the ISN of each side, as Wireshark does', () => {
    const index = isnIndex(recordList(records));
    // The SYN+ACK: the server's first IP packet (ids 2 to 5 went to the ARP frames on the way).
    const synAckPkt = recordsOfType(records, 'link.txBegin')
      .filter(carriesIp)
      .find((r) => r.node === 'server')!.pkt;
    const synAck = packetHops(recordList(records), synAckPkt)[0]!;
    const isns = segmentIsns(index, ipPacketOf(synAck.packet), synAck.t);
    const syn = ipPacketOf(hops[0]!.packet).transport;
    const t = ipPacketOf(synAck.packet).transport;
    if (syn.kind !== 'tcp' || t.kind !== 'tcp') throw new Error('not TCP');
    expect(isns).toEqual({ sender: t.seq, receiver: syn.seq });
    const fields = flattenFields(dissectPacket(ipPacketOf(synAck.packet), { isns }).layers).map(
      (r) => r.field,
    );
    expect(fields.find((f) => f.id === 'tcp.seq')?.value).toBe('0 (relative)');
    expect(fields.find((f) => f.id === 'tcp.ack')?.value).toBe('1 (relative)');
  });
});

describe('packets of the ping scenario', () => {
  const { records } = runSimulationFile('ping-over-a-link.json');

  it('knows which request or reply a packet carries, and dissects its numbers', () => {
    // The run's first retry (seed 25: request 3, whose first copy the Wi-Fi lost).
    const request = recordsOfType(records, 'app.request').find((r) => r.attempt === 1)!;
    const lost = recordsOfType(records, 'app.request').find(
      (r) => r.seq === request.seq && r.attempt === 0,
    )!;
    const serve = recordsOfType(records, 'app.serve')[0]!;
    expect(appMessage(recordList(records), request.pkt)).toEqual({
      kind: 'request',
      seq: 3,
      attempt: 1,
    });
    expect(appMessage(recordList(records), serve.pkt)).toEqual({
      kind: 'reply',
      seq: serve.seq,
      attempt: serve.attempt,
    });
    const hop = packetHops(recordList(records), request.pkt)[0]!;
    const message = appMessage(recordList(records), request.pkt);
    const fields = flattenFields(
      dissectPacket(ipPacketOf(hop.packet), message ? { message } : {}).layers,
    ).map((r) => r.field);
    expect(fields.find((f) => f.id === 'data.requestNumber')?.raw).toBe(3);
    expect(fields.find((f) => f.id === 'data.attempt')?.raw).toBe(1);
    expect(packetJourney(recordList(records), lost.pkt).map((s) => s.kind)).toEqual([
      'sent',
      'lost',
    ]);
    expect(packetJourney(recordList(records), request.pkt).map((s) => s.kind)).toEqual([
      'sent',
      'arrived',
      'delivered',
    ]);
  });
});

describe('the window scale of a connection, from its SYNs (RFC 7323 2.2)', () => {
  /** An upload from c to s; each node's tcp settings as given. */
  function records(client: object, server: object) {
    const node = (id: string, address: string, tcp: object, app: object) => ({
      id,
      role: id === 'c' ? 'client' : 'server',
      interfaces: [{ name: 'eth0', address }],
      tcp,
      apps: [app],
    });
    const parsed = parseScenarioText(
      JSON.stringify({
        format: 'handshake/scenario@1',
        name: 'window scale',
        nodes: [
          node('c', '10.0.0.1/24', client, { type: 'bulkSend', peer: 's', bytes: '20000B' }),
          node('s', '10.0.0.2/24', server, { type: 'sink' }),
        ],
        links: [{ id: 'l', a: 'c', b: 's', latency: '1ms' }],
      }),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return runScenario(parsed.scenario).simulation.sim.trace.records;
  }

  /** The windowShift segmentIsns gives the first data segment and the first segment back. */
  function shifts(all: readonly ReturnType<typeof records>[number][]) {
    const index = isnIndex(recordList(all));
    const sent = recordsOfType(all, 'link.txBegin').filter(carriesIp);
    const data = sent.find((r) => r.packet.payload.length > 0)!;
    const back = sent.find(
      (r) => r.node === 's' && r.packet.transport.kind === 'tcp' && !r.packet.transport.flags.syn,
    )!;
    return [data, back].map((r) => segmentIsns(index, r.packet, r.t).windowShift);
  }

  it('gives each side’s own shift once both SYNs offered window scaling', () => {
    // Buffers of 100000 bytes (shift 1: 100000 <= 131070) at c, 300000 (shift 3) at s.
    const all = records(
      { windowScaling: true, receiveWindow: 100_000 },
      { windowScaling: true, receiveWindow: 300_000 },
    );
    expect(shifts(all)).toEqual([1, 3]);
  });

  it('gives none when only one side offered it: neither scales', () => {
    const all = records({ windowScaling: true, receiveWindow: 100_000 }, {});
    expect(shifts(all)).toEqual([undefined, undefined]);
  });
});

describe('SYNs a full SYN queue dropped (simulations/syn-flood.json)', () => {
  const { scenario, records } = runSimulationFile('syn-flood.json');

  it('end their journey at the server, “SYN queue full”, in the packet inspector and the ladder', () => {
    const full = recordsOfType(records, 'tcp.synQueueFull');
    const office = full.find((r) => r.t > 5 * 1e9)!;
    expect(packetJourney(recordList(records), office.pkt).at(-1)).toMatchObject({
      kind: 'dropped',
      node: 'web',
      reason: 'SYN queue full',
    });
    expect(packetJourney(recordList(records), office.pkt, 'de').at(-1)?.reason).toBe(
      'SYN-Warteschlange voll',
    );
    const ladder = buildLadder(recordList(records), scenario.nodes, {
      kind: 'nodes',
      a: 'office',
      b: 'web',
    });
    if ('error' in ladder) throw new Error(ladder.error);
    const refused = ladder.arrows.filter((a) => a.refused !== null);
    // The office's 5 users each send 7 SYNs to the full queue.
    expect(refused).toHaveLength(35);
    expect(new Set(refused.map((a) => a.refused))).toEqual(new Set(['SYN queue full']));
  });
});
