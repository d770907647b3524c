// Fidelity of our HTTP/1.1 encoding against tshark: a scripted TCP connection on port 80 carrying
// a GET, a POST with a form body and a HEAD must dissect cleanly with the fields we wrote.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writePcap } from '../../src/net/capture/pcapWriter.ts';
import {
  encodeHttpRequest,
  encodeHttpResponse,
  makeRequest,
  makeResponse,
  utf8,
} from '../../src/net/app/http/httpMessage.ts';
import { HttpRequestParser, HttpResponseParser } from '../../src/net/app/http/httpParser.ts';
import { FlowScript } from '../../src/net/app/scriptedFlow.ts';
import { encodePacket } from '../../src/net/wire/packetCodec.ts';
import { expectClean, fields } from '../support/tshark.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-http-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLIENT = { address: 0x0a000002, port: 49152 }; // 10.0.0.2
const SERVER = { address: 0x0a000001, port: 80 }; // 10.0.0.1
const PAGE = `<!doctype html><title>Handshake</title><p>${'hello, client! '.repeat(200)}</p>\n`;

const requests = [
  makeRequest('GET', '/index.html', [
    ['Host', '10.0.0.1'],
    ['Accept', '*/*'],
  ]),
  makeRequest(
    'POST',
    '/login',
    [
      ['Host', '10.0.0.1'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ],
    utf8('user=ada&pass=lovelace'),
  ),
  makeRequest('HEAD', '/index.html', [['Host', '10.0.0.1']]),
];
const responses = [
  makeResponse(200, [['Content-Type', 'text/html']], utf8(PAGE)), // 3 segments at MSS 1460
  makeResponse(
    201,
    [
      ['Set-Cookie', 'sid=42; Path=/; HttpOnly'],
      ['Content-Type', 'text/plain'],
    ],
    utf8('welcome\n'),
  ),
  makeResponse(200, [
    ['Content-Type', 'text/html'],
    ['Content-Length', String(utf8(PAGE).length)],
  ]),
];

const script = new FlowScript(0, 1_000_000);
const tcp = script.tcp(CLIENT, SERVER, 1_000_000, 0xffffff00).open();
for (const [i, request] of requests.entries()) {
  tcp.send('client', encodeHttpRequest(request));
  tcp.send('server', encodeHttpResponse(responses[i] ?? makeResponse(500)));
}
tcp.close();
const file = join(dir, 'http.pcap');
const records = script.frames.map(({ timeNs, packet }) => ({
  timeNs,
  bytes: encodePacket(packet),
}));
writeFileSync(file, writePcap(records, { epochSeconds: 1_700_000_000 }));

describe('tshark on HTTP/1.1 over a scripted TCP connection', () => {
  const rows = fields(
    file,
    'ip.src http.request.method http.request.uri http.response.code http.response.phrase http.content_length http.set_cookie urlencoded-form.key urlencoded-form.value',
  );
  const http = rows.filter(
    (r) => r['http.request.method'] !== '' || r['http.response.code'] !== '',
  );

  it('finds no malformed packet and no expert warning or error', () => {
    expectClean(file);
  });

  it('dissects each request and response with the method, URI, code and Content-Length we wrote', () => {
    const view = http.map((r) => [
      r['http.request.method'] || r['http.response.code'],
      r['http.request.uri'] || r['http.response.phrase'],
      r['http.content_length'],
    ]);
    expect(view).toEqual([
      ['GET', '/index.html', ''],
      ['200', 'OK', String(utf8(PAGE).length)],
      ['POST', '/login', '22'],
      ['201', 'Created', '8'],
      ['HEAD', '/index.html', ''],
      ['200', 'OK', String(utf8(PAGE).length)],
    ]);
  });

  it('reads the POST form body and the Set-Cookie header', () => {
    const post = http.find((r) => r['http.request.method'] === 'POST');
    expect(post?.['urlencoded-form.key']).toBe('user,pass');
    expect(post?.['urlencoded-form.value']).toBe('ada,lovelace');
    expect(http.find((r) => r['http.response.code'] === '201')?.['http.set_cookie']).toBe(
      'sid=42; Path=/; HttpOnly',
    );
  });

  it('is parsed back by our own parsers from the same segments', () => {
    const server = new HttpRequestParser();
    const client = new HttpResponseParser();
    for (const r of requests) client.expect(r.method);
    const got: string[] = [];
    for (const { packet } of script.frames) {
      const toServer = packet.transport.kind === 'tcp' && packet.transport.dstPort === 80;
      for (const e of (toServer ? server : client).push(packet.payload)) {
        if (e.kind === 'error') got.push(`error ${e.status}`);
        else got.push('method' in e.message ? e.message.method : String(e.message.status));
      }
    }
    expect(got).toEqual(['GET', '200', 'POST', '201', 'HEAD', '200']);
  });
});
