// The packet inspector's DHCP layer: every fixed field at its RFC 2131 figure 1 offset, each
// option laid out as RFC 2132 says, the padding to 300 bytes, byte ranges moved along inside a
// frame, the hex dump pointing at the right field, and the words and help in German.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { encodeDhcpMessage, type DhcpMessage } from '../../net/app/dhcp/dhcpMessage.ts';
import { ipv4Header, type Packet } from '../../net/wire/packet.ts';
import { macFromNumber } from '../../net/wire/mac.ts';
import { DHCP_FIELD_EN } from './dhcpFieldPhrases.ts';
import { DHCP_FIELD_DE } from './dhcpFieldPhrases.de.ts';
import { DHCP_FIELD_HELP_EN } from './fieldHelpDhcp.ts';
import { DHCP_FIELD_HELP_DE } from './fieldHelpDhcp.de.ts';
import { dissectFrame } from './frameFields.ts';
import {
  dissectPacket,
  fieldAtByte,
  flattenFields,
  type PacketDissection,
} from './packetFields.ts';

const MAC = macFromNumber(0x02000a000064);
/** IPv4 header (20) and UDP header (8): the DHCP message starts at byte 28 of the packet. */
const AT = 28;

function datagram(message: DhcpMessage, srcPort = 68, dstPort = 67): Packet {
  return {
    id: 1,
    ip: ipv4Header({ src: 0, dst: 0xffffffff, ttl: 64 }),
    transport: { kind: 'udp', srcPort, dstPort },
    payload: encodeDhcpMessage(message),
  };
}

const base = {
  hops: 0,
  secs: 3,
  ciaddr: 0,
  yiaddr: 0,
  siaddr: 0,
  giaddr: 0,
  chaddr: MAC,
  sname: '',
  file: '',
};

/** A DISCOVER asking for an address, with a parameter request list and a client identifier. */
const DISCOVER: DhcpMessage = {
  ...base,
  op: 'request',
  xid: 0x3903f326,
  broadcast: true,
  options: {
    messageType: 'DISCOVER',
    requestedIp: 0xc0a80164, // 192.168.1.100
    parameterRequestList: [1, 3, 6, 51],
    other: [{ code: 61, data: Uint8Array.of(1, 2, 0, 10, 0, 0, 0x64) }],
  },
};

/** An ACK with everything a lease carries. */
const ACK: DhcpMessage = {
  ...base,
  op: 'reply',
  xid: 0x3903f326,
  secs: 0,
  broadcast: false,
  yiaddr: 0xc0a80164,
  options: {
    messageType: 'ACK',
    subnetMask: 0xffffff00,
    routers: [0xc0a80101],
    dnsServers: [0xc0a80101, 0x08080808],
    leaseSeconds: 3600,
    serverId: 0xc0a80101,
    renewalSeconds: 1800,
    rebindingSeconds: 3150,
  },
};

function byId(d: PacketDissection, id: string) {
  const row = flattenFields(d.layers).find((r) => r.field.id === id);
  if (!row) throw new Error(`no field ${id}`);
  return row.field;
}

/** A field's bytes relative to the DHCP message: [first, last]. */
function range(d: PacketDissection, id: string, at = AT): [number, number] {
  const f = byId(d, id);
  return [f.offset - at, f.offset - at + f.length - 1];
}

describe('a DHCP DISCOVER in the packet inspector', () => {
  const d = dissectPacket(datagram(DISCOVER));
  const dhcp = d.layers.at(-1);

  it('is a DHCP layer after UDP covering the whole payload', () => {
    expect(d.layers.map((l) => l.name)).toEqual(['IPv4', 'UDP', 'DHCP']);
    expect(dhcp?.offset).toBe(AT);
    expect(dhcp?.length).toBe(300);
    expect(dhcp?.summary).toBe(
      'Dynamic Host Configuration Protocol (DISCOVER), transaction ID 0x3903f326',
    );
  });

  it('puts the fixed fields where RFC 2131 figure 1 does', () => {
    expect(range(d, 'dhcp.op')).toEqual([0, 0]);
    expect(range(d, 'dhcp.htype')).toEqual([1, 1]);
    expect(range(d, 'dhcp.hlen')).toEqual([2, 2]);
    expect(range(d, 'dhcp.hops')).toEqual([3, 3]);
    expect(range(d, 'dhcp.xid')).toEqual([4, 7]);
    expect(range(d, 'dhcp.secs')).toEqual([8, 9]);
    expect(range(d, 'dhcp.flags')).toEqual([10, 11]);
    expect(range(d, 'dhcp.ciaddr')).toEqual([12, 15]);
    expect(range(d, 'dhcp.yiaddr')).toEqual([16, 19]);
    expect(range(d, 'dhcp.siaddr')).toEqual([20, 23]);
    expect(range(d, 'dhcp.giaddr')).toEqual([24, 27]);
    expect(range(d, 'dhcp.chaddr')).toEqual([28, 43]);
    expect(range(d, 'dhcp.chaddr.mac')).toEqual([28, 33]);
    expect(range(d, 'dhcp.chaddr.padding')).toEqual([34, 43]);
    expect(range(d, 'dhcp.sname')).toEqual([44, 107]);
    expect(range(d, 'dhcp.file')).toEqual([108, 235]);
    expect(range(d, 'dhcp.cookie')).toEqual([236, 239]);
    expect(byId(d, 'dhcp.options').offset - AT).toBe(240);
  });

  it('reads the fixed fields’ values', () => {
    expect(byId(d, 'dhcp.op').value).toBe('Boot Request (1)');
    expect(byId(d, 'dhcp.htype').value).toBe('Ethernet (1)');
    expect(byId(d, 'dhcp.hlen').value).toBe('6');
    expect(byId(d, 'dhcp.hops').value).toBe('0');
    expect(byId(d, 'dhcp.xid').value).toBe('0x3903f326');
    expect(byId(d, 'dhcp.secs').value).toBe('3 seconds');
    expect(byId(d, 'dhcp.flags').value).toBe('0x8000 (broadcast)');
    const broadcast = byId(d, 'dhcp.flags.broadcast');
    expect(broadcast.bits).toEqual({ first: 0, count: 1 });
    expect(broadcast.value).toBe('set');
    expect(byId(d, 'dhcp.flags.reserved').bits).toEqual({ first: 1, count: 15 });
    expect(byId(d, 'dhcp.ciaddr').value).toBe('0.0.0.0');
    expect(byId(d, 'dhcp.chaddr').value).toBe('02:00:0a:00:00:64');
    expect(byId(d, 'dhcp.sname').value).toBe('not given');
    expect(byId(d, 'dhcp.file').value).toBe('not given');
    expect(byId(d, 'dhcp.cookie').value).toBe('DHCP (99.130.83.99)');
  });

  it('lays out each option as code, length and data (RFC 2132)', () => {
    // 53 first, then by code: 50, 55, then the raw 61, End, and padding to 300.
    expect(byId(d, 'dhcp.options').children?.map((f) => [f.name, f.offset - AT, f.length])).toEqual(
      [
        ['Option: (53) DHCP Message Type', 240, 3],
        ['Option: (50) Requested IP Address', 243, 6],
        ['Option: (55) Parameter Request List', 249, 6],
        ['Option: (61) Client identifier', 255, 9],
        ['Option: (255) End', 264, 1],
      ],
    );
    expect(byId(d, 'dhcp.option.0').value).toBe('DISCOVER (1)');
    expect(range(d, 'dhcp.option.0.code')).toEqual([240, 240]);
    expect(range(d, 'dhcp.option.0.length')).toEqual([241, 241]);
    expect(range(d, 'dhcp.option.0.value')).toEqual([242, 242]);
    expect(byId(d, 'dhcp.option.1').value).toBe('192.168.1.100');
    expect(range(d, 'dhcp.option.1.value')).toEqual([245, 248]);
    expect(byId(d, 'dhcp.option.2').value).toBe(
      '1 (Subnet Mask), 3 (Router), 6 (Domain Name Server), 51 (IP Address Lease Time)',
    );
    expect(byId(d, 'dhcp.option.3').value).toBe('Ethernet (1), 02:00:0a:00:00:64');
    expect(byId(d, 'dhcp.padding').offset - AT).toBe(265);
    expect(byId(d, 'dhcp.padding').value).toBe('35 bytes of zeros');
  });

  it('explains each field and option', () => {
    expect(byId(d, 'dhcp.xid').about).toMatch(/^Transaction ID: a random number/);
    expect(byId(d, 'dhcp.option.0').about).toMatch(/^What this DHCP message is/);
    expect(byId(d, 'dhcp.option.3').about).toMatch(/^Client identifier/);
    expect(byId(d, 'dhcp.option.4').about).toBe('End (255): the options end here.');
    expect(byId(d, 'dhcp.option.2.code').about).toBe(
      'Which option this is (its number in RFC 2132).',
    );
    for (const row of flattenFields(d.layers)) expect(row.field.about, row.field.id).not.toBe('');
  });

  it('points the hex dump at the field under each byte', () => {
    expect(fieldAtByte(d.layers, AT + 5)?.id).toBe('dhcp.xid');
    expect(fieldAtByte(d.layers, AT + 30)?.id).toBe('dhcp.chaddr.mac');
    expect(fieldAtByte(d.layers, AT + 100)?.id).toBe('dhcp.sname');
    expect(fieldAtByte(d.layers, AT + 238)?.id).toBe('dhcp.cookie');
    expect(fieldAtByte(d.layers, AT + 246)?.id).toBe('dhcp.option.1.value');
    expect(fieldAtByte(d.layers, AT + 280)?.id).toBe('dhcp.padding');
  });

  it('keeps its byte ranges inside an Ethernet frame, 14 bytes on', () => {
    const framed = dissectFrame(datagram(DISCOVER));
    expect(framed.layers.map((l) => l.name)).toEqual(['Ethernet II', 'IPv4', 'UDP', 'DHCP']);
    expect(range(framed, 'dhcp.xid', AT + 14)).toEqual([4, 7]);
    expect(range(framed, 'dhcp.option.1.value', AT + 14)).toEqual([245, 248]);
    expect([...framed.bytes.subarray(AT + 14 + 236, AT + 14 + 240)]).toEqual([99, 130, 83, 99]);
  });
});

describe('a DHCP ACK in the packet inspector', () => {
  const d = dissectPacket(datagram(ACK, 67, 68));

  it('reads the lease’s options', () => {
    expect(byId(d, 'dhcp.op').value).toBe('Boot Reply (2)');
    expect(byId(d, 'dhcp.flags').value).toBe('0x0000 (unicast)');
    expect(byId(d, 'dhcp.yiaddr').value).toBe('192.168.1.100');
    const options = byId(d, 'dhcp.options').children ?? [];
    expect(options.map((f) => [f.name, f.value])).toEqual([
      ['Option: (53) DHCP Message Type', 'ACK (5)'],
      ['Option: (1) Subnet Mask', '255.255.255.0'],
      ['Option: (3) Router', '192.168.1.1'],
      ['Option: (6) Domain Name Server', '192.168.1.1, 8.8.8.8'],
      ['Option: (51) IP Address Lease Time', '3600 seconds (1 h)'],
      ['Option: (54) DHCP Server Identifier', '192.168.1.1'],
      ['Option: (58) Renewal Time Value', '1800 seconds (30 min)'],
      ['Option: (59) Rebinding Time Value', '3150 seconds (52 min 30 s)'],
      ['Option: (255) End', '255'],
    ]);
    // Option 6 holds two addresses: 8 bytes of data after code and length.
    expect(options[3]?.length).toBe(10);
    expect(options[3]?.children?.[2]?.length).toBe(8);
  });

  it('is explained and worded in German', () => {
    const de = dissectPacket(datagram(ACK, 67, 68), { language: 'de' });
    expect(de.layers.at(-1)?.summary).toBe(
      'Dynamic Host Configuration Protocol (ACK), Transaktions-ID 0x3903f326',
    );
    expect(byId(de, 'dhcp.flags').value).toBe('0x0000 (Unicast)');
    expect(byId(de, 'dhcp.sname').value).toBe('nicht angegeben');
    expect(byId(de, 'dhcp.option.4').value).toBe('3600 Sekunden (1 h)');
    expect(byId(de, 'dhcp.yiaddr').about).toBe(
      '„Deine“ IP-Adresse: die Adresse, die der Server dem Client anbietet (OFFER) oder zuteilt (ACK). Von einem Client 0.0.0.0.',
    );
    expect(byId(de, 'dhcp.option.3').about).toMatch(/^DNS-Server, die der Client fragen soll/);
  });
});

describe('what is not a DHCP message', () => {
  it('stays application data on other ports', () => {
    const d = dissectPacket(datagram(DISCOVER, 5000, 5001));
    expect(d.layers.at(-1)?.id).toBe('data');
    expect(d.layers.at(-1)?.name).toBe('Application data');
  });
});

describe('the DHCP words and explanations', () => {
  it('are all in German, with the same parameters', () => {
    expect(translationProblems(DHCP_FIELD_HELP_EN, DHCP_FIELD_HELP_DE)).toEqual([]);
    expect(translationProblems(DHCP_FIELD_EN, DHCP_FIELD_DE)).toEqual([]);
  });
});
