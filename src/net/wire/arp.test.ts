import { describe, expect, it } from 'vitest';
import {
  ARP_LENGTH,
  arpAnnouncement,
  arpEthernetHeader,
  arpProbe,
  arpReply,
  arpRequest,
  decodeArp,
  encodeArp,
  isArpProbe,
  isGratuitous,
} from './arp.ts';
import { encodeEthernetFrame, ETHERTYPE } from './ethernet.ts';
import { MAC_BROADCAST, MAC_ZERO, macFromNumber } from './mac.ts';

const A_MAC = macFromNumber(0x02000a000002);
const B_MAC = macFromNumber(0x02000a000001);
const A_IP = 0x0a000002; // 10.0.0.2
const B_IP = 0x0a000001; // 10.0.0.1

describe('ARP packets (RFC 826, Ethernet and IPv4)', () => {
  it('encodes a request in 28 bytes at the offsets of RFC 826', () => {
    const bytes = encodeArp(arpRequest(A_MAC, A_IP, B_IP));
    expect(bytes.length).toBe(ARP_LENGTH);
    expect([...bytes]).toEqual([
      ...[0x00, 0x01], // 0: hardware type, Ethernet
      ...[0x08, 0x00], // 2: protocol type, IPv4
      ...[6, 4], // 4: hardware and protocol address lengths
      ...[0x00, 0x01], // 6: opcode, request
      ...[0x02, 0x00, 0x0a, 0x00, 0x00, 0x02], // 8: sender MAC
      ...[10, 0, 0, 2], // 14: sender IP
      ...[0, 0, 0, 0, 0, 0], // 18: target MAC, unknown
      ...[10, 0, 0, 1], // 24: target IP
    ]);
  });

  it('answers by swapping the fields and putting its own MAC as sender', () => {
    const request = arpRequest(A_MAC, A_IP, B_IP);
    const reply = arpReply(request, B_MAC);
    expect(reply).toEqual({
      operation: 'reply',
      senderMac: B_MAC,
      senderIp: B_IP,
      targetMac: A_MAC,
      targetIp: A_IP,
    });
    expect([...encodeArp(reply).subarray(6, 8)]).toEqual([0, 2]);
  });

  it('sends requests to the broadcast and replies to the asker, in a 60-byte frame', () => {
    const request = arpRequest(A_MAC, A_IP, B_IP);
    expect(arpEthernetHeader(request)).toEqual({
      dst: MAC_BROADCAST,
      src: A_MAC,
      etherType: ETHERTYPE.arp,
    });
    const reply = arpReply(request, B_MAC);
    expect(arpEthernetHeader(reply)).toMatchObject({ dst: A_MAC, src: B_MAC });
    expect(encodeEthernetFrame(arpEthernetHeader(reply), encodeArp(reply)).length).toBe(60);
  });

  it('makes the RFC 5227 announcement and probe', () => {
    const announcement = arpAnnouncement(A_MAC, A_IP);
    expect(announcement).toEqual({
      operation: 'request',
      senderMac: A_MAC,
      senderIp: A_IP,
      targetMac: MAC_ZERO,
      targetIp: A_IP,
    });
    expect(isGratuitous(announcement)).toBe(true);
    expect(isArpProbe(announcement)).toBe(false);
    const probe = arpProbe(A_MAC, A_IP);
    expect(probe).toMatchObject({ senderIp: 0, targetIp: A_IP, targetMac: MAC_ZERO });
    expect(isArpProbe(probe)).toBe(true);
    expect(isGratuitous(probe)).toBe(false);
    expect(isGratuitous(arpRequest(A_MAC, A_IP, B_IP))).toBe(false);
  });

  it('decodes what it encodes, ignoring the frame padding after 28 bytes', () => {
    for (const arp of [
      arpRequest(A_MAC, A_IP, B_IP),
      arpReply(arpRequest(A_MAC, A_IP, B_IP), B_MAC),
    ]) {
      const padded = new Uint8Array(46);
      padded.set(encodeArp(arp));
      expect(decodeArp(padded)).toEqual({ ok: true, arp });
    }
  });

  it('refuses short packets, other hardware or protocols, and unknown opcodes', () => {
    const error = (bytes: Uint8Array): string => {
      const result = decodeArp(bytes);
      return result.ok ? '' : result.error;
    };
    const good = encodeArp(arpRequest(A_MAC, A_IP, B_IP));
    expect(error(good.subarray(0, 27))).toMatch(/28 bytes/);
    const ipv6 = good.slice();
    ipv6[2] = 0x86;
    ipv6[3] = 0xdd;
    expect(error(ipv6)).toMatch(/protocol 0x86dd/);
    const lengths = good.slice();
    lengths[5] = 16;
    expect(error(lengths)).toMatch(/lengths 6 and 16/);
    const rarp = good.slice();
    rarp[7] = 3; // RARP request (RFC 903)
    expect(error(rarp)).toMatch(/opcode 3/);
  });
});
