// The packet inspector in German: the field explanations, values, notes and layer summaries of a
// TCP SYN, a DNS datagram and a pinger's request, the application message's and the journey's
// words; each phrasebook complete; English still the default. Expected German written by hand.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { portUnreachable } from '../../net/wire/icmpErrors.ts';
import { parseIpv4 } from '../../net/wire/ipv4Address.ts';
import { ipv4Header, tcpFlags, type Packet, type Transport } from '../../net/wire/packet.ts';
import { decodeApp, dnsKindText } from '../dissect/appMessage.ts';
import { fieldHelp } from '../dissect/fieldHelp.ts';
import { FIELD_HELP_EN } from '../dissect/fieldHelpPhrases.ts';
import { FIELD_HELP_DE } from '../dissect/fieldHelpPhrases.de.ts';
import { dissectPacket, flattenFields, type PacketDissection } from '../dissect/packetFields.ts';
import { PACKET_EN } from './packetPhrases.ts';
import { PACKET_DE } from './packetPhrases.de.ts';
import { dropReason, messageText, retransmitReason } from './packetTrace.ts';

function ip(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

function packet(transport: Transport, payload = new Uint8Array(0)): Packet {
  return {
    id: 1,
    ip: ipv4Header({ src: ip('10.0.1.10'), dst: ip('10.0.2.20'), ttl: 61 }),
    transport,
    payload,
  };
}

const hex = (text: string) =>
  Uint8Array.from((text.replace(/\s+/g, '').match(/../g) ?? []).map((h) => parseInt(h, 16)));

/** A SYN with one option (MSS 1460): a 24-byte TCP header, 44 bytes in all. */
const SYN: Transport = {
  kind: 'tcp',
  srcPort: 59820,
  dstPort: 5001,
  seq: 4264223101,
  ack: 0,
  flags: tcpFlags({ syn: true }),
  window: 65535,
  urgentPointer: 0,
  options: [{ kind: 'mss', value: 1460 }],
};

const udp = (srcPort: number, dstPort: number): Transport => ({ kind: 'udp', srcPort, dstPort });

/** A DNS response (RFC 1035: QR RD RA, RCODE 0) for www.example.com A with no answer. */
const DNS_NO_ANSWER = hex(`
  12 34 81 80 00 01 00 00 00 00 00 00
  03 77 77 77 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 01 00 01`);

function byId(d: PacketDissection, id: string) {
  const row = flattenFields(d.layers).find((r) => r.field.id === id);
  if (!row) throw new Error(`no field ${id}`);
  return row.field;
}

describe('the packet inspector’s phrasebooks', () => {
  it('translate every explanation and word, with the same parameters', () => {
    expect(translationProblems(FIELD_HELP_EN, FIELD_HELP_DE)).toEqual([]);
    expect(translationProblems(PACKET_EN, PACKET_DE)).toEqual([]);
  });
});

describe('a TCP SYN in German', () => {
  const d = dissectPacket(packet(SYN), { language: 'de' });

  it('explains its fields in German, under the names Wireshark shows', () => {
    const syn = byId(d, 'tcp.flags.syn');
    expect(syn.name).toBe('SYN (synchronize)');
    expect(syn.value).toBe('gesetzt');
    expect(syn.about).toBe(
      'Synchronize: öffnet eine Verbindung und teilt die initiale Sequenznummer mit. Nur das erste Segment jeder Seite hat es.',
    );
    expect(byId(d, 'tcp.flags.ack').value).toBe('nicht gesetzt');
    expect(byId(d, 'ip.ttl').about).toBe(
      'Time to live: wie viele Hops bleiben, bevor ein Router das Paket verwirft; jeder Router senkt den Wert um eins. So kreist kein Paket ewig.',
    );
    expect(byId(d, 'tcp.dstPort').about).toBe(
      'Der Port des Empfängers: welcher Socket, also welches Programm, auf dem empfangenden Host dieses Segment bekommt. Server lauschen auf bekannten Ports.',
    );
    expect(byId(d, 'tcp.option.0').about).toBe(
      'Maximum Segment Size: die größte Datenmenge, die diese Seite in einem Segment haben will. Wird nur in SYN-Segmenten gesendet.',
    );
  });

  it('writes its values and notes in German', () => {
    expect(byId(d, 'ip.totalLength').value).toBe('44 Bytes');
    expect(byId(d, 'ip.dscp').value).toBe('0 (Best Effort)');
    expect(byId(d, 'ip.ecn').value).toBe('0 (nicht genutzt)');
    expect(byId(d, 'ip.flags').value).toBe('DF');
    expect(byId(d, 'ip.checksum').value).toMatch(/^0x[0-9a-f]{4} \(korrekt\)$/);
    expect(byId(d, 'tcp.dataOffset').value).toBe('6 (24 Bytes)');
    expect(byId(d, 'tcp.window').value).toBe('65535 Bytes');
    expect(byId(d, 'tcp.option.0').value).toBe('1460 Bytes');
    expect(byId(d, 'tcp.seq').value).toBe('4264223101 (roh)');
    expect(byId(d, 'tcp.seq').note).toBe(
      'roh: Das SYN, das die Verbindung geöffnet hat, ist nicht im Trace',
    );
    expect(byId(d, 'tcp.ack').note).toBe('nicht genutzt: Das ACK-Flag ist nicht gesetzt');
    const relative = dissectPacket(packet(SYN), { language: 'de', isns: { sender: 4264223101 } });
    expect(byId(relative, 'tcp.seq').value).toBe('0 (relativ)');
    expect(byId(relative, 'tcp.seq').note).toBe(
      'roh 4264223101; gezählt ab der initialen Sequenznummer (ISN) 4264223101, wie Wireshark es tut',
    );
  });

  it('sums up each layer in German', () => {
    expect(d.layers.map((l) => l.summary)).toEqual([
      'Internet Protocol Version 4, 10.0.1.10 → 10.0.2.20, TTL 61, 44 Bytes',
      'Transmission Control Protocol, Port 59820 → 5001, SYN, seq 4264223101, 0 Bytes Daten',
    ]);
  });

  it('is English by default, as before', () => {
    const english = dissectPacket(packet(SYN));
    expect(english).toEqual(dissectPacket(packet(SYN), { language: 'en' }));
    expect(english.layers[1]?.summary).toBe(
      'Transmission Control Protocol, port 59820 → 5001, SYN, seq 4264223101, 0 bytes of data',
    );
    expect(byId(english, 'tcp.flags.syn').value).toBe('set');
    expect(fieldHelp('ip.ttl')).toMatch(/^Time to live: hops left/);
  });
});

describe('a DNS datagram and a pinger’s request in German', () => {
  it('sums up the UDP and application layers and names a DNS reply', () => {
    const p = packet(udp(53, 49153), DNS_NO_ANSWER);
    const d = dissectPacket(p, { language: 'de' });
    expect(d.layers.map((l) => [l.name, l.summary])).toEqual([
      ['IPv4', 'Internet Protocol Version 4, 10.0.1.10 → 10.0.2.20, TTL 61, 61 Bytes'],
      ['UDP', 'User Datagram Protocol, Port 53 → 49153, 33 Bytes Daten'],
      ['Anwendungsdaten', 'Anwendungsdaten, 33 Bytes'],
    ]);
    expect(byId(d, 'udp.length').value).toBe('41 Bytes (8 Header, 33 Daten)');
    const part = decodeApp(p, 'de');
    expect(part?.name).toBe('DNS-Antwort www.example.com');
    expect(decodeApp(p)?.name).toBe('DNS reply www.example.com');
    expect(part?.protocol === 'DNS' && dnsKindText(part.kind, 'de')).toBe('Antwort');
    expect(dnsKindText('query', 'de')).toBe('Anfrage');
    expect(dnsKindText('query')).toBe('query');
  });

  it('names the pinger’s request, its attempt and its padding', () => {
    // Request 3, attempt 1, then 8 bytes of zeros: 16 bytes to the echo port.
    const payload = hex('00 00 00 03 00 00 00 01 00 00 00 00 00 00 00 00');
    const d = dissectPacket(packet(udp(49153, 7), payload), {
      language: 'de',
      message: { kind: 'request', seq: 3, attempt: 1 },
    });
    expect(d.layers[2]?.summary).toBe('Anwendungsdaten, 16 Bytes, Anfrage 3 (Wiederholung 1)');
    expect(byId(d, 'data.requestNumber').name).toBe('Nummer der Anfrage');
    expect(byId(d, 'data.attempt').value).toBe('1 (Wiederholung 1)');
    expect(byId(d, 'data.padding').value).toBe('8 Bytes Nullen');
  });

  it('says an ICMP error’s quote in German', () => {
    const request = packet(udp(49153, 9), new Uint8Array(4));
    const error = portUnreachable(request, { id: 2, src: request.ip.dst });
    const d = dissectPacket(error, { language: 'de' });
    // RFC 792: the offending datagram's IP header (20 bytes) and its first 8 data bytes.
    const quote = d.layers.find((l) => l.id === 'quote');
    expect(quote?.name).toBe('Zitiertes Datagramm');
    expect(quote?.summary).toBe(
      'Der Anfang des Pakets, um das es bei diesem Fehler geht, 28 Bytes',
    );
    expect(byId(d, 'quote.ip.ttl').about).toBe(fieldHelp('ip.ttl', 'de'));
  });

  it('marks encrypted TLS records in German', () => {
    const tls: Transport = {
      ...SYN,
      srcPort: 49152,
      dstPort: 443,
      flags: tcpFlags({ ack: true }),
      options: [],
    };
    const p = packet(tls, hex('17 03 03 00 05 01 02 03 04 05'));
    expect(decodeApp(p, 'de')?.name).toBe('TLS Anwendungsdaten (verschlüsselt)');
    expect(decodeApp(p)?.name).toBe('TLS application data (encrypted)');
  });
});

describe('a packet’s journey in German', () => {
  it('says why a packet was dropped or sent again, and names the pinger’s messages', () => {
    expect(dropReason('ttl', 'de')).toBe('TTL abgelaufen');
    expect(dropReason('queueFull', 'de')).toBe('Warteschlange voll');
    expect(dropReason('somethingNew', 'de')).toBe('somethingNew');
    expect(dropReason('ttl')).toBe('TTL ran out');
    expect(retransmitReason('fastRetransmit', 'de')).toBe('Fast Retransmit');
    expect(retransmitReason('partialAck', 'de')).toBe('partielles ACK');
    expect(messageText({ kind: 'reply', seq: 3, attempt: 0 }, 'de')).toBe('Antwort 3');
    expect(messageText({ kind: 'request', seq: 3, attempt: 2 }, 'de')).toBe(
      'Anfrage 3 (Wiederholung 2)',
    );
    expect(messageText({ kind: 'request', seq: 3, attempt: 2 })).toBe('request 3 (retry 2)');
  });
});
