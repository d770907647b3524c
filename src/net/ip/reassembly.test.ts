import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulator } from '../../engine/simulator.ts';
import { flipBit } from '../wire/corruption.ts';
import { fragmentPacket } from '../wire/ipFragments.ts';
import { ipv4Header, type Packet } from '../wire/packet.ts';
import { fillHoles, Reassembler } from './reassembly.ts';

function datagram(total: number, identification = 7): Packet {
  const payload = new Uint8Array(total - 28);
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 31 + 5) & 0xff;
  return {
    id: 1,
    ip: ipv4Header({ src: 0x0a000001, dst: 0x0a000002, dontFragment: false, identification }),
    transport: { kind: 'udp', srcPort: 5000, dstPort: 53 },
    payload,
  };
}

function reassembler() {
  const sim = new Simulator({ seed: 1 });
  let id = 1000;
  const timedOut: Packet[] = [];
  const bad: Packet[] = [];
  const r = new Reassembler({
    sim,
    name: 'b',
    nextId: () => id++,
    reassemblyTimedOut: (p) => timedOut.push(p),
    badFragment: (p) => bad.push(p),
  });
  return { sim, r, timedOut, bad };
}

describe('fillHoles (RFC 815)', () => {
  it('splits the one hole of a new datagram around a middle fragment', () => {
    expect(fillHoles([{ first: 0, last: Infinity }], 552, 1103, true)).toEqual([
      { first: 0, last: 551 },
      { first: 1104, last: Infinity },
    ]);
  });

  it('closes the open end when the last fragment (MF clear) comes', () => {
    expect(fillHoles([{ first: 1104, last: Infinity }], 1104, 1479, false)).toEqual([]);
  });

  it('leaves holes a fragment does not touch, and ignores a duplicate', () => {
    const holes = [
      { first: 0, last: 551 },
      { first: 1104, last: Infinity },
    ];
    expect(fillHoles(holes, 552, 1103, true)).toEqual(holes);
  });
});

describe('Reassembler', () => {
  it('rebuilds a datagram from fragments in any order, duplicates included', () => {
    const original = datagram(1500);
    const fragments = fragmentPacket(original, 576, () => 1);
    fc.assert(
      fc.property(fc.array(fc.nat(2), { maxLength: 8 }), (arrivals) => {
        const { r } = reassembler();
        const order = [...arrivals, 0, 1, 2];
        const seen = new Set<number>();
        for (const k of order) {
          seen.add(k);
          const done = r.add(fragments[k] as Packet);
          // Complete exactly when the last missing piece comes, duplicates or not before it.
          expect(done !== undefined).toBe(seen.size === 3);
          if (done) {
            expect(done.packet.payload).toEqual(original.payload);
            expect(done.packet.transport).toEqual(original.transport);
            expect(done.damaged).toBe(false);
            return;
          }
        }
      }),
    );
  });

  it('keeps datagrams apart by their Identification', () => {
    const { r } = reassembler();
    const [a0, a1] = fragmentPacket(datagram(1000, 1), 576, () => 1) as [Packet, Packet];
    const [b0, b1] = fragmentPacket(datagram(1000, 2), 576, () => 2) as [Packet, Packet];
    expect(r.add(a0)).toBeUndefined();
    expect(r.add(b1)).toBeUndefined();
    expect(r.size).toBe(2);
    expect(r.add(a1)?.packet.ip.identification).toBe(1);
    expect(r.add(b0)?.packet.ip.identification).toBe(2);
    expect(r.size).toBe(0);
  });

  it('records ip.reassemble with the fragments in arrival order and a new packet id', () => {
    const { sim, r } = reassembler();
    const fragments = fragmentPacket(
      datagram(1500),
      576,
      (() => {
        let n = 50;
        return () => n++;
      })(),
    );
    const [f0, f1, f2] = fragments as [Packet, Packet, Packet];
    r.add(f2);
    r.add(f0);
    const done = r.add(f1);
    expect(sim.trace.ofType('ip.reassemble')).toEqual([
      expect.objectContaining({
        node: 'b',
        pkt: 1000,
        identification: 7,
        fragments: [52, 50, 51],
        bytes: 1500,
      }),
    ]);
    expect(done?.packet.id).toBe(1000);
  });

  it('says when damage in a fragment makes the transport checksum fail', () => {
    const { r } = reassembler();
    const [f0, f1] = fragmentPacket(datagram(1000), 576, () => 1) as [Packet, Packet];
    r.add(f0);
    // A bit of the second fragment's data (after its 20-byte header).
    const done = r.add(flipBit(f1, (20 + 100) * 8 + 3));
    expect(done?.damaged).toBe(true);
  });

  it('refuses a fragment that would end past 65,535 bytes', () => {
    const { r, bad } = reassembler();
    const [f0] = fragmentPacket(datagram(1000), 576, () => 1) as [Packet];
    const late = { ...f0, ip: { ...f0.ip, fragmentOffset: 8190 } };
    expect(r.add(late)).toBeUndefined();
    expect(bad).toEqual([late]);
    expect(r.size).toBe(0);
  });
});
