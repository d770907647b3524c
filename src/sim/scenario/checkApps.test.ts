import { describe, expect, it } from 'vitest';
import { validateScenario } from './validateScenario.ts';

function withApps(apps: unknown[]) {
  return validateScenario({
    format: 'handshake/scenario@1',
    name: 'apps',
    nodes: [
      { id: 'a', role: 'server', interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }], apps },
    ],
    links: [],
  });
}

const messages = (result: ReturnType<typeof validateScenario>) =>
  result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);

describe('checkApps', () => {
  it('refuses two servers on one port, naming both apps', () => {
    expect(messages(withApps([{ type: 'httpServer' }, { type: 'service', port: 80 }]))).toEqual([
      '$.nodes[0].apps[1].port: TCP port 80 is already taken by apps[0] on a',
    ]);
    // The same number on UDP and TCP is fine; HTTPS defaults to 443.
    expect(
      withApps([
        { type: 'httpServer', port: 53 },
        { type: 'dnsServer', origin: 'example.com', records: [] },
        { type: 'httpServer', name: 'secure', tls: { certificate: { subject: 'a' } } },
      ]).ok,
    ).toBe(true);
  });

  it('refuses two servers with one name', () => {
    expect(messages(withApps([{ type: 'service' }, { type: 'service', port: 7001 }]))).toEqual([
      '$.nodes[0].apps[1].name: the name "db" is already used by apps[0] on a; give each server its own name',
    ]);
    // Two web clients on one node are fine: their users are named http and http2.
    const two = withApps([
      { type: 'httpClient', server: 'a' },
      { type: 'httpClient', server: 'a' },
    ]);
    expect(two.ok).toBe(true);
  });

  it('refuses a server named like a client (http, service2, ftp...)', () => {
    expect(messages(withApps([{ type: 'httpServer', name: 'http2' }]))).toEqual([
      '$.nodes[0].apps[0].name: "http2" is the name of a client or built-in app in the trace; choose another',
    ]);
    expect(withApps([{ type: 'httpServer', name: 'http-api' }]).ok).toBe(true);
  });

  it('refuses a web client with both a page and requests', () => {
    expect(
      messages(
        withApps([{ type: 'httpClient', server: 'a', page: '/', requests: [{ path: '/' }] }]),
      ),
    ).toEqual(['$.nodes[0].apps[0]: give either "page" or "requests", not both']);
  });

  it('refuses a site with a path twice and a certificate that ends before it starts', () => {
    const result = withApps([
      {
        type: 'httpServer',
        site: [{ path: '/a.html' }, { path: '/a.html' }],
        tls: { certificate: { subject: 'a', notBefore: '10s', notAfter: '5s' } },
      },
    ]);
    expect(messages(result)).toEqual([
      '$.nodes[0].apps[0].site[1].path: duplicates the path "/a.html" of site[0]',
      '$.nodes[0].apps[0].tls.certificate.notAfter: the certificate expires before it becomes valid (notAfter < notBefore)',
    ]);
  });
});
