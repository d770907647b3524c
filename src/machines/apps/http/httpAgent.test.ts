import { describe, expect, it } from 'vitest';
import { B, twoHosts } from '../../../../tests/support/tcpNetwork.ts';
import { makeRequest } from '../../../net/app/http/httpMessage.ts';
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
