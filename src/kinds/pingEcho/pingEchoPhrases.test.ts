// The pinger's and the echo server's words in German: the phrasebook is whole, their cards and
// their sentences (expected German written by hand); English by default.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { record, tell, testNames } from '../../viz/kinds/kindSpeechTestHelpers.ts';
import { PING_ECHO_DE } from './pingEchoPhrases.de.ts';
import { PING_ECHO_EN } from './pingEchoPhrases.ts';
import { echoView, pingerView } from './pingEchoView.ts';

const PEER = '192.168.1.80:7';
const PINGER_RECORDS = [
  record('app.state', { node: 'laptop', app: 'pinger', state: 'awaitingReply' }),
  record('app.request', { node: 'laptop', app: 'pinger', peer: PEER, seq: 1, attempt: 0, pkt: 1 }),
  record('app.timeout', { t: 1e9, node: 'laptop', app: 'pinger', seq: 1, attempt: 0 }),
  record('app.request', {
    t: 1e9,
    node: 'laptop',
    app: 'pinger',
    peer: PEER,
    seq: 1,
    attempt: 1,
    pkt: 3,
  }),
  record('app.reply', {
    t: 1e9,
    node: 'laptop',
    app: 'pinger',
    seq: 1,
    attempt: 1,
    rtt: 20_500_000,
  }),
  record('app.lateReply', { t: 1e9, node: 'laptop', app: 'pinger', seq: 1, attempt: 0 }),
  record('app.giveUp', { t: 2e9, node: 'laptop', app: 'pinger', seq: 2 }),
];

describe('ping and echo in German', () => {
  it('has a whole German phrasebook', () => {
    expect(translationProblems(PING_ECHO_EN, PING_ECHO_DE)).toEqual([]);
  });

  it("writes the pinger's and the echo server's cards", () => {
    const names = testNames('de');
    const pinger = {
      node: 'laptop',
      peer: PEER,
      sent: 5,
      retries: 1,
      replies: 4,
      lost: 1,
      lateReplies: 0,
      rttMinNs: 20_000_000,
      rttMeanNs: 20_250_000,
      rttMaxNs: null,
    };
    expect(pingerView.card(pinger, names, 'de')).toEqual({
      id: 'pinger-laptop',
      title: 'Laptop → Web server (192.168.1.80:7)',
      kind: 'Pinger auf laptop',
      figures: [
        ['Gesendet', '5', 'sent'],
        ['Wiederholungen', '1', 'retries'],
        ['Antworten', '4', 'replies'],
        ['Verloren (aufgegeben)', '1', 'lost'],
        ['Verspätete Antworten', '0', 'lateReplies'],
        ['Umlaufzeit min / Mittel / max', '20 ms / 20,25 ms / —'],
      ],
    });
    expect(pingerView.card(pinger, testNames()).figures[5]).toEqual([
      'Round trip min / mean / max',
      '20 ms / 20.25 ms / —',
    ]);
    expect(echoView.card({ node: 'web', served: 4, maxQueue: 2 }, names, 'de')).toEqual({
      id: 'echo-web',
      title: 'Web server',
      kind: 'Echo-Server auf web',
      figures: [
        ['Bedient', '4', 'served'],
        ['Längste Warteschlange', '2', 'maxQueue'],
      ],
    });
  });

  it("tells the pinger's sentences in German", () => {
    expect(tell(pingerView.narration!, PINGER_RECORDS, 'de')).toEqual([
      'Die App pinger von Laptop wartet jetzt auf eine Antwort.',
      'Laptop sendet Anfrage 1 an Web server (192.168.1.80:7) in Paket #1.',
      'Laptop: Timeout beim Warten auf Antwort 1; ein neuer Versuch folgt.',
      'Laptop sendet Anfrage 1 erneut an Web server (192.168.1.80:7) (Wiederholung 1) in Paket #3.',
      'Laptop erhält Antwort 1: Die Umlaufzeit betrug 20,5 ms.',
      'Laptop ignoriert Antwort 1: Sie kam zu spät und wird nicht mehr erwartet.',
      'Laptop gibt Anfrage 2 auf: Sie gilt als verloren.',
    ]);
  });

  it("tells the echo server's sentences in German", () => {
    expect(
      tell(
        echoView.narration!,
        [
          record('app.receive', {
            node: 'web',
            app: 'echo',
            client: '192.168.1.10:49152',
            seq: 3,
            attempt: 1,
            waiting: 3,
          }),
          record('app.serve', {
            node: 'web',
            app: 'echo',
            client: '192.168.1.10:49152',
            seq: 3,
            attempt: 1,
            pkt: -1,
          }),
        ],
        'de',
      ),
    ).toEqual([
      'Web server empfängt Anfrage 3 (Wiederholung 1) von Laptop (192.168.1.10:49152); 2 Anfragen warten vor ihr.',
      'Web server beantwortet Anfrage 3 (Wiederholung 1) von Laptop (192.168.1.10:49152), aber die Antwort kann nicht gesendet werden.',
    ]);
  });

  it('tells them in English by default', () => {
    expect(tell(pingerView.narration!, PINGER_RECORDS)).toEqual([
      'Laptop’s pinger app is now waiting for a reply.',
      'Laptop sends request 1 to Web server (192.168.1.80:7) in packet #1.',
      'Laptop times out waiting for reply 1 and retries.',
      'Laptop sends request 1 to Web server (192.168.1.80:7) again (retry 1) in packet #3.',
      'Laptop gets reply 1: the round trip took 20.5 ms.',
      'Laptop ignores reply 1: it came too late and is no longer awaited.',
      'Laptop gives up on request 2: it counts as lost.',
    ]);
  });
});
