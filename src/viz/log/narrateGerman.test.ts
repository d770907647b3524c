// The event log told in German: a few records of every kind of sentence (run, app, socket,
// packets, users, unknown records); TCP and servers are in narrateGermanTcp.test.ts, the smaller
// words in logWordsGerman.test.ts. Every expected sentence is written by hand from the record
// (German numbers: 1.500, 1,5 ms).
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import bulkJson from '../../../simulations/tcp-bulk-transfer.json';
import { networkNames } from '../names/index.ts';
import { narrate } from './narrate.ts';
import { userSentence } from './narrateUsers.ts';
import { checked, texts } from './narrateTestHelpers.ts';

const names = networkNames(checked(bulkJson).nodes);
/** Hand-made records told in German, one sentence each. */
const de = (records: object[]) =>
  texts(narrate(records as unknown as TraceRecord[], names, undefined, 'de'));
const one = (record: object) => de([record])[0];

describe('the event log in German', () => {
  it('tells the run, app and socket records', () => {
    expect(
      de([
        { t: 0, type: 'sim.start', scenario: 'Upload', seed: 7 },
        { t: 1, type: 'socket.bind', node: 'server', protocol: 'udp', port: 53 },
        { t: 2, type: 'socket.release', node: 'server', protocol: 'udp', port: 53 },
        {
          t: 3,
          type: 'socket.error',
          node: 'laptop',
          protocol: 'udp',
          socket: '10.0.1.10:5000',
          op: 'send',
          error: 'EMSGSIZE',
        },
        { t: 4, type: 'app.state', node: 'laptop', app: 'x', state: 'waitingForIo' },
        { t: 5, type: 'app.error', node: 'laptop', app: 'x', op: 'bind', error: 'EADDRINUSE' },
        { t: 6, type: 'sim.end', reason: 'until', events: 1234 },
        { t: 7, type: 'sim.end', reason: 'empty', events: 1 },
        { t: 8, type: 'sim.end', reason: 'maxEvents', events: 2 },
      ]),
    ).toEqual([
      'Die Simulation von „Upload“ beginnt mit Seed 7.',
      'Server öffnet einen UDP-Socket auf Port 53.',
      'Server schließt den UDP-Socket auf Port 53.',
      'Laptop: send auf dem Socket „10.0.1.10:5000“ schlägt fehl mit EMSGSIZE: das Datagramm ist zu groß.',
      'Laptop: Die Anwendung x ist jetzt im Zustand „waitingForIo“.',
      'Laptop: In der Anwendung x schlägt bind fehl mit EADDRINUSE: der Port ist schon belegt.',
      'Der Lauf endet, weil er seine Zeitgrenze erreicht hat, nach 1.234 Ereignissen.',
      'Der Lauf endet, weil nichts mehr zu tun war, nach 1 Ereignis.',
      'Der Lauf endet, weil er die Ereignisgrenze erreicht hat (vielleicht hört er nie von selbst auf), nach 2 Ereignissen.',
    ]);
  });

  it('tells a record of an unknown type with German words for its fields', () => {
    expect(
      one({ t: 0, type: 'future.thing', node: 'server', pkt: 4, data: new Uint8Array(1) }),
    ).toBe('future.thing: Knoten Server, Paket #4, data 1 Byte.');
  });

  it('tells links, queues, IP and switches', () => {
    expect(
      de([
        { t: 0, type: 'link.txEnd', link: 'lan', node: 'laptop', iface: 'eth0', pkt: 3 },
        { t: 0, type: 'link.rx', link: 'lan', node: 'router', iface: 'eth0', pkt: 3 },
        { t: 0, type: 'link.rx', link: 'lan', node: 'laptop', iface: 'eth0', pkt: 4 },
        { t: 0, type: 'link.lost', link: 'wan', node: 'router', pkt: 5, reason: 'random' },
        { t: 0, type: 'link.lost', link: 'wan', node: 'router', pkt: 6, reason: 'linkDown' },
        {
          t: 0,
          type: 'queue.drop',
          link: 'wan',
          node: 'router',
          iface: 'eth1',
          pkt: 7,
          bytes: 1500,
          reason: 'queueFull',
        },
        {
          t: 0,
          type: 'queue.length',
          link: 'wan',
          node: 'router',
          iface: 'eth1',
          packets: 1,
          bytes: 1500,
        },
        {
          t: 0,
          type: 'queue.length',
          link: 'wan',
          node: 'router',
          iface: 'eth1',
          packets: 20,
          bytes: 29200,
        },
        { t: 0, type: 'link.state', link: 'wan', up: false },
        { t: 0, type: 'link.state', link: 'wan', up: true },
        {
          t: 0,
          type: 'link.impair',
          link: 'wan',
          node: 'router',
          iface: 'eth1',
          pkt: 8,
          effect: 'duplicate',
        },
        { t: 0, type: 'ip.forward', node: 'router', pkt: 3, fromIface: 'eth0', toIface: 'eth1' },
        { t: 0, type: 'ip.forward', node: 'router', pkt: 3, fromIface: 'eth0', toIface: 'eth0' },
        { t: 0, type: 'ip.deliver', node: 'server', pkt: 3, protocol: 6 },
        { t: 0, type: 'ip.deliver', node: 'server', pkt: 3, protocol: 99 },
        { t: 0, type: 'ip.drop', node: 'router', pkt: 9, reason: 'ttl' },
        { t: 0, type: 'ip.drop', node: 'router', pkt: 99, reason: 'noRoute' },
        { t: 0, type: 'switch.learn', node: 'router', address: '02:00:00:00:00:01', port: 2 },
        {
          t: 0,
          type: 'switch.forward',
          node: 'router',
          pkt: 3,
          fromPort: 1,
          toPort: 2,
          flood: true,
        },
        {
          t: 0,
          type: 'switch.forward',
          node: 'router',
          pkt: 3,
          fromPort: 1,
          toPort: 2,
          flood: false,
        },
        { t: 0, type: 'switch.filter', node: 'router', pkt: 3, port: 1 },
      ]),
    ).toEqual([
      'Das letzte Bit von Paket #3 verlässt Laptop auf Leitung lan.',
      'Paket #3 kommt bei Router über eth0 an.',
      'Paket #4 kommt bei Laptop an.',
      'Paket #5 geht auf Leitung wan verloren.',
      'Paket #6 wird auf Leitung wan abgeschnitten: Die Leitung ist ausgefallen.',
      'Paket #7 wird verworfen: Die Warteschlange an Router eth1 ist voll.',
      'Die Warteschlange an Router eth1 enthält 1 Paket (1.500 Bytes).',
      'Die Warteschlange an Router eth1 enthält 20 Pakete (29.200 Bytes).',
      'Leitung wan fällt aus.',
      'Leitung wan ist wieder in Betrieb.',
      'Leitung wan verdoppelt Paket #8: Es wird zweimal ankommen.',
      'Router leitet Paket #3 von eth0 nach eth1 weiter.',
      'Router leitet Paket #3, das über eth0 kam, über eth0 wieder hinaus.',
      'Server nimmt Paket #3 an und übergibt es an TCP.',
      'Server nimmt Paket #3 an und übergibt es an IP-Protokoll 99.',
      'Router verwirft Paket #9: Die TTL ist abgelaufen.',
      'Router verwirft Paket #99: Es gibt keine Route zu seinem Ziel.',
      'Router lernt, dass 02:00:00:00:00:01 hinter Port 2 liegt.',
      'Router flutet Paket #3 über Port 2 hinaus: Er weiß noch nicht, wo das Ziel liegt.',
      'Router schickt Paket #3 von Port 1 an Port 2 weiter.',
      'Router verwirft Paket #3: Sein Ziel liegt hinter Port 1, woher es kam.',
    ]);
  });

  it('tells the users of client apps', () => {
    const say = (record: object) => userSentence(record as TraceRecord, names, 'de')?.text;
    expect(
      say({ t: 0, type: 'app.state', node: 'laptop', app: 'http/u3', state: 'thinking' }),
    ).toBe('Laptop: Nutzer u3 von http denkt vor dem nächsten Besuch nach.');
    expect(say({ t: 0, type: 'app.state', node: 'laptop', app: 'http', state: 'resolving' })).toBe(
      'Laptop: Anwendung http sucht die Adresse des Servers.',
    );
    expect(say({ t: 0, type: 'app.visit', node: 'laptop', app: 'http/u3', visit: 2 })).toBe(
      'Laptop: Nutzer u3 von http beginnt Besuch 2.',
    );
    // English stays the default.
    expect(
      userSentence(
        { t: 0, type: 'app.visit', node: 'laptop', app: 'http/u3', visit: 2 } as TraceRecord,
        names,
      )?.text,
    ).toBe('Laptop’s http user u3 starts visit 2.');
  });

  it('tells in English by default', () => {
    const record = { t: 0, type: 'link.state', link: 'wan', up: false };
    expect(texts(narrate([record] as unknown as TraceRecord[], names))).toEqual([
      'Link wan goes down.',
    ]);
  });
});
