// Documents an embed fetches (embedDocuments.ts), from a real HTTP server on this machine: the
// text of a good one, and a sentence naming the address and the trouble for each bad one.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from './embedDocuments.ts';

let base = '';
const server = createServer((request, response) => {
  if (request.url === '/ping.json') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"name":"ping"}');
  } else if (request.url === '/home') {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><p>Home</p>');
  } else if (request.url === '/slow.json') {
    setTimeout(() => response.end('{}'), 2000);
  } else {
    response.writeHead(404, 'Not Found');
    response.end();
  }
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/course/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const context = () => ({ root: { getElementById: () => null }, base, timeoutMs: 300 });
const load = (url: string) => loadDocument({ kind: 'url', url }, 'the scenario', context());

describe('documents by URL', () => {
  it('reads a document relative to the page', async () => {
    expect(await load('../ping.json')).toEqual({
      ok: true,
      text: '{"name":"ping"}',
      from: `${new URL('../ping.json', base).href}`,
      url: new URL('../ping.json', base),
    });
  });

  it('says what went wrong, naming the address, as a sentence', async () => {
    expect(await load('/missing.json')).toEqual({
      ok: false,
      message: `The scenario at "${new URL('/missing.json', base).href}" could not be loaded: the server answered 404 Not Found`,
    });
    expect(await load('/home')).toMatchObject({
      message: expect.stringContaining('is a web page, not a document'),
    });
    expect(await load('/slow.json')).toMatchObject({
      message: expect.stringMatching(/no answer within 0.3 s$/),
    });
    expect(await load('javascript:alert(1)')).toEqual({
      ok: false,
      message: 'The scenario: "javascript:alert(1)" is not an http or https address',
    });
  });

  it('says when the page has no such script element', async () => {
    expect(await loadDocument({ kind: 'inline', id: 'net' }, 'the lesson', context())).toEqual({
      ok: false,
      message: 'The lesson: the page has no element with id "net"',
    });
  });
});
