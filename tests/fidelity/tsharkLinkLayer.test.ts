// Fidelity of the link layer against a real dissector: Ethernet II frames carrying ARP (request,
// reply, RFC 5227 probe and announcement), IPv4/UDP, and a DHCP DISCOVER/OFFER/REQUEST/ACK over
// UDP 68 -> 67, written as a LINKTYPE_ETHERNET pcap and read back by tshark: every field as
// built, padding seen as padding, and nothing malformed, no bad checksum, no expert warning.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dhcpAck,
  dhcpDiscover,
  dhcpNak,
  dhcpOffer,
  dhcpRelease,
  dhcpRequestSelecting,
  IPV4_BROADCAST,
} from '../../src/net/app/dhcp/dhcpBuild.ts';
import {
  DHCP_CLIENT_PORT,
  DHCP_SERVER_PORT,
  encodeDhcpMessage,
  type DhcpMessage,
} from '../../src/net/app/dhcp/dhcpMessage.ts';
import { LINKTYPE_ETHERNET, writePcap } from '../../src/net/capture/pcapWriter.ts';
import {
  arpAnnouncement,
  arpEthernetHeader,
  arpProbe,
  arpReply,
  arpRequest,
  encodeArp,
  type ArpPacket,
} from '../../src/net/wire/arp.ts';
import {
  encodeEthernetFrame,
  ethernetWireLength,
  ETHERTYPE,
  type EthernetHeader,
} from '../../src/net/wire/ethernet.ts';
import { parseIpv4 } from '../../src/net/wire/ipv4Address.ts';
import { MAC_BROADCAST, parseMac, type MacAddress } from '../../src/net/wire/mac.ts';
import { ipv4Header, type Packet } from '../../src/net/wire/packet.ts';
import { encodePacket } from '../../src/net/wire/packetCodec.ts';
import { expectClean, fields, tshark, VALIDATE } from '../support/tshark.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-l2-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EPOCH = 1_700_000_000;
const MS = 1_000_000;

function ip(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

function mac(text: string): MacAddress {
  const parsed = parseMac(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.mac;
}

const ROUTER_MAC = mac('02:00:0a:00:00:01');
const CLIENT_MAC = mac('02:00:0a:00:00:02');
const PEER_MAC = mac('02:00:0a:00:00:03');
const LAPTOP_MAC = mac('02:00:0a:00:00:64');
const ROUTER = ip('10.0.0.1');
const CLIENT = ip('10.0.0.2');
const PEER = ip('10.0.0.3');
const OFFERED = ip('10.0.0.100');

type Frame = { timeNs: number; header: EthernetHeader; payload: Uint8Array };

function arpFrame(ms: number, arp: ArpPacket): Frame {
  return { timeNs: ms * MS, header: arpEthernetHeader(arp), payload: encodeArp(arp) };
}

function ipFrame(ms: number, dst: MacAddress, src: MacAddress, packet: Packet): Frame {
  return {
    timeNs: ms * MS,
    header: { dst, src, etherType: ETHERTYPE.ipv4 },
    payload: encodePacket(packet),
  };
}

let nextId = 1;

function udp(
  src: number,
  dst: number,
  srcPort: number,
  dstPort: number,
  payload: Uint8Array,
): Packet {
  return {
    id: nextId++,
    ip: ipv4Header({ src, dst, identification: nextId, dontFragment: false }),
    transport: { kind: 'udp', srcPort, dstPort },
    payload,
  };
}

/** A DHCP message in a UDP datagram: the client's from 0.0.0.0:68, the server's from 10.0.0.1:67. */
function dhcpFrame(ms: number, message: DhcpMessage): Frame {
  const fromClient = message.op === 'request';
  const src = fromClient ? (message.chaddr as MacAddress) : ROUTER_MAC;
  const packet = fromClient
    ? udp(0, IPV4_BROADCAST, DHCP_CLIENT_PORT, DHCP_SERVER_PORT, encodeDhcpMessage(message))
    : udp(ROUTER, IPV4_BROADCAST, DHCP_SERVER_PORT, DHCP_CLIENT_PORT, encodeDhcpMessage(message));
  return ipFrame(ms, MAC_BROADCAST, src, packet);
}

const LEASE = {
  serverId: ROUTER,
  leaseSeconds: 3600,
  subnetMask: ip('255.255.255.0'),
  routers: [ROUTER],
  dnsServers: [ip('10.0.0.53')],
};
const discover = dhcpDiscover({ xid: 0x3903f326, chaddr: LAPTOP_MAC, broadcast: true });
const offer = dhcpOffer(discover, OFFERED, LEASE);
const request = dhcpRequestSelecting(offer, { broadcast: true, secs: 1 });
const ack = dhcpAck(request, OFFERED, LEASE);
const arpQuestion = arpRequest(CLIENT_MAC, CLIENT, ROUTER);
const otherRequest = dhcpRequestSelecting({ ...offer, xid: 0x1234, chaddr: PEER_MAC }, {});
const releasePacket = udp(
  OFFERED,
  ROUTER,
  DHCP_CLIENT_PORT,
  DHCP_SERVER_PORT,
  encodeDhcpMessage(dhcpRelease({ xid: 0x77, chaddr: LAPTOP_MAC }, OFFERED, ROUTER)),
);

const FRAMES: Frame[] = [
  arpFrame(0, arpQuestion), // 1
  arpFrame(0.2, arpReply(arpQuestion, ROUTER_MAC)), // 2
  ipFrame(0.3, ROUTER_MAC, CLIENT_MAC, udp(CLIENT, ROUTER, 40000, 9, Uint8Array.of(1, 2, 3, 4))), // 3
  ipFrame(0.4, ROUTER_MAC, CLIENT_MAC, udp(CLIENT, ROUTER, 40000, 9, new Uint8Array(1472))), // 4
  arpFrame(5, arpAnnouncement(PEER_MAC, PEER)), // 5
  dhcpFrame(10, discover), // 6
  dhcpFrame(11, offer), // 7
  dhcpFrame(1011, request), // 8
  dhcpFrame(1012, ack), // 9
  arpFrame(1013, arpProbe(LAPTOP_MAC, OFFERED)), // 10
  arpFrame(3013, arpAnnouncement(LAPTOP_MAC, OFFERED)), // 11
  dhcpFrame(4000, otherRequest), // 12: another client asks for the laptop's address
  dhcpFrame(4001, dhcpNak(otherRequest, ROUTER, 'address in use')), // 13
  ipFrame(5000, ROUTER_MAC, LAPTOP_MAC, releasePacket), // 14
];

/** Frame lengths worked by hand: ARP 14 + 28 + 18 padding; UDP with 4 bytes 14 + 32 + 14; a
 * full-size datagram 14 + 1500; DHCP 14 + 20 + 8 + 300. */
const SIZES = [60, 60, 60, 1514, 60, 342, 342, 342, 342, 60, 60, 342, 342, 342];

function writeCapture(name: string, frames: Frame[], fcs = false): string {
  const file = join(dir, name);
  const records = frames.map(({ timeNs, header, payload }) => ({
    timeNs,
    bytes: encodeEthernetFrame(header, payload, { fcs }),
  }));
  writeFileSync(file, writePcap(records, { epochSeconds: EPOCH, linkType: LINKTYPE_ETHERNET }));
  return file;
}

describe('tshark reads our Ethernet frames', () => {
  const file = writeCapture('link.pcap', FRAMES);

  it('opens the file as Ethernet, with the frame sizes of IEEE 802.3 less the FCS', () => {
    expect(tshark(['-r', file, '-V', '-c', '1'])).toMatch(/Encapsulation type: Ethernet \(1\)/);
    const rows = fields(file, 'frame.len eth.dst eth.src eth.type eth.padding');
    // ARP: 14 + 28 + 18 bytes of padding. UDP with 4 bytes: 14 + 32 + 14. Full size: 14 + 1500.
    // DHCP: 14 + 20 + 8 + 300.
    expect(rows.map((r) => Number(r['frame.len']))).toEqual(SIZES);
    expect(rows[0]).toEqual({
      'frame.len': '60',
      'eth.dst': 'ff:ff:ff:ff:ff:ff',
      'eth.src': '02:00:0a:00:00:02',
      'eth.type': '0x0806',
      'eth.padding': '0'.repeat(36),
    });
    expect(rows[2]).toMatchObject({
      'eth.dst': '02:00:0a:00:00:01',
      'eth.type': '0x0800',
      'eth.padding': '0'.repeat(28),
    });
    expect(rows[3]?.['eth.padding']).toBe('');
  });

  it('finds no malformed frame, no bad checksum and no expert warning or error', () => {
    expectClean(file);
  });

  it('dissects ARP: request, reply, probe and announcements (RFC 826, RFC 5227)', () => {
    const names =
      'arp.hw.type arp.proto.type arp.hw.size arp.proto.size arp.opcode arp.src.hw_mac arp.src.proto_ipv4 arp.dst.hw_mac arp.dst.proto_ipv4';
    const rows = fields(file, `${names} arp.isgratuitous arp.isprobe arp.isannouncement`);
    const arp = (row: Record<string, string> | undefined): string[] =>
      names.split(' ').map((n) => row?.[n] ?? '');
    const fixed = ['1', '0x0800', '6', '4'];
    expect(arp(rows[0])).toEqual([
      ...fixed,
      '1',
      '02:00:0a:00:00:02',
      '10.0.0.2',
      '00:00:00:00:00:00',
      '10.0.0.1',
    ]);
    expect(arp(rows[1])).toEqual([
      ...fixed,
      '2',
      '02:00:0a:00:00:01',
      '10.0.0.1',
      '02:00:0a:00:00:02',
      '10.0.0.2',
    ]);
    expect(arp(rows[9])).toEqual([
      ...fixed,
      '1',
      '02:00:0a:00:00:64',
      '0.0.0.0',
      '00:00:00:00:00:00',
      '10.0.0.100',
    ]);
    // tshark's flags: a probe (RFC 5227 2.1.1) and two announcements (2.3), both gratuitous.
    expect(rows[9]).toMatchObject({ 'arp.isprobe': '1', 'arp.isgratuitous': '' });
    for (const row of [rows[4], rows[10]]) {
      expect(row).toMatchObject({ 'arp.isgratuitous': '1', 'arp.isannouncement': '1' });
    }
    expect(rows[10]?.['arp.src.proto_ipv4']).toBe('10.0.0.100');
    expect(rows[0]).toMatchObject({
      'arp.isgratuitous': '',
      'arp.isprobe': '',
      'arp.isannouncement': '',
    });
  });

  it('dissects IPv4 and UDP inside Ethernet, padding apart from the datagram', () => {
    const rows = fields(file, 'ip.src ip.dst ip.len udp.length udp.checksum.status data.len');
    expect(rows[2]).toEqual({
      'ip.src': '10.0.0.2',
      'ip.dst': '10.0.0.1',
      'ip.len': '32',
      'udp.length': '12',
      'udp.checksum.status': '1',
      'data.len': '4',
    });
    expect(rows[3]).toMatchObject({
      'ip.len': '1500',
      'udp.length': '1480',
      'udp.checksum.status': '1',
    });
  });

  it('dissects DHCP DISCOVER, OFFER, REQUEST and ACK field by field', () => {
    const rows = fields(
      file,
      'ip.src ip.dst udp.srcport udp.dstport udp.length udp.checksum.status dhcp.type dhcp.hw.type dhcp.hw.len dhcp.hops dhcp.id dhcp.secs dhcp.flags.bc dhcp.ip.client dhcp.ip.your dhcp.ip.server dhcp.ip.relay dhcp.hw.mac_addr dhcp.cookie dhcp.option.dhcp',
    ).slice(5, 9);
    const common = {
      'ip.dst': '255.255.255.255',
      'udp.length': '308', // 8 + 300: every message here is padded to the BOOTP minimum
      'udp.checksum.status': '1',
      'dhcp.hw.type': '0x01',
      'dhcp.hw.len': '6',
      'dhcp.hops': '0',
      'dhcp.id': '0x3903f326',
      'dhcp.flags.bc': '1',
      'dhcp.ip.client': '0.0.0.0',
      'dhcp.ip.server': '0.0.0.0',
      'dhcp.ip.relay': '0.0.0.0',
      'dhcp.hw.mac_addr': '02:00:0a:00:00:64',
      'dhcp.cookie': '99.130.83.99',
    };
    const client = {
      ...common,
      'ip.src': '0.0.0.0',
      'udp.srcport': '68',
      'udp.dstport': '67',
      'dhcp.type': '1',
    };
    const server = {
      ...common,
      'ip.src': '10.0.0.1',
      'udp.srcport': '67',
      'udp.dstport': '68',
      'dhcp.type': '2',
    };
    expect(rows).toEqual([
      { ...client, 'dhcp.secs': '0', 'dhcp.ip.your': '0.0.0.0', 'dhcp.option.dhcp': '1' },
      { ...server, 'dhcp.secs': '0', 'dhcp.ip.your': '10.0.0.100', 'dhcp.option.dhcp': '2' },
      { ...client, 'dhcp.secs': '1', 'dhcp.ip.your': '0.0.0.0', 'dhcp.option.dhcp': '3' },
      { ...server, 'dhcp.secs': '0', 'dhcp.ip.your': '10.0.0.100', 'dhcp.option.dhcp': '5' },
    ]);
  });

  it('dissects the DHCP options: lease, server id, mask, router, DNS, T1, T2, request list', () => {
    const rows = fields(
      file,
      'dhcp.option.type dhcp.option.requested_ip_address dhcp.option.dhcp_server_id dhcp.option.ip_address_lease_time dhcp.option.subnet_mask dhcp.option.router dhcp.option.domain_name_server dhcp.option.renewal_time_value dhcp.option.rebinding_time_value dhcp.option.request_list_item dhcp.option.end',
    ).slice(5, 9);
    // Each row's option codes in order, End apart: tshark puts 255 in dhcp.option.end (its
    // dhcp.option.type for End shows 0).
    for (const row of rows) {
      expect(row['dhcp.option.end']).toBe('255');
      row['dhcp.option.type'] = (row['dhcp.option.type'] ?? '').split(',').slice(0, -1).join(',');
    }
    const [discoverRow, offerRow, requestRow, ackRow] = rows;
    expect(discoverRow).toMatchObject({
      'dhcp.option.type': '53,55',
      'dhcp.option.request_list_item': '1,3,6',
    });
    const lease = {
      'dhcp.option.type': '53,1,3,6,51,54,58,59',
      'dhcp.option.dhcp_server_id': '10.0.0.1',
      'dhcp.option.ip_address_lease_time': '3600',
      'dhcp.option.subnet_mask': '255.255.255.0',
      'dhcp.option.router': '10.0.0.1',
      'dhcp.option.domain_name_server': '10.0.0.53',
      'dhcp.option.renewal_time_value': '1800',
      'dhcp.option.rebinding_time_value': '3150',
    };
    expect(offerRow).toMatchObject(lease);
    expect(ackRow).toMatchObject(lease);
    expect(requestRow).toMatchObject({
      'dhcp.option.type': '53,50,54,55',
      'dhcp.option.requested_ip_address': '10.0.0.100',
      'dhcp.option.dhcp_server_id': '10.0.0.1',
    });
  });

  it('dissects a NAK (broadcast, no address, a message) and a unicast RELEASE', () => {
    const names =
      'ip.src ip.dst eth.dst dhcp.option.dhcp dhcp.id dhcp.ip.client dhcp.ip.your dhcp.hw.mac_addr dhcp.option.dhcp_server_id dhcp.option.message';
    const rows = fields(file, names)
      .slice(11)
      .map((row) => names.split(' ').map((name) => row[name]));
    const broadcast = ['255.255.255.255', 'ff:ff:ff:ff:ff:ff'];
    const none = ['0.0.0.0', '0.0.0.0'];
    const peer = ['02:00:0a:00:00:03', '10.0.0.1'];
    const released = ['10.0.0.100', '10.0.0.1', '02:00:0a:00:00:01'];
    const laptop = ['02:00:0a:00:00:64', '10.0.0.1'];
    expect(rows).toEqual([
      ['0.0.0.0', ...broadcast, '3', '0x00001234', ...none, ...peer, ''],
      ['10.0.0.1', ...broadcast, '6', '0x00001234', ...none, ...peer, 'address in use'],
      // The RELEASE: unicast from the client's address to the server's MAC, ciaddr set.
      [...released, '7', '0x00000077', '10.0.0.100', '0.0.0.0', ...laptop, ''],
    ]);
  });

  it('shows the padding after End as padding', () => {
    const verbose = tshark(['-r', file, ...VALIDATE, '-V', '-Y', 'dhcp.option.dhcp == 1']);
    expect(verbose).toMatch(/Padding: 0{10}/);
    expect(verbose).toMatch(/DHCP: Discover \(1\)/);
  });
});

describe('tshark checks the FCS when frames carry one', () => {
  it('finds every frame check sequence good', () => {
    const file = writeCapture('fcs.pcap', FRAMES, true);
    const prefs = ['-o', 'eth.fcs:TRUE', '-o', 'eth.check_fcs:TRUE'];
    const out = tshark([
      '-r',
      file,
      ...prefs,
      '-T',
      'fields',
      '-e',
      'frame.len',
      '-e',
      'eth.fcs.status',
    ]);
    const rows = out
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    // The frame sizes of IEEE 802.3, 64 to 1518: each one the capture's length plus 4.
    expect(rows.map((r) => Number(r[0]))).toEqual(
      FRAMES.map((f) => ethernetWireLength(f.payload.length)),
    );
    expect(rows.map((r) => Number(r[0]) - 4)).toEqual(SIZES);
    // 1 is PROTO_CHECKSUM_E_GOOD (epan/proto.h).
    expect(rows.map((r) => r[1])).toEqual(new Array(FRAMES.length).fill('1'));
    expect(tshark(['-r', file, ...prefs, '-Y', '_ws.malformed || eth.fcs_bad'])).toBe('');
  });
});
