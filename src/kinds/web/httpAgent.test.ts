import { describe, expect, it } from 'vitest';
import { B, twoHosts } from '../../../tests/support/tcpNetwork.ts';
import { makeRequest } from '../../net/app/http/httpMessage.ts';
import { HttpAgent } from './httpAgent.ts';
import type { HttpOutcome } from './httpClientConnection.ts';

describe('HttpAgent', () => {
  it('fails a request once with EADDRNOTAVAIL when no ephemeral port is left', () => {
    const { sim, a } = twoHosts();
    // Take every ephemeral port of A (49152-65535, RFC 6335) with a listener.
    for (let port = 49_152; port <= 65_535; port++) expect(a.tcp.listen(port).ok).toBe(true);
    const agent = new HttpAgent(
      sim,
      a.tcp,
      'A',
      B,
      80,
      { persistent: false, parallel: 1, pipelining: false },
      {
        app: 'http',
        next: (() => {
          let n = 0;
          return () => ++n;
        })(),
      },
    );
    const outcomes: HttpOutcome[] = [];
    agent.request(makeRequest('GET', '/', [['Host', 'b']]), (o) => outcomes.push(o));
    sim.run({ until: 1e9 });
    expect(outcomes).toEqual([{ ok: false, error: 'EADDRNOTAVAIL', req: 1, unsent: true }]);
    expect(sim.trace.ofType('http.failure').map((f) => f.error)).toEqual(['EADDRNOTAVAIL']);
  });
});

/** A server on B:80 that answers every request `Connection: close` and closes. */
function closingServer(net: ReturnType<typeof twoHosts>) {
  const listening = net.b.tcp.listen(80);
  if (!listening.ok) throw new Error(listening.error);
  const listener = listening.value;
  const seen: string[] = [];
  let connections = 0;
  listener.onConnection = () => {
    for (let next = listener.accept(); next.ok; next = listener.accept()) {
      const c = next.value;
      const id = ++connections;
      c.handlers.onData = (bytes) => {
        seen.push(`${new TextDecoder().decode(bytes).split('\r\n')[0]} (connection ${id})`);
        c.send(
          new TextEncoder().encode(
            'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok',
          ),
        );
        c.close();
      };
      c.handlers.onEnd = () => c.close();
    }
  };
  return seen;
}

const counter = () => {
  let n = 0;
  return { app: 'http', next: () => ++n };
};

describe('HttpAgent and Connection: close', () => {
  it('sends a request made in the response callback on a new connection (RFC 9112 9.6)', () => {
    const net = twoHosts();
    const seen = closingServer(net);
    const agent = new HttpAgent(
      net.sim,
      net.a.tcp,
      'A',
      B,
      80,
      { persistent: true, parallel: 1, pipelining: false },
      counter(),
    );
    const results: string[] = [];
    agent.request(makeRequest('GET', '/a', [['Host', 'b']]), (first) => {
      results.push(`GET ${first.ok ? first.response.status : first.error}`);
      const body = new TextEncoder().encode('x=1');
      agent.request(makeRequest('POST', '/b', [['Host', 'b']], body), (second) =>
        results.push(`POST ${second.ok ? second.response.status : second.error}`),
      );
    });
    net.sim.run({ until: 1e9 });
    expect(results).toEqual(['GET 200', 'POST 200']);
    expect(seen).toEqual(['GET /a HTTP/1.1 (connection 1)', 'POST /b HTTP/1.1 (connection 2)']);
    expect(net.sim.trace.ofType('http.failure')).toHaveLength(0);
  });

  it('sends a request lost to a closing server again only once', () => {
    // Nobody reads: the server accepts and closes at once, so every attempt dies unanswered.
    const net = twoHosts();
    const listening = net.b.tcp.listen(80);
    if (!listening.ok) throw new Error(listening.error);
    const listener = listening.value;
    let accepted = 0;
    listener.onConnection = () => {
      for (let next = listener.accept(); next.ok; next = listener.accept()) {
        accepted++;
        next.value.close();
      }
    };
    const agent = new HttpAgent(
      net.sim,
      net.a.tcp,
      'A',
      B,
      80,
      { persistent: true, parallel: 1, pipelining: false },
      counter(),
    );
    const outcomes: HttpOutcome[] = [];
    agent.request(makeRequest('GET', '/', [['Host', 'b']]), (o) => outcomes.push(o));
    net.sim.run({ until: 1e9 });
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ ok: false, error: 'ECONNRESET' });
    expect(accepted).toBe(2);
    expect(net.sim.trace.ofType('http.failure').map((f) => f.error)).toEqual([
      'ECONNRESET, sending again',
      'ECONNRESET',
    ]);
  });
});
