// The event log's sentences for client retries and a server's rate limit, in English and German,
// on hand-made records (expected sentences written by hand), and the log groups they are filed in.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { recordList } from '../../engine/traceRecords.ts';
import { networkNames } from '../names/index.ts';
import { narrate } from './narrate.ts';
import { filterEntries, NO_FILTER, type LogFilter } from './logFilter.ts';
import { texts } from './narrateTestHelpers.ts';

const MS = 1e6;
const names = networkNames([
  {
    id: 'web',
    label: 'Web server',
    role: 'server',
    interfaces: [{ name: 'eth0', address: { address: 0x0a000002, prefix: 24 } }],
  },
  {
    id: 'pc',
    label: 'Laptop',
    role: 'client',
    interfaces: [{ name: 'eth0', address: { address: 0x0a000001, prefix: 24 } }],
  },
] as unknown as Parameters<typeof networkNames>[0]);

const user = { node: 'pc', app: 'http/u2', target: '/api/status' };
const records: TraceRecord[] = [
  {
    t: 0,
    type: 'server.limit',
    node: 'web',
    app: 'web',
    conn: '10.0.0.1:49152',
    req: 4,
    key: '10.0.0.1',
    status: 503,
  },
  {
    t: 1 * MS,
    type: 'client.retry',
    ...user,
    req: 7,
    attempt: 2,
    attempts: 5,
    delay: 212.5 * MS,
    retryAfter: null,
    reason: '503',
  },
  {
    t: 2 * MS,
    type: 'client.retry',
    ...user,
    req: 8,
    attempt: 3,
    attempts: 5,
    delay: 2000 * MS,
    retryAfter: 2000 * MS,
    reason: '429',
  },
  { t: 3 * MS, type: 'client.recovered', ...user, req: 9, attempt: 3 },
  { t: 4 * MS, type: 'client.giveUp', ...user, req: 12, attempts: 5, reason: 'ECONNREFUSED' },
  {
    t: 5 * MS,
    type: 'server.limit',
    node: 'web',
    app: 'db',
    conn: '10.0.0.1:49153',
    req: 5,
    key: 'all',
    status: 429,
  },
];

describe('sentences for retries and rate limits', () => {
  it('in English', () => {
    expect(texts(narrate(records, names))).toEqual([
      'Web server: Laptop (10.0.0.1:49152) is over web’s rate limit (no token left in its bucket), so request 4 is answered 503 Service Unavailable at once, without work.',
      'Laptop’s http user u2: request 7 for /api/status failed (503 Service Unavailable); it tries again in 212.5 ms, try 2 of 5.',
      'Laptop’s http user u2: request 8 for /api/status failed (429 Too Many Requests); it tries again in 2 s, as the server asked, try 3 of 5.',
      'Laptop’s http user u2 gets its answer for /api/status on try 3.',
      'Laptop’s http user u2 gives up on /api/status after 5 tries (ECONNREFUSED).',
      'Web server: db is over its rate limit for all clients (no token left in the bucket), so request 5 from Laptop (10.0.0.1:49153) is answered 429 Too Many Requests at once, without work.',
    ]);
  });

  it('in German', () => {
    expect(texts(narrate(records, names, undefined, 'de'))).toEqual([
      'Web server: Laptop (10.0.0.1:49152) ist über dem Ratenlimit von web (kein Token mehr in seinem Eimer), also wird Anfrage 4 sofort mit 503 Service Unavailable beantwortet, ohne Arbeit.',
      'Laptop: Nutzer u2 von http: Anfrage 7 nach /api/status ist gescheitert (503 Service Unavailable); nächster Versuch in 212,5 ms, Versuch 2 von 5.',
      'Laptop: Nutzer u2 von http: Anfrage 8 nach /api/status ist gescheitert (429 Too Many Requests); nächster Versuch in 2 s, wie der Server verlangt, Versuch 3 von 5.',
      'Laptop: Nutzer u2 von http bekommt die Antwort für /api/status im Versuch 3.',
      'Laptop: Nutzer u2 von http gibt /api/status nach 5 Versuchen auf (ECONNREFUSED).',
      'Web server: db ist über seinem Ratenlimit für alle Clients (kein Token mehr im Eimer), also wird Anfrage 5 von Laptop (10.0.0.1:49153) sofort mit 429 Too Many Requests beantwortet, ohne Arbeit.',
    ]);
  });

  it('files refusals under drops, retries and giving up under errors', () => {
    const entries = records.map((r, index) => ({ index, t: r.t }));
    const kept = (filter: Partial<LogFilter>) =>
      filterEntries(entries, recordList(records), { ...NO_FILTER, ...filter }).map((e) => e.index);
    expect(kept({ group: 'drops' })).toEqual([0, 5]);
    expect(kept({ group: 'errors' })).toEqual([1, 2, 4]);
    expect(kept({ protocol: 'app', node: 'pc' })).toEqual([1, 2, 3, 4]);
  });
});
