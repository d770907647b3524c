// The event log's sentences for a listener's SYN queue and SYN cookies (RFC 4987): a SYN dropped
// because the queue is full, a cookie SYN-ACK, a cookie brought back and one dropped, in English
// and German, written by hand from the records.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import bulkJson from '../../../simulations/tcp-bulk-transfer.json';
import { networkNames } from '../names/index.ts';
import { narrate } from './narrate.ts';
import { checked, texts } from './narrateTestHelpers.ts';

const names = networkNames(checked(bulkJson).nodes);
const conn = '10.0.2.20:5001>10.0.1.10:49152';
const RECORDS = [
  { t: 0, type: 'tcp.synQueueFull', node: 'server', port: 5001, pkt: 3, synBacklog: 16 },
  { t: 1, type: 'tcp.synCookie', node: 'server', port: 5001, pkt: 4, cookie: 98523537, mss: 1460 },
  { t: 2, type: 'tcp.cookieAck', node: 'server', port: 5001, pkt: 6, conn, mss: 1460 },
  { t: 3, type: 'tcp.cookieDropped', node: 'server', port: 5001, pkt: 7, backlog: 1 },
] as unknown as TraceRecord[];

describe('the SYN queue and SYN cookies in the event log', () => {
  it('are told in English', () => {
    expect(texts(narrate(RECORDS, names))).toEqual([
      'Server drops the SYN in packet #3: its SYN queue on TCP port 5001 already holds 16 half-open connections (SYN-RECEIVED), its limit, and SYN cookies are off.',
      'Server answers the SYN in packet #4 with a SYN cookie, as its queue on TCP port 5001 is full: a SYN-ACK whose sequence number 98523537 encodes the connection (MSS 1460), and it keeps nothing.',
      'Server gets a valid SYN cookie back in packet #6 (its ACK number minus one), so it makes the connection to Laptop (10.0.1.10:49152) now (MSS 1460; window scaling, SACK and timestamps are lost).',
      'Server finds a valid SYN cookie in packet #7, but the accept queue on TCP port 5001 already holds 1 connection: it drops the segment.',
    ]);
  });

  it('are told in German', () => {
    expect(texts(narrate(RECORDS, names, undefined, 'de'))).toEqual([
      'Server verwirft das SYN in Paket #3: Die SYN-Warteschlange auf TCP-Port 5001 hält schon 16 halboffene Verbindungen (SYN-RECEIVED), ihre Grenze, und SYN-Cookies sind aus.',
      'Server beantwortet das SYN in Paket #4 mit einem SYN-Cookie, weil die Warteschlange auf TCP-Port 5001 voll ist: ein SYN-ACK, dessen Sequenznummer 98523537 die Verbindung kodiert (MSS 1460); gespeichert wird nichts.',
      'Server erhält in Paket #6 ein gültiges SYN-Cookie zurück (die ACK-Nummer minus eins) und baut jetzt die Verbindung zu Laptop (10.0.1.10:49152) auf (MSS 1460; Fensterskalierung, SACK und Zeitstempel gehen verloren).',
      'Server findet in Paket #7 ein gültiges SYN-Cookie, aber die Accept-Warteschlange auf TCP-Port 5001 hält schon 1 Verbindung: Das Segment wird verworfen.',
    ]);
  });
});
