// The event log's smaller words in German, written by hand: the pieces the kinds' sentences
// share (errno meanings, message names, durations, state names), the log's times, the filters'
// and conversations' labels and the live region's summary; English stays the default.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { asRecords } from '../../engine/traceRecords.ts';
import bulkJson from '../../../simulations/tcp-bulk-transfer.json';
import { networkNames } from '../names/index.ts';
import { connectionLabel } from './connectionChoices.ts';
import { entryList, groupLabel, narrationStep, protocolLabel } from './logFilter.ts';
import { formatTime, Narration } from './narrate.ts';
import { checked } from './narrateTestHelpers.ts';
import { errorText, messageName, words } from './sentenceParts.ts';
import { formatMoment } from '../../engine/time.ts';

const MS = 1e6;
const names = networkNames(checked(bulkJson).nodes);

describe('the event log’s words in German', () => {
  it('gives the kinds their shared pieces in German, English by default', () => {
    expect(errorText('ETIMEDOUT', 'de')).toBe(
      'ETIMEDOUT: die Gegenseite hat nicht rechtzeitig geantwortet',
    );
    expect(errorText('ETIMEDOUT')).toBe('ETIMEDOUT: the peer did not answer in time');
    expect(errorText('EWHATEVER', 'de')).toBe('EWHATEVER');
    expect(messageName('request', 3, 0, 'de')).toBe('Anfrage 3');
    expect(messageName('reply', 3, 2, 'de')).toBe('Antwort 3 (Wiederholung 2)');
    expect(messageName('reply', 3, 2)).toBe('reply 3 (retry 2)');
    expect(formatMoment(0, 'de')).toBe('0 s');
    expect(formatMoment(1_500_000, 'de')).toBe('1,5 ms');
    expect(words('waitingForIo', 'de')).toBe('waitingForIo');
    expect(words('waitingForIo')).toBe('waiting for io');
  });

  it('writes the log’s times the German way', () => {
    expect(formatTime(0, 'de')).toBe('0 s');
    expect(formatTime(1_500_000, 'de')).toBe('1,5 ms');
    expect(formatTime(1_442_000_000, 'de')).toBe('1,442 s');
    const narration = new Narration(
      asRecords([{ t: 2_500_000, type: 'link.state', link: 'wan', up: false }] as TraceRecord[]),
      names,
      undefined,
      'de',
    );
    narration.advance(1);
    expect(narration.log.entry(0)).toMatchObject({
      time: '2,5 ms',
      text: 'Leitung wan fällt aus.',
    });
  });

  it('labels the filters, conversations and the live region in German', () => {
    expect(protocolLabel('link', 'de')).toBe('Leitungen und Warteschlangen');
    expect(protocolLabel('link')).toBe('Links and queues');
    expect(groupLabel('states', 'de')).toBe('Zustandswechsel');
    const echo = {
      key: 'icmp 10.0.1.10|10.0.2.20 #7',
      protocol: 'icmp' as const,
      ends: [
        { address: '10.0.1.10', port: null },
        { address: '10.0.2.20', port: null },
      ] as const,
    };
    expect(connectionLabel(echo as never, names, 'de')).toBe('Laptop ⇄ Server (ICMP-Echo, ID 7)');
    const entries = entryList([1, 2, 3, 4, 5].map((k) => ({ t: k * MS, text: `E${k}.` })));
    const step = narrationStep(
      { run: 'r', until: 0 },
      'r',
      1_500_000_000,
      entries,
      (ns) => formatTime(ns, 'de'),
      'de',
    );
    expect(step.text).toBe('5 neue Ereignisse bis 1,5 s; die letzten: E3. E4. E5.');
  });
});
