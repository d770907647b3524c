// The ladder's words in German: the translation is whole; run labels, time ticks, arrow texts,
// loss reasons, the notes when there is no ladder and the screen-reader sentences come out in
// German when asked (protocol words unchanged), English by default.
import { describe, expect, it } from 'vitest';
import { recordsOfType, runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { translationProblems } from '../../engine/language.ts';
import { recordList } from '../../engine/traceRecords.ts';
import { buildLadder, type LadderArrow } from './ladder.ts';
import type { PlacedArrow, PlacedRun } from './ladderGeometry.ts';
import { layoutLadder } from './ladderLayout.ts';
import { LADDER_EN } from './ladderPhrases.ts';
import { LADDER_DE } from './ladderPhrases.de.ts';
import {
  arrowSpoken,
  arrowTexts,
  denseWords,
  focusWords,
  formatTimeTick,
  lossText,
  runLabel,
  runShortLabel,
  runSpoken,
  selectedWords,
} from './ladderWords.ts';

const arrow: LadderArrow = {
  key: '7',
  pkt: 7,
  link: 'wan',
  from: 0,
  sent: 1000,
  arrived: null,
  lost: { t: 2000, reason: 'Warteschlange voll', node: 'router' },
  label: 'ACK seq=1 ack=1 len=1460',
  title: '10.0.1.10:59820 → 10.0.2.20:5001',
  message: null,
  retransmit: 'timeout',
  duplicate: true,
  refused: null,
  payload: 1460,
  data: true,
  pureAck: false,
  conn: 'c',
  ack: 1,
};

describe('ladder phrases', () => {
  it('the German translation is whole', () => {
    expect(translationProblems(LADDER_EN, LADDER_DE)).toEqual([]);
  });

  it('counts a run in German, thousands grouped with points', () => {
    expect(runLabel(214, 312_440, 107, 'de')).toBe('214 Datensegmente (312.440 Bytes), 107 ACKs');
    expect(runLabel(1, 1, 1, 'de')).toBe('1 Datensegment (1 Byte), 1 ACK');
    expect(runShortLabel(214, 0, 'de')).toBe('214 Segmente');
    expect(runLabel(3, 4380)).toBe('3 data segments (4,380 bytes)');
  });

  it('writes a time tick with a decimal comma in German', () => {
    expect(formatTimeTick(100_000_000, 100_000_000, 'de')).toBe('0,1 s');
    expect(formatTimeTick(1_500_000, 500_000, 'de')).toBe('1,5 ms');
    expect(formatTimeTick(1_500_000, 500_000)).toBe('1.5 ms');
    expect(formatTimeTick(0, 500_000, 'de')).toBe('0');
  });

  it('writes an arrow and its loss in German, the protocol words as they are', () => {
    expect(arrowTexts(arrow, 'de')).toEqual(['↻ ACK seq=1 ack=1 len=1460 (Duplikat)']);
    expect(arrowTexts(arrow)).toEqual(['↻ ACK seq=1 ack=1 len=1460 (duplicate)']);
    expect(lossText(arrow, (n) => (n === 'router' ? 'Router' : n), 'de')).toBe(
      'Warteschlange voll bei Router',
    );
    const onLink = { ...arrow, lost: { t: 2000, reason: 'x', node: 'a', link: 'wan' } };
    expect(lossText(onLink, undefined, 'de')).toBe('x (Leitung wan)');
  });

  it('says an arrow, a run and the selection in German for screen readers', () => {
    const placed = {
      kind: 'arrow',
      arrow,
      end: 'lost',
      label: { text: '↻ ACK seq=1 ack=1 len=1460 (Duplikat)' },
      reason: null,
    } as unknown as PlacedArrow;
    expect(arrowSpoken(placed, (n) => n, 'de')).toBe(
      '↻ ACK seq=1 ack=1 len=1460 (Duplikat). Paket 7: 10.0.1.10:59820 → 10.0.2.20:5001, ' +
        'erneut gesendet (timeout), verloren: Warteschlange voll bei router',
    );
    expect(focusWords(placed, ['Laptop', 'Server'], (n) => n, 'de')).toBe(
      '↻ ACK seq=1 ack=1 len=1460 (Duplikat) — Warteschlange voll bei router ' +
        '(Paket 7: 10.0.1.10:59820 → 10.0.2.20:5001)',
    );
    const run = {
      kind: 'run',
      run: { from: 1, segments: 3, bytes: 4380, acks: 2 },
      flight: true,
    } as unknown as PlacedRun;
    expect(runSpoken(run, ['Laptop', 'Server'], 'de')).toBe(
      '3 Datensegmente (4.380 Bytes), 2 ACKs: Daten von Server an Laptop, ACKs von Laptop an ' +
        'Server, einige noch unterwegs. Drücke Enter, um sie in ihre Segmente aufzuklappen.',
    );
    expect(runSpoken(run, ['Laptop', 'Server'])).toBe(
      '3 data segments (4,380 bytes), 2 ACKs: data Server to Laptop, ACKs Laptop to Server, ' +
        'some still on their way. Press Enter to open it into its segments.',
    );
    expect(selectedWords({ ...arrow, duplicate: false, retransmit: null }, 'de')).toBe(
      'Ausgewählt: ACK seq=1 ack=1 len=1460 (Paket 7: 10.0.1.10:59820 → 10.0.2.20:5001)',
    );
  });

  it('says a dense ladder in German', () => {
    expect(denseWords(120, 'de')).toBe(
      '120 Pfeile und Balken als ein Bild gezeichnet, zu dicht, um sie auseinanderzuhalten',
    );
    expect(denseWords(120)).toBe(
      '120 arrows and bars drawn as one picture, too close together to tell apart',
    );
  });

  describe('a ladder of the TCP bulk transfer in German', () => {
    const { scenario, records } = runSimulationFile('tcp-bulk-transfer.json');
    const conn = recordsOfType(records, 'socket.state').find((r) => r.node === 'laptop')!.conn;
    const scope = { kind: 'connection', node: 'laptop', conn } as const;
    const de = buildLadder(recordList(records), scenario.nodes, scope, 'de');
    const en = buildLadder(recordList(records), scenario.nodes, scope);
    if ('error' in de || 'error' in en) throw new Error('no ladder');

    it('gives the reasons of its losses in German', () => {
      const reasons = new Set(de.arrows.flatMap((a) => (a.lost ? [a.lost.reason] : [])));
      const english = new Set(en.arrows.flatMap((a) => (a.lost ? [a.lost.reason] : [])));
      expect(english).toEqual(new Set(['queue full']));
      expect(reasons).toEqual(new Set(['Warteschlange voll']));
    });

    it('labels its runs and time axis in German', () => {
      const end = de.arrows.at(-1)!.sent;
      const layout = layoutLadder(de, { domain: [0, end], width: 640, language: 'de' });
      const runs = layout.items.flatMap((i) =>
        i.settled?.kind === 'run' && i.settled.label ? [i.settled.label.text] : [],
      );
      expect(runs.length).toBeGreaterThan(0);
      for (const text of runs) expect(text).toMatch(/^[\d.]+ (Datensegmente|Segmente)/);
      expect(layout.ticks.some((t) => t.label.includes(','))).toBe(true);
      expect(layout.ticks.some((t) => t.label.includes('.'))).toBe(false);
    });

    it('says in German why a listener has no ladder', () => {
      const listener = { kind: 'connection', node: 'server', conn: '*:5001' } as const;
      expect(buildLadder(recordList(records), scenario.nodes, listener, 'de')).toEqual({
        error:
          'Ein lauschender Socket hat keine einzelne Gegenstelle: Wähle eine seiner Verbindungen.',
      });
    });
  });
});
