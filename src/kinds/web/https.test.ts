// HTTPS end to end: a TLS 1.3 full handshake costs one round trip before the request (RFC 8446
// section 2: "1-RTT"), the certificate checks fail as a learner provokes them, and on the wire
// the HTTP bytes are ciphertext that only an endpoint's key log opens.

import { describe, expect, it } from 'vitest';
import { fromHex } from '../../net/app/sha256.ts';
import { decryptTlsStream } from '../../net/app/tls/tlsStreamDecrypt.ts';
import { runScenario } from '../../sim/runScenario.ts';
import { webScenario } from '../../../tests/support/webScenario.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

const RTT = 100_000_000;
const SITE = [{ path: '/index.html', text: '<!doctype html><p>secret page</p>' }];

function https(client: Record<string, unknown> = {}, certificate: Record<string, unknown> = {}) {
  const scenario = webScenario({
    client: { https: true, page: '/index.html', ...client },
    server: {
      site: SITE,
      service: { cpu: '0s' },
      tls: { certificate: { subject: 'web', ...certificate } },
    },
  });
  return runScenario(scenario).simulation;
}

describe('HTTPS', () => {
  it('adds one round trip for the handshake: 4 RTTs for a page instead of 3', () => {
    // The first of them is the ARP exchange before the SYN (request and reply take a round trip
    // of the link); then the TCP handshake and the request, and with TLS its handshake.
    const plain = runScenario(
      webScenario({
        client: { page: '/index.html' },
        server: { site: SITE, service: { cpu: '0s' } },
      }),
    ).simulation.sim.trace.ofType('http.page')[0]!;
    const secure = https().sim.trace.ofType('http.page')[0]!;
    expect(Math.floor(plain.elapsed / RTT)).toBe(3);
    expect(Math.floor(secure.elapsed / RTT)).toBe(4);
    expect(secure.elapsed).toBeLessThan(4.01 * RTT);
  });

  it('sends the page as ciphertext that the endpoint key log decrypts', () => {
    const sim = https().sim;
    const trace = sim.trace;
    expect(trace.ofType('tls.certificate').map((r) => r.verdict)).toEqual(['ok']);
    expect(trace.ofType('tls.handshake').filter((r) => r.phase === 'done')).toHaveLength(2);
    const [clientKeys, serverKeys] = trace.ofType('tls.keys');
    expect(clientKeys?.role).toBe('client');
    expect(serverKeys?.serverApplication).toBe(clientKeys?.serverApplication);
    // Every byte the server sent, in order, from the segments arriving at the browser.
    const seen = new Set<number>();
    const chunks: { seq: number; payload: Uint8Array }[] = [];
    for (const rx of trace.ofType('link.rx').filter(carriesIp)) {
      const p = rx.packet;
      if (p.transport.kind !== 'tcp' || p.transport.srcPort !== 443 || p.payload.length === 0)
        continue;
      if (seen.has(p.transport.seq)) continue;
      seen.add(p.transport.seq);
      chunks.push({ seq: p.transport.seq, payload: p.payload });
    }
    chunks.sort((a, b) => a.seq - b.seq);
    const stream = new Uint8Array(chunks.reduce((n, c) => n + c.payload.length, 0));
    let at = 0;
    for (const c of chunks) stream.set(c.payload, (at += c.payload.length) - c.payload.length);
    expect(new TextDecoder().decode(stream)).not.toContain('secret page');
    const records = decryptTlsStream(stream, {
      handshake: fromHex(clientKeys!.serverHandshake)!,
      application: fromHex(clientKeys!.serverApplication)!,
    });
    const text = records
      .map((r) => (r.innerType === 23 ? new TextDecoder().decode(r.plaintext!) : ''))
      .join('');
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(text).toContain('secret page');
  });

  it.each([
    ['expired', { notAfter: '10ms' }, {}],
    ['wrongName', { subject: 'www.other.example' }, {}],
    ['untrustedIssuer', {}, { trust: ['Another CA'] }],
  ])(
    'refuses a certificate that is %s, and the page never loads',
    (verdict, certificate, client) => {
      const sim = https(client, certificate).sim;
      expect(sim.trace.ofType('tls.certificate').map((r) => r.verdict)).toEqual([verdict]);
      expect(sim.trace.ofType('http.page')).toHaveLength(0);
      const failures = sim.trace.ofType('http.failure');
      expect(failures).toHaveLength(1);
      expect(failures[0]?.error).toMatch(/^TLS: certificate /);
      expect(sim.trace.ofType('http.response')).toHaveLength(0);
    },
  );
});
