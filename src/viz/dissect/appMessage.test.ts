// Application messages decoded from payloads made with the codecs of src/net/app: an HTTP/1.1
// request and response (RFC 9112), a DNS query and answers (RFC 1035), FTP control lines
// (RFC 959), SMTP (RFC 5321) and POP3 (RFC 1939) lines, and TLS records (RFC 8446 section 5.1),
// plus bytes that are none of these; and the names the picture gives them (appParts.ts).
import { describe, expect, it } from 'vitest';
import { DNS_TYPE, RCODE } from '../../net/app/dns/dnsMessage.ts';
import { encodeDns, makeDnsQuery, makeDnsResponse } from '../../net/app/dns/dnsEncode.ts';
import { encodeFtpCommand, encodeFtpReply, ftpReply } from '../../net/app/ftp/ftpMessages.ts';
import {
  encodeHttpRequest,
  encodeHttpResponse,
  makeRequest,
  makeResponse,
  utf8,
} from '../../net/app/http/httpMessage.ts';
import { encodeClientHello } from '../../net/app/tls/tlsHandshake.ts';
import { CONTENT_TYPE, encodeRecord, TLS_1_0, TLS_1_2 } from '../../net/app/tls/tlsRecord.ts';
import { encodeDhcpMessage } from '../../net/app/dhcp/dhcpMessage.ts';
import {
  dhcpAck,
  dhcpDiscover,
  dhcpOffer,
  dhcpRequestSelecting,
} from '../../net/app/dhcp/dhcpBuild.ts';
import { parseIpv4 } from '../../net/wire/ipv4Address.ts';
import { macFromNumber } from '../../net/wire/mac.ts';
import { ipv4Header, tcpFlags, type Packet } from '../../net/wire/packet.ts';
import { decodeApp } from './appMessage.ts';
import { appMessageName } from '../packet/appParts.ts';

const addr = (text: string) => {
  const p = parseIpv4(text);
  if (!p.ok) throw new Error(p.error);
  return p.address;
};
const ip = ipv4Header({ src: addr('10.0.0.1'), dst: addr('10.0.0.2') });
const tcp = (srcPort: number, dstPort: number, payload: Uint8Array): Packet => ({
  id: 1,
  ip,
  transport: {
    kind: 'tcp',
    srcPort,
    dstPort,
    seq: 1,
    ack: 1,
    flags: tcpFlags({ ack: true, psh: true }),
    window: 65535,
    urgentPointer: 0,
    options: [],
  },
  payload,
});
const udp = (srcPort: number, dstPort: number, payload: Uint8Array): Packet => ({
  id: 2,
  ip,
  transport: { kind: 'udp', srcPort, dstPort },
  payload,
});

describe('decodeApp', () => {
  it('reads an HTTP request line and headers, naming it by method and target', () => {
    const bytes = encodeHttpRequest(makeRequest('GET', '/index.html', [['Host', 'example.com']]));
    const part = decodeApp(tcp(49152, 80, bytes));
    expect(part).toMatchObject({
      protocol: 'HTTP',
      kind: 'request',
      startLine: 'GET /index.html HTTP/1.1',
      headers: [['Host', 'example.com']],
      complete: true,
      name: 'GET /index.html',
    });
    // The picture's name for it, read without the HTTP parser (appParts.ts).
    expect(appMessageName(tcp(49152, 80, bytes))).toBe('GET /index.html');
  });

  it('reads a response with its Content-Length and body, also when cut short', () => {
    const body = utf8('<html>hi</html>');
    const bytes = encodeHttpResponse(makeResponse(200, [['Content-Type', 'text/html']], body));
    const whole = decodeApp(tcp(80, 49152, bytes));
    // Content-Length is the body's length in bytes (RFC 9110 section 8.6): 15.
    expect(whole).toMatchObject({
      kind: 'response',
      startLine: 'HTTP/1.1 200 OK',
      contentLength: 15,
      bodyBytes: 15,
      bodyPreview: '"<html>hi</html>"',
      complete: true,
      name: 'HTTP 200',
    });
    const cut = tcp(80, 49152, bytes.subarray(0, bytes.length - 5));
    expect(decodeApp(cut)).toMatchObject({ complete: false, bodyBytes: 10, contentLength: 15 });
    expect(appMessageName(cut)).toBe('HTTP 200');
  });

  it('leaves a segment in the middle of a body alone', () => {
    expect(appMessageName(tcp(80, 49152, utf8('more of the body')))).toBeNull();
  });

  it('reads a DNS query and its answers, and an NXDOMAIN', () => {
    const query = makeDnsQuery(0x1234, 'www.example.com');
    expect(decodeApp(udp(53000, 53, encodeDns(query)))).toMatchObject({
      protocol: 'DNS',
      kind: 'query',
      id: 0x1234,
      flags: 'RD',
      questions: ['www.example.com A'],
      name: 'DNS A? www.example.com',
    });
    const answer = makeDnsResponse(query, [
      {
        name: 'www.example.com',
        type: DNS_TYPE.A,
        class: 1,
        ttl: 300,
        address: addr('93.184.216.34'),
      },
    ]);
    const reply = decodeApp(udp(53, 53000, encodeDns(answer)));
    expect(reply).toMatchObject({
      kind: 'response',
      rcode: 'NOERROR',
      answers: ['www.example.com A 93.184.216.34 (TTL 300 s)'],
      name: 'DNS www.example.com = 93.184.216.34',
    });
    const missing = makeDnsResponse(query, [], RCODE.NXDOMAIN);
    expect(appMessageName(udp(53, 53000, encodeDns(missing)))).toBe('DNS NXDOMAIN www.example.com');
    expect(decodeApp(udp(53, 53000, new Uint8Array([1, 2, 3])))).toBeNull();
  });

  it('reads FTP commands to port 21 and replies from it', () => {
    const retr = encodeFtpCommand({ verb: 'RETR', argument: 'a.txt' });
    expect(appMessageName(tcp(49152, 21, retr))).toBe('FTP RETR a.txt');
    const done = decodeApp(tcp(21, 49152, encodeFtpReply(ftpReply(226))));
    expect(done).toMatchObject({
      protocol: 'FTP',
      kind: 'reply',
      lines: ['226 Closing data connection. Requested file action successful.'],
      name: 'FTP 226',
    });
  });

  it('reads SMTP on port 25 and POP3 on port 110: commands, replies and message text', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(appMessageName(tcp(49152, 25, text('MAIL FROM:<a@a.example>\r\n')))).toBe(
      'SMTP MAIL FROM:<a@a.example>',
    );
    expect(decodeApp(tcp(25, 49152, text('250-mail.b.example\r\n250 8BITMIME\r\n')))).toEqual({
      protocol: 'SMTP',
      kind: 'reply',
      lines: ['250-mail.b.example', '250 8BITMIME'],
      name: 'SMTP 250',
    });
    // DATA's text is no command, even a line that starts like one.
    const data = decodeApp(tcp(49152, 25, text('Subject: hi\r\n\r\nQUIT now\r\n.\r\n')));
    expect(data).toMatchObject({ kind: 'text', name: 'SMTP message text, 28 bytes' });
    expect(appMessageName(tcp(49152, 110, text('RETR 1\r\n')))).toBe('POP3 RETR 1');
    expect(appMessageName(tcp(110, 49152, text('-ERR no such message\r\n')))).toBe('POP3 -ERR');
    expect(decodeApp(tcp(110, 49152, text('rest of a message\r\n')), 'de')?.name).toBe(
      'POP3-Nachrichtentext, 19 Bytes',
    );
  });

  it('names TLS records: a ClientHello, and application data as encrypted', () => {
    const hello = encodeClientHello({
      random: new Uint8Array(32),
      sessionId: new Uint8Array(32),
      cipherSuites: [0x1301],
      serverName: 'example.com',
      keyShare: new Uint8Array(32),
    });
    const record = encodeRecord({
      type: CONTENT_TYPE.handshake,
      version: TLS_1_0,
      fragment: hello,
    });
    expect(appMessageName(tcp(49152, 443, record))).toBe('TLS ClientHello');
    const data = encodeRecord({
      type: CONTENT_TYPE.applicationData,
      version: TLS_1_2,
      fragment: new Uint8Array([0xde, 0xad, 0xbe, 0xef]),
    });
    const part = decodeApp(tcp(443, 49152, data));
    expect(part).toMatchObject({
      name: 'TLS application data (encrypted)',
      records: [
        { type: 'application data', encrypted: true, length: 4, ciphertext: 'de ad be ef' },
      ],
    });
  });

  it('names DHCP messages by option 53 between ports 68 and 67, for the ladder', () => {
    const client = { xid: 1, chaddr: macFromNumber(0x020000000001), broadcast: true };
    const discover = dhcpDiscover(client);
    const offer = dhcpOffer(discover, addr('10.0.0.100'), {
      serverId: addr('10.0.0.1'),
      leaseSeconds: 60,
    });
    expect(appMessageName(udp(68, 67, encodeDhcpMessage(discover)))).toBe('DHCP DISCOVER');
    expect(appMessageName(udp(67, 68, encodeDhcpMessage(offer)))).toBe('DHCP OFFER');
    const request = dhcpRequestSelecting(offer, { broadcast: true });
    expect(appMessageName(udp(68, 67, encodeDhcpMessage(request)))).toBe('DHCP REQUEST');
    const ack = dhcpAck(request, addr('10.0.0.100'), {
      serverId: addr('10.0.0.1'),
      leaseSeconds: 60,
    });
    expect(appMessageName(udp(67, 68, encodeDhcpMessage(ack)))).toBe('DHCP ACK');
    // Other ports, or bytes without the magic cookie, are not DHCP.
    expect(appMessageName(udp(5000, 67, encodeDhcpMessage(discover)))).toBeNull();
    expect(appMessageName(udp(68, 67, new Uint8Array(300)))).toBeNull();
  });

  it('never throws on odd bytes', () => {
    const odd = new Uint8Array([0x16, 0x03, 0x01, 0xff, 0xff, 0x00]);
    expect(decodeApp(tcp(49152, 443, odd))).toBeNull();
    expect(decodeApp(tcp(49152, 21, new Uint8Array([0xff, 0xfe])))).toBeNull();
    expect(decodeApp(tcp(49152, 80, utf8('GET / HTTP/1.1\r\nbroken')))).toMatchObject({
      complete: false,
      name: 'GET /',
    });
  });
});
