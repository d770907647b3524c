import { describe, expect, it } from 'vitest';
import { macFromNumber } from '../../wire/mac.ts';
import {
  dhcpAck,
  dhcpDecline,
  dhcpDiscover,
  dhcpNak,
  dhcpOffer,
  dhcpRelease,
  dhcpReplyDestination,
  dhcpRequestRenewing,
  dhcpRequestSelecting,
  IPV4_BROADCAST,
} from './dhcpBuild.ts';
import {
  BOOTP_MIN_LENGTH,
  decodeDhcpMessage,
  DHCP_FIXED_LENGTH,
  DHCP_OFFSET,
  encodeDhcpMessage,
  type DhcpMessage,
} from './dhcpMessage.ts';
import { decodeDhcpOptions, encodeDhcpOptions } from './dhcpOptions.ts';

const CLIENT_MAC = macFromNumber(0x02000a000064);
const SERVER = 0x0a000001; // 10.0.0.1
const OFFERED = 0x0a000064; // 10.0.0.100
const LEASE = {
  serverId: SERVER,
  leaseSeconds: 3600,
  subnetMask: 0xffffff00,
  routers: [SERVER],
  dnsServers: [0x0a000035, 0x08080808],
};

function decoded(bytes: Uint8Array): DhcpMessage {
  const result = decodeDhcpMessage(bytes);
  if (!result.ok) throw new Error(result.error);
  return result.message;
}

describe('DHCP messages (RFC 2131)', () => {
  const discover = dhcpDiscover({ xid: 0x3903f326, chaddr: CLIENT_MAC, broadcast: true });

  it('lays out a DISCOVER: 236 fixed bytes, the cookie, options, padding to 300', () => {
    const bytes = encodeDhcpMessage(discover);
    expect(DHCP_FIXED_LENGTH).toBe(236);
    expect(DHCP_OFFSET.options).toBe(240); // 236 + 4-byte cookie
    expect([...bytes.subarray(0, 28)]).toEqual([
      ...[1, 1, 6, 0], // op BOOTREQUEST, htype Ethernet, hlen 6, hops 0
      ...[0x39, 0x03, 0xf3, 0x26], // xid
      ...[0, 0], // secs
      ...[0x80, 0x00], // flags: broadcast bit
      ...new Array(16).fill(0), // ciaddr, yiaddr, siaddr, giaddr
    ]);
    // chaddr: six octets of MAC, ten of zero.
    expect([...bytes.subarray(28, 44)]).toEqual([2, 0, 10, 0, 0, 0x64, ...new Array(10).fill(0)]);
    expect(bytes.subarray(44, 236).every((b) => b === 0)).toBe(true); // sname and file empty
    expect([...bytes.subarray(236, 240)]).toEqual([99, 130, 83, 99]);
    expect([...bytes.subarray(240, 249)]).toEqual([
      ...[53, 1, 1], // message type DISCOVER
      ...[55, 3, 1, 3, 6], // parameter request list: mask, router, DNS
      255, // End
    ]);
    expect(bytes.length).toBe(BOOTP_MIN_LENGTH); // 249 bytes padded with zeros to 300
    expect(bytes.subarray(249).every((b) => b === 0)).toBe(true);
    expect(decoded(bytes)).toEqual(discover);
  });

  it('fills an OFFER as table 3 says: yiaddr, copied xid/flags/chaddr, lease options', () => {
    const offer = dhcpOffer(discover, OFFERED, LEASE);
    expect(offer).toMatchObject({
      op: 'reply',
      xid: discover.xid,
      broadcast: true,
      ciaddr: 0,
      yiaddr: OFFERED,
      chaddr: CLIENT_MAC,
    });
    const bytes = encodeDhcpMessage(offer);
    expect(bytes[0]).toBe(2); // BOOTREPLY
    expect([...bytes.subarray(16, 20)]).toEqual([10, 0, 0, 100]);
    // Options: 53 first, then by code. T1 = 1800 s, T2 = 3150 s (RFC 2131 4.4.5: 0.5 and 0.875).
    expect([...bytes.subarray(240, 240 + 50)]).toEqual([
      ...[53, 1, 2],
      ...[1, 4, 255, 255, 255, 0],
      ...[3, 4, 10, 0, 0, 1],
      ...[6, 8, 10, 0, 0, 53, 8, 8, 8, 8],
      ...[51, 4, 0, 0, 0x0e, 0x10], // 3600
      ...[54, 4, 10, 0, 0, 1],
      ...[58, 4, 0, 0, 0x07, 0x08], // 1800
      ...[59, 4, 0, 0, 0x0c, 0x4e], // 3150
      255,
    ]);
    expect(decoded(bytes)).toEqual(offer);
  });

  it('requests the offered address from its server, then gets an ACK with the same lease', () => {
    const offer = dhcpOffer(discover, OFFERED, LEASE);
    const request = dhcpRequestSelecting(offer, { broadcast: true, secs: 1 });
    expect(request).toMatchObject({ op: 'request', xid: offer.xid, ciaddr: 0, secs: 1 });
    expect(request.options).toMatchObject({
      messageType: 'REQUEST',
      requestedIp: OFFERED,
      serverId: SERVER,
    });
    const ack = dhcpAck(request, OFFERED, LEASE);
    expect(ack.options.messageType).toBe('ACK');
    expect(ack.yiaddr).toBe(OFFERED);
    for (const message of [request, ack])
      expect(decoded(encodeDhcpMessage(message))).toEqual(message);
  });

  it('renews with ciaddr set and neither requested IP nor server id (RFC 2131 4.3.2)', () => {
    const renew = dhcpRequestRenewing({ xid: 7, chaddr: CLIENT_MAC }, OFFERED);
    expect(renew.ciaddr).toBe(OFFERED);
    expect(renew.options).toEqual({ messageType: 'REQUEST' });
    const ack = dhcpAck(renew, OFFERED, LEASE);
    expect(ack.ciaddr).toBe(OFFERED); // copied from the request (table 3)
    expect(dhcpReplyDestination(renew, ack)).toEqual({ ip: OFFERED, mac: CLIENT_MAC, port: 68 });
  });

  it('NAKs with no address, the server id and a reason, always broadcast', () => {
    const request = dhcpRequestSelecting(dhcpOffer(discover, OFFERED, LEASE), {});
    const nak = dhcpNak(request, SERVER, 'address not available');
    expect(nak).toMatchObject({ op: 'reply', ciaddr: 0, yiaddr: 0, siaddr: 0 });
    expect(nak.options).toEqual({
      messageType: 'NAK',
      serverId: SERVER,
      message: 'address not available',
    });
    expect(decoded(encodeDhcpMessage(nak))).toEqual(nak);
    expect(dhcpReplyDestination(request, nak).ip).toBe(IPV4_BROADCAST);
  });

  it('releases and declines with the server id, as table 5 says', () => {
    const client = { xid: 9, chaddr: CLIENT_MAC };
    const release = dhcpRelease(client, OFFERED, SERVER);
    expect(release).toMatchObject({
      ciaddr: OFFERED,
      options: { messageType: 'RELEASE', serverId: SERVER },
    });
    const decline = dhcpDecline(client, OFFERED, SERVER);
    expect(decline).toMatchObject({
      ciaddr: 0,
      options: { messageType: 'DECLINE', requestedIp: OFFERED, serverId: SERVER },
    });
    for (const message of [release, decline])
      expect(decoded(encodeDhcpMessage(message))).toEqual(message);
  });

  it('sends replies where RFC 2131 section 4.1 says', () => {
    const offerTo = (request: DhcpMessage) =>
      dhcpReplyDestination(request, dhcpOffer(request, OFFERED, LEASE));
    expect(offerTo(discover)).toEqual({ ip: IPV4_BROADCAST, mac: 0xffffffffffff, port: 68 });
    const unicast = { ...discover, broadcast: false };
    expect(offerTo(unicast)).toEqual({ ip: OFFERED, mac: CLIENT_MAC, port: 68 });
    expect(offerTo({ ...discover, giaddr: 0x0a010001 })).toEqual({
      ip: 0x0a010001,
      mac: undefined,
      port: 67,
    });
  });

  it('keeps the sname and file fields, the hops count and unknown options', () => {
    const message: DhcpMessage = {
      ...discover,
      hops: 1,
      sname: 'boot-server',
      file: 'pxelinux.0',
      options: {
        messageType: 'INFORM',
        hostName: 'laptop',
        other: [{ code: 60, data: Uint8Array.of(1, 2) }],
      },
    };
    const bytes = encodeDhcpMessage(message);
    expect(String.fromCharCode(...bytes.subarray(44, 55))).toBe('boot-server');
    expect(decoded(bytes)).toEqual(message);
  });

  it('grows past 300 bytes when the options need it, padding nothing', () => {
    const long = {
      ...discover,
      options: { messageType: 'DISCOVER' as const, hostName: 'h'.repeat(80) },
    };
    const bytes = encodeDhcpMessage(long);
    expect(bytes.length).toBe(240 + 3 + 82 + 1);
    expect(decoded(bytes)).toEqual(long);
  });

  it('refuses fields that do not fit', () => {
    expect(() => encodeDhcpMessage({ ...discover, secs: 65536 })).toThrow(RangeError);
    expect(() => encodeDhcpMessage({ ...discover, sname: 'x'.repeat(64) })).toThrow(/sname/);
    expect(() => encodeDhcpMessage({ ...discover, file: 'é' })).toThrow(/file/);
    const options = { messageType: 'OFFER' as const, routers: [] };
    expect(() => encodeDhcpOptions(options)).toThrow(/at least one/);
    expect(() => encodeDhcpOptions({ messageType: 'ACK', leaseSeconds: -1 })).toThrow(RangeError);
    expect(() =>
      encodeDhcpOptions({ messageType: 'ACK', other: [{ code: 53, data: Uint8Array.of(5) }] }),
    ).toThrow(/raw/);
  });

  it('refuses messages that are not DHCP over Ethernet, saying why', () => {
    const good = encodeDhcpMessage(discover);
    const error = (change: (bytes: Uint8Array) => Uint8Array | void): string => {
      const bytes = good.slice();
      const result = decodeDhcpMessage(change(bytes) ?? bytes);
      return result.ok ? '' : result.error;
    };
    expect(error((b) => b.subarray(0, 239))).toMatch(/240 bytes/);
    expect(error((b) => void (b[0] = 3))).toMatch(/op 3/);
    expect(error((b) => void (b[1] = 6))).toMatch(/hardware type 6/);
    expect(error((b) => void (b[239] = 0x64))).toMatch(/magic cookie 0x63825364/);
    expect(error((b) => void (b[248] = 0))).toMatch(/no End/);
    expect(error((b) => void b.set([53, 1, 9], 240))).toMatch(/unknown type 9/);
    expect(error((b) => void b.set([55, 200], 243))).toMatch(/runs past the end/);
    expect(error((b) => void b.set([12, 3, 65, 66, 67, 255], 240))).toMatch(/option 53/);
  });
});

describe('DHCP options (RFC 2132)', () => {
  const decode = (bytes: number[]) => decodeDhcpOptions(Uint8Array.from(bytes), 0, bytes.length);

  it('skips Pad, stops at End, and joins a repeated option (RFC 3396)', () => {
    expect(decode([0, 0, 53, 1, 5, 3, 4, 10, 0, 0, 1, 3, 4, 10, 0, 0, 2, 255, 6, 99])).toEqual({
      ok: true,
      options: { messageType: 'ACK', routers: [0x0a000001, 0x0a000002] },
    });
  });

  it('refuses lengths that do not suit the option', () => {
    expect(decode([53, 1, 5, 51, 2, 0, 1, 255])).toEqual({
      ok: false,
      error: 'option 51 holds 2 bytes, not 4',
    });
    expect(decode([53, 1, 5, 6, 6, 1, 2, 3, 4, 5, 6, 255])).toMatchObject({ ok: false });
    expect(decode([53, 2, 5, 5, 255])).toMatchObject({ ok: false, error: /2 bytes, not 1/ });
    expect(decode([53, 1, 5, 52, 1, 3, 255])).toMatchObject({ ok: false, error: /overload/ });
  });
});
