// The event log's list: a narration told a slice at a time gives the same entries as at once,
// and the filtered list, extended as the narration grows, is what one filter pass over all of it
// would give.
import { describe, expect, it } from 'vitest';
import { runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { networkNames } from '../names/index.ts';
import { DETAIL_KINDS, Narration, narrate } from './narrate.ts';
import { filterEntries, linksOfNode } from './logFilter.ts';
import { FilteredLog } from './logView.ts';
import { recordList } from '../../engine/traceRecords.ts';

describe('the event log, told a slice at a time', () => {
  const { scenario, records } = runSimulationFile('web-page-load.json');
  const names = networkNames(scenario.nodes);
  const all = narrate(records, names);

  it('tells every record once, in order, whatever the slices', () => {
    const narration = new Narration(recordList(records), names);
    expect(narration.told).toBe(0);
    for (const size of [0, 1, 7, 100]) {
      const left = narration.advance(size);
      expect(left).toBe(records.length - narration.told);
    }
    while (!narration.done) narration.advance(333);
    expect(narration.entries).toEqual(all);
    expect(narration.entries.map((e) => e.index)).toEqual(records.map((_, i) => i));
  });

  it('filters the entries as they come, as one pass over all of them would', () => {
    const node = scenario.nodes[0]!.id;
    const filter = { node, protocol: 'tcp' as const, group: null };
    const nodeLinks = linksOfNode(scenario.links, node);
    const expected = filterEntries(all, recordList(records), filter, nodeLinks).filter(
      (e) => !DETAIL_KINDS.has(e.kind),
    );
    expect(expected.length).toBeGreaterThan(0);
    const list = new FilteredLog(
      { filter, nodeLinks, details: false, search: '' },
      recordList(records),
    );
    const narration = new Narration(recordList(records), names);
    while (!narration.done) {
      narration.advance(50);
      list.update(narration.entries);
    }
    expect(list.shown).toEqual(expected);
    expect(list.read).toBe(records.length);
  });

  it('searches the sentences without regard to case', () => {
    const list = new FilteredLog(
      { filter: { node: null, protocol: null, group: null }, details: true, search: '  GET ' },
      recordList(records),
    );
    list.update(all);
    expect(list.shown.length).toBeGreaterThan(0);
    expect(list.shown).toEqual(all.filter((e) => e.text.toLowerCase().includes('get')));
  });

  it('says how many shown entries happened by a moment', () => {
    const list = new FilteredLog(
      { filter: { node: null, protocol: null, group: null }, details: true, search: '' },
      recordList(records),
    );
    list.update(all);
    const t = records[Math.floor(records.length / 2)]!.t;
    expect(list.countUntil(t)).toBe(records.filter((r) => r.t <= t).length);
    expect(list.countUntil(-1)).toBe(0);
  });
});
