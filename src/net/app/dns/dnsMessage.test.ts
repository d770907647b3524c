// DNS encoding and decoding against RFC 1035 section 4: exact header and name bytes, compression
// pointers (section 4.1.4), and malformed input that must give an error rather than throw.
import { describe, expect, it } from 'vitest';
import { DNS_TYPE, decodeDns, normalizeName, RCODE, rcodeName } from './dnsMessage.ts';
import { encodeDns, makeDnsQuery, makeDnsResponse } from './dnsEncode.ts';
import type { DnsMessage, DnsRecord } from './dnsMessage.ts';

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** A query for example.com (RFC 1035 4.1): id 0x1234, RD set, one question, type A, class IN. */
const QUERY_BYTES = [
  ...[0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0],
  ...[7, ...ascii('example'), 3, ...ascii('com'), 0],
  ...[0, 1, 0, 1],
];

function decoded(bytes: Uint8Array): DnsMessage {
  const result = decodeDns(bytes);
  if (!result.ok) throw new Error(result.error);
  return result.message;
}

describe('encodeDns', () => {
  it('writes a standard query as RFC 1035 section 4.1 lays it out', () => {
    expect([...encodeDns(makeDnsQuery(0x1234, 'example.com'))]).toEqual(QUERY_BYTES);
    expect([...encodeDns(makeDnsQuery(0x1234, 'example.com.'))]).toEqual(QUERY_BYTES);
  });

  it('sets the flag bits of section 4.1.1: QR, AA, RD, RA and RCODE', () => {
    const query = makeDnsQuery(7, 'nowhere.test');
    const bytes = encodeDns(
      makeDnsResponse(query, [], RCODE.NXDOMAIN, { recursionAvailable: true }),
    );
    // QR 1, opcode 0, AA 1, TC 0, RD 1 = 0x85; RA 1, Z 0, RCODE 3 = 0x83.
    expect([bytes[2], bytes[3]]).toEqual([0x85, 0x83]);
  });

  it('compresses a repeated suffix into a pointer (section 4.1.4)', () => {
    const query = makeDnsQuery(1, 'www.example.com');
    const answers: DnsRecord[] = [
      { name: 'www.example.com', type: DNS_TYPE.CNAME, class: 1, ttl: 300, target: 'example.com' },
      { name: 'example.com', type: DNS_TYPE.A, class: 1, ttl: 300, address: 0x5db8d822 },
    ];
    const bytes = encodeDns(makeDnsResponse(query, answers));
    // The question name starts at offset 12; "example.com" inside it at 16 (after "\x03www").
    const at = 12 + 17 + 4; // header, name (3www7example3com0 = 17 bytes), QTYPE/QCLASS
    expect([bytes[at], bytes[at + 1]]).toEqual([0xc0, 12]); // answer 1 owner: pointer to 12
    // CNAME RDATA is just a pointer to offset 16: RDLENGTH 2.
    expect([...bytes.subarray(at + 10, at + 14)]).toEqual([0, 2, 0xc0, 16]);
    expect([bytes[at + 14], bytes[at + 15]]).toEqual([0xc0, 16]); // answer 2 owner
    expect(bytes.length).toBeLessThan(
      encodeDns(makeDnsResponse(query, answers), { compress: false }).length,
    );
    expect(decoded(bytes).answers).toEqual(answers);
  });

  it('refuses labels over 63 bytes and empty labels (section 2.3.4)', () => {
    expect(() => encodeDns(makeDnsQuery(1, `${'a'.repeat(64)}.com`))).toThrow(RangeError);
    expect(() => encodeDns(makeDnsQuery(1, 'a..com'))).toThrow(RangeError);
  });
});

describe('decodeDns', () => {
  it('round-trips queries, answers of each modelled type and raw unknown types', () => {
    const message: DnsMessage = {
      ...makeDnsResponse(makeDnsQuery(0xbeef, 'Example.ORG'), [
        { name: 'Example.ORG', type: DNS_TYPE.A, class: 1, ttl: 60, address: 0x0a000001 },
      ]),
      authorities: [
        { name: 'example.org', type: DNS_TYPE.NS, class: 1, ttl: 3600, target: 'ns1.example.org' },
      ],
      additionals: [
        {
          name: 'ns1.example.org',
          type: DNS_TYPE.AAAA,
          class: 1,
          ttl: 1,
          data: new Uint8Array(16),
        },
      ],
    };
    expect(decoded(encodeDns(message))).toEqual(message);
    expect(decoded(Uint8Array.from(QUERY_BYTES))).toEqual(makeDnsQuery(0x1234, 'example.com'));
  });

  it('follows the pointers of RFC 1035 section 4.1.4 (F.ISI.ARPA, FOO.F.ISI.ARPA, ARPA)', () => {
    // As in the RFC's figure, F.ISI.ARPA is at offset 20 and ARPA inside it at 26; a first
    // question "pa" fills offsets 12-19, FOO.F.ISI.ARPA is FOO then a pointer to 20.
    const typeClass = [0, 1, 0, 1];
    const message = Uint8Array.from([
      ...[0, 1, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0],
      ...[2, ...ascii('pa'), 0, ...typeClass],
      ...[1, ...ascii('F'), 3, ...ascii('ISI'), 4, ...ascii('ARPA'), 0, ...typeClass],
      ...[3, ...ascii('FOO'), 0xc0, 20, ...typeClass],
      ...[0xc0, 26, ...typeClass],
    ]);
    expect(decoded(message).questions.map((x) => x.name)).toEqual([
      'pa',
      'F.ISI.ARPA',
      'FOO.F.ISI.ARPA',
      'ARPA',
    ]);
  });

  it.each([
    ['a short header', [0, 1, 0]],
    ['a question cut short', QUERY_BYTES.slice(0, -2)],
    ['a label past the end', [...QUERY_BYTES.slice(0, 12), 9, ...ascii('abc')]],
    ['a pointer to itself (a loop)', [...QUERY_BYTES.slice(0, 12), 0xc0, 12, 0, 1, 0, 1]],
    ['a pointer forward', [...QUERY_BYTES.slice(0, 12), 0xc0, 14, 0, 0, 1, 0, 1]],
    ['an extended label type 0x40', [...QUERY_BYTES.slice(0, 12), 0x41, 0, 0, 1, 0, 1]],
    [
      'an answer the header counts but the message lacks',
      [...QUERY_BYTES.slice(0, 7), 1, ...QUERY_BYTES.slice(8)],
    ],
    [
      'an A record of 3 bytes',
      [
        ...QUERY_BYTES.slice(0, 7),
        1,
        ...QUERY_BYTES.slice(8),
        0xc0,
        12,
        0,
        1,
        0,
        1,
        0,
        0,
        0,
        1,
        0,
        3,
        1,
        2,
        3,
      ],
    ],
  ])('returns an error, never throws, for %s', (_name, list) => {
    const result = decodeDns(Uint8Array.from(list));
    expect(result.ok).toBe(false);
  });

  it('returns an error for a name longer than 255 bytes (section 2.3.4)', () => {
    const labels = Array.from({ length: 5 }, () => [
      63,
      ...new Array<number>(63).fill(0x61),
    ]).flat();
    const result = decodeDns(
      Uint8Array.from([...QUERY_BYTES.slice(0, 12), ...labels, 0, 0, 1, 0, 1]),
    );
    expect(result.ok).toBe(false);
  });
});

describe('names and rcodes', () => {
  it('names the RCODEs of section 4.1.1', () => {
    expect([0, 1, 2, 3, 4, 5].map(rcodeName)).toEqual([
      'NOERROR',
      'FORMERR',
      'SERVFAIL',
      'NXDOMAIN',
      'NOTIMP',
      'REFUSED',
    ]);
    expect(rcodeName(9)).toBe('RCODE9');
    expect(normalizeName('WWW.Example.COM.')).toBe('www.example.com');
  });
});
