// How an authoritative server answers from its zone (RFC 1034 4.3.2; RCODEs of RFC 1035 4.1.1,
// FORMERR for what it cannot parse, NOTIMP for opcodes other than QUERY, REFUSED out of zone).
import { describe, expect, it } from 'vitest';
import { DNS_CLASS_IN, DNS_TYPE, decodeDns, RCODE } from '../../net/app/dns/dnsMessage.ts';
import { encodeDns, makeDnsQuery } from '../../net/app/dns/dnsEncode.ts';
import { respond } from './dnsServer.ts';
import { answerFromZone, type Zone } from './dnsZone.ts';

const zone: Zone = {
  origin: 'example.com',
  records: [
    { name: 'www.example.com', type: 'CNAME', target: 'web.example.com', ttl: 30 },
    { name: 'web.example.com', type: 'A', address: 0x0a000050, ttl: 60 },
    { name: 'web.example.com', type: 'A', address: 0x0a000051, ttl: 60 },
    { name: 'out.example.com', type: 'CNAME', target: 'cdn.example.net', ttl: 30 },
    { name: 'dangling.example.com', type: 'CNAME', target: 'gone.example.com', ttl: 30 },
  ],
};
const ask = (name: string, type = DNS_TYPE.A) =>
  answerFromZone(zone, { name, type, class: DNS_CLASS_IN });

describe('answerFromZone', () => {
  it('answers every A record of a name, and follows a CNAME inside the zone', () => {
    expect(ask('web.example.com').answers.map((r) => 'address' in r && r.address)).toEqual([
      0x0a000050, 0x0a000051,
    ]);
    const chain = ask('www.example.com');
    expect(chain.rcode).toBe(RCODE.NOERROR);
    expect(chain.answers.map((r) => [r.name, r.type])).toEqual([
      ['www.example.com', DNS_TYPE.CNAME],
      ['web.example.com', DNS_TYPE.A],
      ['web.example.com', DNS_TYPE.A],
    ]);
  });

  it('gives NXDOMAIN for a missing name (also at the end of a chain, RFC 6604), REFUSED outside', () => {
    expect(ask('nothere.example.com')).toEqual({ rcode: RCODE.NXDOMAIN, answers: [] });
    const dangling = ask('dangling.example.com');
    expect([dangling.rcode, dangling.answers.length]).toEqual([RCODE.NXDOMAIN, 1]);
    expect(ask('www.example.org').rcode).toBe(RCODE.REFUSED);
    const out = ask('out.example.com'); // the CNAME only: the target is not this zone's
    expect([out.rcode, out.answers.length]).toEqual([RCODE.NOERROR, 1]);
  });

  it('answers NOERROR with no data for a type the name lacks', () => {
    expect(ask('web.example.com', DNS_TYPE.AAAA)).toEqual({ rcode: RCODE.NOERROR, answers: [] });
  });
});

describe('respond', () => {
  it('echoes the id and question, sets QR and AA', () => {
    const response = respond(zone, encodeDns(makeDnsQuery(0x1234, 'web.example.com')));
    expect(response).toMatchObject({ id: 0x1234, flags: { qr: true, aa: true, rcode: 0 } });
    expect(response?.questions[0]?.name).toBe('web.example.com');
  });

  it('answers FORMERR to garbage, NOTIMP to another opcode, and nothing to a response', () => {
    const garbage = new Uint8Array([0xab, 0xcd, 1, 0, 0, 1]);
    expect(respond(zone, garbage)).toMatchObject({ id: 0xabcd, flags: { rcode: RCODE.FORMERR } });
    const query = makeDnsQuery(7, 'web.example.com');
    const status = encodeDns({ ...query, flags: { ...query.flags, opcode: 2 } });
    expect(respond(zone, status)?.flags.rcode).toBe(RCODE.NOTIMP);
    const reply = encodeDns({ ...query, flags: { ...query.flags, qr: true } });
    expect(respond(zone, reply)).toBeUndefined();
    // What a server sends back decodes cleanly.
    expect(decodeDns(encodeDns(respond(zone, garbage) ?? query)).ok).toBe(true);
  });
});
