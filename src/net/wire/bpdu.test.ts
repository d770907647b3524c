// RST BPDUs byte by byte (IEEE 802.1D-2004 clause 9.3.3), and the frame around one: an 802.3
// header whose type/length field is the length 39, LLC 42 42 03, padding to 60 bytes.
import { describe, expect, it } from 'vitest';
import {
  compareBridgeIds,
  decodeBpdu,
  encodeBpdu,
  formatBridgeId,
  portIdOf,
  type Bpdu,
} from './bpdu.ts';
import { frameWireLength, isBpduFrame, isIpPacket, isLinkFrame } from './frame.ts';
import { frameBytes } from './frameBytes.ts';
import { macFromNumber } from './mac.ts';

const S2 = { priority: 32768, mac: macFromNumber(0x0200_6f9e_7530) };
const S3 = { priority: 32768, mac: macFromNumber(0x0200_95a0_ef99) };
const BPDU: Bpdu = {
  tc: false,
  proposal: true,
  role: 'designated',
  learning: false,
  forwarding: false,
  agreement: false,
  rootId: S2,
  rootPathCost: 200_000,
  bridgeId: S3,
  portId: portIdOf(2),
  messageAge: 1,
  maxAge: 20,
  helloTime: 2,
  forwardDelay: 15,
};

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('RST BPDUs', () => {
  it('encodes the 36 bytes as clause 9.3.3 lays them out', () => {
    expect(hex(encodeBpdu(BPDU))).toBe(
      '0000' + // protocol identifier
        '02' + // version: RSTP
        '02' + // type: RST
        '0e' + // flags: proposal 0x02, role designated 3 << 2
        '8000' +
        '02006f9e7530' + // root: priority, MAC
        '00030d40' + // cost 200000
        '8000' +
        '020095a0ef99' + // bridge
        '8002' + // port 2, priority 128
        '0100' +
        '1400' +
        '0200' +
        '0f00' + // 1, 20, 2, 15 s in 1/256 s
        '00', // version 1 length
    );
  });

  it('decodes what it encodes, flags and all', () => {
    const all = {
      ...BPDU,
      tc: true,
      agreement: true,
      learning: true,
      forwarding: true,
      role: 'root' as const,
    };
    expect(decodeBpdu(encodeBpdu(all))).toEqual({ ok: true, bpdu: all });
    expect(decodeBpdu(encodeBpdu(BPDU))).toEqual({ ok: true, bpdu: BPDU });
    expect(decodeBpdu(new Uint8Array(35)).ok).toBe(false);
  });

  it('orders bridge IDs by priority, then MAC, and prints them as Linux does', () => {
    expect(compareBridgeIds(S2, S3)).toBeLessThan(0);
    expect(compareBridgeIds({ ...S3, priority: 4096 }, S2)).toBeLessThan(0);
    expect(formatBridgeId(S2)).toBe('8000.02006f9e7530');
    expect(portIdOf(1)).toBe(0x8001);
    expect(portIdOf(3, 16)).toBe(0x1003);
  });

  it('travels in an 802.3 frame with an LLC header, 64 bytes on the wire', () => {
    const frame = { id: 1, eth: { dst: macFromNumber(0x0180_c200_0000), src: S3.mac }, bpdu: BPDU };
    expect([isBpduFrame(frame), isLinkFrame(frame), isIpPacket(frame)]).toEqual([
      true,
      true,
      false,
    ]);
    const bytes = frameBytes(frame);
    expect(bytes.length).toBe(60); // 14 + 3 + 36 = 53, padded
    expect(hex(bytes.subarray(0, 17))).toBe('0180c2000000' + '020095a0ef99' + '0027' + '424203');
    expect(hex(bytes.subarray(17, 53))).toBe(hex(encodeBpdu(BPDU)));
    expect(frameWireLength(frame)).toBe(64);
  });
});
