// The TLS view on a real HTTPS run: keys exist only once each endpoint's handshake is done
// (RFC 8446 section 7.1: application keys follow the Finished messages), the page is ciphertext
// on the wire, and either endpoint's key log opens the records into the HTTP request and response.

import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { runScenario, validateScenario } from '../../sim/index.ts';
import { decodeApp } from './appMessage.ts';
import { decryptSegment, tcpStream, tlsKeysAt } from './tlsView.ts';
import { packetEnds } from '../packet/packetTrace.ts';
import { recordList } from '../../engine/traceRecords.ts';
import { carriesIp, type IpRecord } from '../../net/link/linkRecords.ts';

function httpsRun(): readonly TraceRecord[] {
  const result = validateScenario({
    format: 'handshake/scenario@1',
    name: 'https test',
    seed: 1,
    until: '5s',
    nodes: [
      {
        id: 'laptop',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
        apps: [{ type: 'httpClient', server: 'web', https: true, page: '/index.html' }],
      },
      {
        id: 'web',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
        apps: [
          {
            type: 'httpServer',
            site: [{ path: '/index.html', text: '<!doctype html><p>secret page</p>' }],
            tls: { certificate: { subject: 'web' } },
          },
        ],
      },
    ],
    links: [{ id: 'l1', a: 'laptop', b: 'web', latency: '20ms', bandwidth: '100Mbps' }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return runScenario(result.scenario).simulation.sim.trace.records;
}

const records = httpsRun();
const sent = records.filter(
  (r): r is IpRecord<'link.txBegin'> => r.type === 'link.txBegin' && carriesIp(r),
);
const isTls = (r: IpRecord<'link.txBegin'>) =>
  r.packet.transport.kind === 'tcp' && r.packet.payload.length > 0;
const keys = records.filter((r): r is TraceRecord<'tls.keys'> => r.type === 'tls.keys');

describe('tlsView', () => {
  it('offers an endpoint’s keys only from its tls.keys record on', () => {
    const hello = sent.find(isTls)!;
    expect(decodeApp(hello.packet)?.name).toBe('TLS ClientHello');
    const client = keys.find((k) => k.role === 'client')!;
    const server = keys.find((k) => k.role === 'server')!;
    expect(tlsKeysAt(recordList(records), hello.packet, hello.t)).toEqual({});
    expect(tlsKeysAt(recordList(records), hello.packet, client.t - 1)?.client).toBeUndefined();
    expect(tlsKeysAt(recordList(records), hello.packet, client.t)?.client).toBe(client);
    expect(tlsKeysAt(recordList(records), hello.packet, Infinity)).toEqual({ client, server });
  });

  it('rebuilds each direction’s stream from its first byte: it starts with a TLS record', () => {
    const { src, dst } = packetEnds(sent.find(isTls)!.packet);
    // RFC 8446 section 5.1: content type 22 (handshake), legacy version 3.x.
    expect([...tcpStream(recordList(records), src, dst).subarray(0, 2)]).toEqual([22, 3]);
    expect(tcpStream(recordList(records), dst, src)[0]).toBe(22);
  });

  it('decrypts the request and the response, from the client’s and from the server’s keys', () => {
    const client = keys.find((k) => k.role === 'client')!;
    const server = keys.find((k) => k.role === 'server')!;
    const data = sent.filter(
      (r) => isTls(r) && decodeApp(r.packet)?.name === 'TLS application data (encrypted)',
    );
    expect(data.length).toBeGreaterThan(0);
    const texts = (k: TraceRecord<'tls.keys'>) =>
      data.flatMap((r) =>
        decryptSegment(recordList(records), r.packet, k)!.records.map(
          (d) => d.http?.startLine ?? '',
        ),
      );
    for (const k of [client, server]) {
      // RFC 9112 section 3 and 4: request line and status line.
      expect(texts(k)).toContain('GET /index.html HTTP/1.1');
      expect(texts(k)).toContain('HTTP/1.1 200 OK');
    }
    const response = data.find(
      (r) => decryptSegment(recordList(records), r.packet, client)!.records[0]?.http,
    )!;
    const view = decryptSegment(recordList(records), response.packet, client)!;
    expect(view.records[0]).toMatchObject({
      outerType: 'application data',
      innerType: 'application data',
      key: 'application',
    });
    expect(new TextDecoder().decode(response.packet.payload)).not.toContain('secret page');
  });

  it('opens the server’s encrypted handshake flight: EncryptedExtensions to Finished', () => {
    const client = keys.find((k) => k.role === 'client')!;
    const flight = sent.find(
      (r) => isTls(r) && /ServerHello/.test(decodeApp(r.packet)?.name ?? ''),
    )!;
    const view = decryptSegment(recordList(records), flight.packet, client)!;
    expect(view.sender).toBe('server');
    const names = view.records.map((r) => r.handshake ?? r.innerType).join(', ');
    // RFC 8446 section 2, figure 1: the server's first flight.
    expect(names).toMatch(
      /ServerHello.*EncryptedExtensions.*Certificate.*CertificateVerify.*Finished/,
    );
  });
});
