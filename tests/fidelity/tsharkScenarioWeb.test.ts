// Fidelity of whole web scenarios against tshark: simulations/web-page-load.json (HTTP) and
// simulations/https-login.json (HTTPS) run through src/sim, a link captured from the trace, and
// tshark must dissect every HTTP request and response (bodies included: the PNG logo is a real
// PNG) and the TLS 1.3 handshake, with nothing malformed and no expert warning or error.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureLink } from '../../src/net/capture/traceCapture.ts';
import { parseScenarioText, runScenario } from '../../src/sim/index.ts';
import { expectClean, fields } from '../support/tshark.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-web-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(scenarioFile: string, link: string) {
  const parsed = parseScenarioText(readFileSync(scenarioFile, 'utf8'));
  if (!parsed.ok) throw new Error(`${scenarioFile} does not validate`);
  const { simulation } = runScenario(parsed.scenario);
  const file = join(dir, `${link}.pcap`);
  writeFileSync(file, captureLink(simulation.sim.trace, link));
  return { file, trace: simulation.sim.trace };
}

describe('tshark on simulations/web-page-load.json (the laptop link)', () => {
  const { file, trace } = capture('simulations/web-page-load.json', 'access');
  const http = fields(
    file,
    'http.request.method http.request.uri http.response.code http.content_length http.content_type png.ihdr.width',
  ).filter((r) => r['http.request.method'] !== '' || r['http.response.code'] !== '');

  it('finds no malformed packet and no expert warning or error', () => {
    expectClean(file);
  });

  it('dissects every request and response the trace records, in order', () => {
    const requests = http.filter((r) => r['http.request.method'] !== '');
    const responses = http.filter((r) => r['http.response.code'] !== '');
    const sent = trace.ofType('http.request');
    expect(requests.map((r) => `${r['http.request.method']} ${r['http.request.uri']}`)).toEqual(
      sent.map((r) => `${r.method} ${r.target}`),
    );
    expect(responses.map((r) => r['http.response.code'])).toEqual(
      trace.ofType('http.response').map((r) => String(r.status)),
    );
    expect(requests.slice(0, 4).map((r) => r['http.request.uri'])).toEqual([
      '/index.html',
      '/style.css',
      '/logo.png',
      '/app.js',
    ]);
  });

  it('reads the logo as a 1x1 PNG of its Content-Length', () => {
    const logo = http.find((r) => r['http.content_type'] === 'image/png');
    expect(logo?.['http.content_length']).toBe('5000');
    expect(logo?.['png.ihdr.width']).toBe('1');
  });
});

describe('tshark on simulations/https-login.json (the server link)', () => {
  const { file } = capture('simulations/https-login.json', 'l-wan');
  const tls = fields(
    file,
    'tls.handshake.type tls.handshake.extensions_server_name tls.handshake.extensions.supported_version tls.record.opaque_type http.request.method',
  );

  it('finds no malformed packet and no expert warning or error', () => {
    expectClean(file);
  });

  it('sees two ClientHellos naming "web" and two ServerHellos choosing TLS 1.3', () => {
    const types = tls.flatMap((r) => r['tls.handshake.type']?.split(',') ?? []).filter(Boolean);
    expect(types.filter((t) => t === '1')).toHaveLength(2);
    expect(types.filter((t) => t === '2')).toHaveLength(2);
    const hellos = tls.filter((r) => r['tls.handshake.type']?.split(',').includes('1'));
    expect(hellos.map((r) => r['tls.handshake.extensions_server_name'])).toEqual(['web', 'web']);
    const serverHellos = tls.filter((r) => r['tls.handshake.type']?.split(',').includes('2'));
    for (const r of serverHellos)
      expect(r['tls.handshake.extensions.supported_version']).toBe('0x0304');
  });

  it('sees only encrypted application data after the handshake: no HTTP in clear', () => {
    expect(tls.filter((r) => r['http.request.method'] !== '')).toHaveLength(0);
    expect(tls.some((r) => r['tls.record.opaque_type']?.includes('23'))).toBe(true);
  });
});
