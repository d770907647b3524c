// The encapsulation quiz in German: every kind of question (IPv4's protocol, addresses and TTL,
// the ports, TCP's flags, ICMP's type, the application's protocol and message kind) with its
// choices and explanation, on packets written byte by byte; the phrasebook complete; English
// still the default. Expected German written by hand.
import { describe, expect, it } from 'vitest';
import { translationProblems, type Language } from '../../engine/language.ts';
import { decodePacket } from '../../net/wire/packetCodec.ts';
import { decodeApp } from '../dissect/appMessage.ts';
import { dissectBytes } from '../dissect/packetFields.ts';
import {
  encapsulationQuiz,
  flagsText,
  type QuizContext,
  type QuizQuestion,
} from './encapsulationQuiz.ts';
import { QUIZ_EN } from './quizPhrases.ts';
import { QUIZ_DE } from './quizPhrases.de.ts';

const hex = (text: string) =>
  Uint8Array.from((text.replace(/\s+/g, '').match(/../g) ?? []).map((h) => parseInt(h, 16)));

/** IPv4 TTL 63, protocol 6, 10.0.0.1 -> 10.0.1.2; TCP 49152 -> 80, seq 1, flags 0x02 (SYN). */
const SYN = hex(`
  45 00 00 28 00 00 40 00 3f 06 00 00 0a 00 00 01 0a 00 01 02
  c0 00 00 50 00 00 00 01 00 00 00 00 50 02 ff ff 00 00 00 00`);

/** The SYN+ACK back: 80 -> 49152, flags 0x12, TTL 64. */
const SYN_ACK = hex(`
  45 00 00 28 00 00 40 00 40 06 00 00 0a 00 01 02 0a 00 00 01
  00 50 c0 00 00 00 00 09 00 00 00 02 50 12 ff ff 00 00 00 00`);

/**
 * An HTTP request (RFC 9112) in one PSH+ACK segment (flags 0x18): "GET / HTTP/1.1\r\n" (16
 * bytes), "Host: a\r\n" (9), "\r\n" (2): 27 bytes of data, IPv4 total length 20 + 20 + 27 = 67.
 */
const HTTP_GET = hex(`
  45 00 00 43 00 00 40 00 40 06 00 00 0a 00 00 01 0a 00 01 02
  c0 00 00 50 00 00 00 01 00 00 00 01 50 18 ff ff 00 00 00 00
  47 45 54 20 2f 20 48 54 54 50 2f 31 2e 31 0d 0a
  48 6f 73 74 3a 20 61 0d 0a 0d 0a`);

/** A DNS query for www.example.com A: 10.0.0.1:49153 -> 10.0.0.53:53. */
const DNS_QUERY = hex(`
  45 00 00 3d 00 00 00 00 40 11 00 00 0a 00 00 01 0a 00 00 35
  c0 01 00 35 00 29 00 00
  12 34 01 00 00 01 00 00 00 00 00 00
  03 77 77 77 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 01 00 01`);

/** A pinger's request over UDP to the echo port 7: 49153 -> 7, 8 bytes (request 1, attempt 0). */
const ECHO = hex(`
  45 00 00 24 00 00 00 00 40 11 00 00 0a 00 00 01 0a 00 00 02
  c0 01 00 07 00 10 00 00
  00 00 00 01 00 00 00 00`);

/** An ICMP echo request (type 8, code 0) with 4 bytes of data. */
const PING = hex(`
  45 00 00 20 00 00 00 00 40 01 00 00 0a 00 00 01 0a 00 00 02
  08 00 00 00 00 07 00 01 61 62 63 64`);

function quizOf(bytes: Uint8Array, context: QuizContext = {}, language: Language = 'de') {
  const decoded = decodePacket(bytes, 1);
  if (!decoded.ok) throw new Error(decoded.error);
  return encapsulationQuiz(dissectBytes(bytes, { language }), {
    app: decodeApp(decoded.packet, language),
    language,
    ...context,
  });
}

/** The question about `field`: prompt, choices, the right one, explanation. */
function asked(bytes: Uint8Array, field: string, context: QuizContext = {}) {
  const q = quizOf(bytes, context)
    .flatMap((l) => l.questions)
    .find((x) => x.field === field) as QuizQuestion;
  return { prompt: q.prompt, choices: q.choices, right: q.choices[q.answer], explain: q.explain };
}

describe('the quiz’s phrasebook', () => {
  it('translates every word, with the same parameters', () => {
    expect(translationProblems(QUIZ_EN, QUIZ_DE)).toEqual([]);
  });
});

describe('the encapsulation quiz in German', () => {
  it('asks IPv4’s protocol, addresses and TTL', () => {
    const context = { previousTtl: 64, forwarder: 'r1' };
    expect(asked(SYN, 'ip.protocol', context)).toEqual({
      prompt: 'Protocol: Was trägt das Paket laut IPv4-Header?',
      choices: ['1 (ICMP)', '6 (TCP)', '17 (UDP)'],
      right: '6 (TCP)',
      explain:
        'Protocol 6 (TCP): Die Protokollnummern der IANA sind 1 für ICMP, 6 für TCP und 17 für UDP.',
    });
    const src = asked(SYN, 'ip.src', context);
    expect([src.prompt, src.right, src.explain]).toEqual([
      'Source address: Wer hat dieses Paket gesendet?',
      '10.0.0.1',
      'Die Quelle ist 10.0.0.1, der Host, der das Paket erzeugt hat; Router unterwegs ändern sie nicht.',
    ]);
    const dst = asked(SYN, 'ip.dst', context);
    expect([dst.prompt, dst.right, dst.explain]).toEqual([
      'Destination address: Wohin geht es?',
      '10.0.1.2',
      'Das Ziel ist 10.0.1.2; jeder Router unterwegs liest es, um die nächste Leitung zu wählen.',
    ]);
    expect(asked(SYN, 'ip.ttl', context)).toEqual({
      prompt: 'Time to live: Es kam mit TTL 64 bei r1 an. Welche TTL trägt es auf dieser Leitung?',
      choices: ['65', '64', '63', '62'],
      right: '63',
      explain:
        'Aus 64 wurde 63: Ein Router senkt die TTL um eins, bevor er ein Paket weiterleitet (RFC 791, RFC 1812).',
    });
    // Forwarded as it was (TTL 64 before and after), by a node the context does not name.
    const same = asked(SYN_ACK, 'ip.ttl', { previousTtl: 64 });
    expect([same.prompt, same.explain]).toEqual([
      'Time to live: Es kam mit TTL 64 beim Knoten vor dieser Leitung an. Welche TTL trägt es auf dieser Leitung?',
      'Immer noch 64: Der Knoten vor dieser Leitung hat es weitergeleitet, ohne den IP-Header anzufassen, wie ein Switch.',
    ]);
    expect(asked(SYN_ACK, 'ip.ttl', { previousTtl: 64, forwarder: 's1' }).explain).toBe(
      'Immer noch 64: s1 hat es weitergeleitet, ohne den IP-Header anzufassen, wie ein Switch.',
    );
  });

  it('asks the ports: an ephemeral one and a well-known one', () => {
    const src = asked(SYN, 'tcp.srcPort');
    expect([src.prompt, src.right, src.explain]).toEqual([
      'Source port: Von welchem Port aus hat der Sender gesendet?',
      '49152',
      'Der Quellport 49152 ist ein ephemerer Port (49152–65535, RFC 6335), den das System des Clients gewählt hat.',
    ]);
    const dst = asked(SYN, 'tcp.dstPort');
    expect([dst.prompt, dst.right, dst.explain]).toEqual([
      'Destination port: An welchen Port ist es adressiert?',
      '80 (HTTP)',
      'Der Zielport 80 ist der bekannte Port von HTTP (IANA), auf dem sein Server lauscht.',
    ]);
  });

  it('asks TCP’s flags and says why, for a SYN, a SYN+ACK and a data segment', () => {
    const syn = asked(SYN, 'tcp.flags');
    expect(syn.prompt).toBe('Flags: Welche Steuerbits sind gesetzt?');
    expect(syn.right).toBe('SYN');
    expect(syn.explain).toBe(
      'Nur SYN: das erste Segment des Drei-Wege-Handshakes; der Client bittet darum, eine Verbindung zu öffnen (RFC 9293, Abschnitt 3.5).',
    );
    expect(asked(SYN_ACK, 'tcp.flags').explain).toBe(
      'SYN + ACK: das zweite Segment des Drei-Wege-Handshakes; der Server nimmt die Verbindung an und bestätigt das SYN des Clients (RFC 9293, Abschnitt 3.5).',
    );
    const data = asked(HTTP_GET, 'tcp.flags');
    expect(data.right).toBe('PSH + ACK');
    expect(data.explain).toBe(
      'Das Segment trägt 27 Bytes Daten (PSH: Gib sie sofort an die Anwendung weiter) und bestätigt, was bisher angekommen ist.',
    );
    expect(flagsText(0, 'de')).toBe('keine');
  });

  it('asks ICMP’s type', () => {
    expect(asked(PING, 'icmp.type')).toEqual({
      prompt: 'Type: Welche ICMP-Nachricht ist es?',
      choices: [
        '0 (echo reply)',
        '3 (destination unreachable)',
        '8 (echo request)',
        '11 (time exceeded)',
      ],
      right: '8 (echo request)',
      explain:
        'Type 8 (echo request): RFC 792 nummeriert echo request mit 8, echo reply mit 0, destination unreachable mit 3 und time exceeded mit 11.',
    });
  });

  it('asks the application’s protocol and whether it is a request or an answer', () => {
    const protocol = asked(HTTP_GET, 'app.protocol');
    expect([protocol.prompt, protocol.right, protocol.explain]).toEqual([
      'Anwendungsprotokoll: Was steckt in den Daten?',
      'HTTP',
      'HTTP/1.1 (RFC 9112): Die Daten beginnen mit „GET / HTTP/1.1“.',
    ]);
    expect(asked(HTTP_GET, 'app.kind')).toEqual({
      prompt: 'Ist es eine Anfrage oder eine Antwort?',
      choices: ['Anfrage', 'Antwort'],
      right: 'Anfrage',
      explain: 'Es ist eine Anfrage: GET /.',
    });
    expect(asked(DNS_QUERY, 'app.protocol').explain).toBe(
      'DNS (RFC 1035): eine Anfrage nach www.example.com A.',
    );
    expect(asked(DNS_QUERY, 'app.kind')).toEqual({
      prompt: 'Ist es eine Anfrage oder eine Antwort?',
      choices: ['Anfrage', 'Antwort'],
      right: 'Anfrage',
      explain: 'Es ist eine Anfrage: DNS A? www.example.com.',
    });
    const echo = { echo: { kind: 'request' as const } };
    expect(asked(ECHO, 'app.protocol', echo).explain).toBe(
      'Echo: Der Pinger sendet ein paar Bytes, und der Echo-Server schickt dieselben Bytes zurück (Port 7, RFC 862).',
    );
    expect(asked(ECHO, 'app.kind', echo)).toEqual({
      prompt: 'Ist es eine Anfrage oder eine Antwort?',
      choices: ['Anfrage', 'Antwort'],
      right: 'Anfrage',
      explain: 'Eine Anfrage: Der Client fragt und schickt seine Anfragenummer mit.',
    });
  });

  it('names the layers and what each is before it is shown', () => {
    const layers = quizOf(DNS_QUERY);
    expect(layers.map((l) => [l.name, l.role, l.summary])).toEqual([
      [
        'IPv4',
        'Netzwerk-Header',
        'Internet Protocol Version 4, 10.0.0.1 → 10.0.0.53, TTL 64, 61 Bytes',
      ],
      ['UDP', 'Transport-Header', 'User Datagram Protocol, Port 49153 → 53, 33 Bytes Daten'],
      ['Anwendung: DNS', 'Nutzdaten', 'Anwendungsdaten, 33 Bytes'],
    ]);
    expect(quizOf(ECHO, { echo: { kind: 'reply' } })[2]?.name).toBe('Anwendung: Echo');
    expect(quizOf(PING)[1]?.role).toBe('Header in IPv4');
  });

  it('is English by default, as before', () => {
    const english = quizOf(HTTP_GET, {}, 'en');
    const decoded = decodePacket(HTTP_GET, 1);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(encapsulationQuiz(dissectBytes(HTTP_GET), { app: decodeApp(decoded.packet) })).toEqual(
      english,
    );
    const kind = english[2]?.questions.find((q) => q.field === 'app.kind');
    expect(kind?.prompt).toBe('Is it a request or a response?');
    expect(kind?.choices).toEqual(['request', 'response']);
    expect(english[2]?.name).toBe('Application: HTTP');
    expect(english[1]?.questions.find((q) => q.field === 'tcp.flags')?.explain).toBe(
      'The segment carries 27 bytes of data (PSH: hand them to the application now) and acknowledges what arrived so far.',
    );
  });
});
