// A bulk transfer's words in German: the phrasebook is whole, the sender's and the sink's cards
// (the outcome as the CLI writes it in English) and their sentences (expected German written by
// hand); English by default.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { record, tell, testNames } from '../../viz/kinds/kindSpeechTestHelpers.ts';
import { spoken, validateScenario } from '../../sim/index.ts';
import { BULK_CHECK_DE } from './bulkCheckPhrases.de.ts';
import { BULK_CHECK_EN } from './bulkCheckPhrases.ts';
import { BULK_DE } from './bulkPhrases.de.ts';
import { BULK_EN } from './bulkPhrases.ts';
import { describeTransfer, type BulkSendFigures } from './bulkSendBehaviour.ts';
import { bulkSendView, sinkView, transferOutcome } from './bulkView.ts';

const DONE: BulkSendFigures = {
  node: 'laptop',
  peer: '192.168.1.80:9',
  bytes: 300000,
  written: 300000,
  connectedAtNs: 0,
  finishedAtNs: 2_100_000_000,
  error: null,
};
const UNFINISHED: BulkSendFigures = { ...DONE, written: 1500, finishedAtNs: null };
const FAILED: BulkSendFigures = { ...UNFINISHED, error: 'ECONNRESET' };

describe('a bulk transfer in German', () => {
  it('has whole German phrasebooks', () => {
    expect(translationProblems(BULK_EN, BULK_DE)).toEqual([]);
    expect(translationProblems(BULK_CHECK_EN, BULK_CHECK_DE)).toEqual([]);
  });

  it('says how a transfer went in English exactly as the CLI does', () => {
    for (const b of [DONE, UNFINISHED, FAILED])
      expect(transferOutcome(b)).toBe(describeTransfer(b));
  });

  it('says how it went in German', () => {
    // 300000 bytes in 2.1 s: 300000 × 8 / 2.1 = 1142857 bit/s.
    expect(transferOutcome(DONE, 'de')).toBe(
      '300.000 Bytes in 2,1 s nach dem Verbindungsaufbau (1,143 Mbit/s Nutzdatenrate)',
    );
    expect(transferOutcome(UNFINISHED, 'de')).toBe(
      'nicht fertig: 1.500 von 300.000 Bytes geschrieben',
    );
    expect(transferOutcome(FAILED, 'de')).toBe(
      'gescheitert: ECONNRESET nach 1.500 von 300.000 geschriebenen Bytes',
    );
  });

  it("writes the sender's and the sink's cards", () => {
    const names = testNames('de');
    expect(bulkSendView.card(UNFINISHED, names, 'de')).toEqual({
      id: 'bulkSend-laptop',
      title: 'Laptop → Web server (192.168.1.80:9)',
      kind: 'TCP-Upload von laptop',
      figures: [
        ['Geschrieben', '1.500 von 300.000 Bytes', 'written'],
        ['Ergebnis', 'nicht fertig: 1.500 von 300.000 Bytes geschrieben', 'outcome'],
      ],
    });
    expect(
      sinkView.card({ node: 'web', port: 9, connections: 1, bytesReceived: 300000 }, names, 'de'),
    ).toEqual({
      id: 'sink-web',
      title: 'Web server',
      kind: 'TCP-Senke an Port 9',
      figures: [
        ['Verbindungen', '1', 'connections'],
        ['Empfangene Bytes', '300.000', 'bytesReceived'],
      ],
    });
  });

  it('tells their phases, writes and reads in German', () => {
    expect(
      tell(
        bulkSendView.narration!,
        [
          record('app.state', { node: 'laptop', app: 'bulk', state: 'sending' }),
          record('app.state', { node: 'laptop', app: 'bulk', state: 'somethingNew' }),
          record('app.write', { node: 'laptop', app: 'bulk', bytes: 65536, written: 131072 }),
        ],
        'de',
      ),
    ).toEqual([
      'Die App bulk von Laptop sendet jetzt Daten.',
      null,
      'Die App bulk von Laptop übergibt TCP weitere 65.536 Bytes (bisher 131.072).',
    ]);
    const sink = [
      record('app.state', { node: 'web', app: 'sink', state: 'idle' }),
      record('app.read', { node: 'web', app: 'sink', conn: '192.168.1.10:49152', bytes: 1460 }),
    ];
    expect(tell(sinkView.narration!, sink, 'de')).toEqual([
      'Die App sink von Web server ist jetzt im Leerlauf und wartet auf Verbindungen.',
      'Die App sink von Web server liest 1.460 Bytes von Laptop (192.168.1.10:49152).',
    ]);
    expect(tell(sinkView.narration!, sink)).toEqual([
      'Web server’s sink app is now idle, waiting for connections.',
      'Web server’s sink app reads 1460 bytes from Laptop (192.168.1.10:49152).',
    ]);
  });
});

describe('the transfer action’s own check in German', () => {
  it('says that nothing listens in German, English for the CLI', () => {
    const result = validateScenario({
      format: 'handshake/scenario@1',
      name: 'checks',
      nodes: [{ id: 'a', role: 'server', interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }] }],
      links: [],
      events: [{ at: '1s', type: 'transfer', node: 'a', target: 'a', bytes: 10, port: 9 }],
    });
    const issues = result.ok ? [] : result.issues;
    expect(issues.map((i) => spoken(i, 'de'))).toEqual([
      'auf a hört nichts auf TCP-Port 9: Füge dort eine Senke hinzu, die die Bytes empfängt',
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      'nothing on a listens on TCP port 9: add a sink there to receive the bytes',
    ]);
  });
});
