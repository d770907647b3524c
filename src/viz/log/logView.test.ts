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
  const trace = recordList(records);
  const told = new Narration(trace, names);
  told.advance(records.length);

  it('tells every record once, in order, whatever the slices', () => {
    const narration = new Narration(recordList(records), names);
    expect(narration.told).toBe(0);
    for (const size of [0, 1, 7, 100]) {
      const left = narration.advance(size);
      expect(left).toBe(records.length - narration.told);
    }
    while (!narration.done) narration.advance(333);
    expect(narration.log.entries()).toEqual(all);
    expect(all.map((e) => e.index)).toEqual(records.map((_, i) => i));
    expect(all.map((e) => e.t)).toEqual(records.map((r) => r.t));
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
      list.update(narration.log);
    }
    expect(list.entries()).toEqual(expected);
    expect(list.shownIndices()).toEqual(expected.map((e) => e.index));
    expect(list.read).toBe(records.length);
  });

  it('searches the sentences without regard to case', () => {
    const list = new FilteredLog(
      { filter: { node: null, protocol: null, group: null }, details: true, search: '  GET ' },
      recordList(records),
    );
    list.update(told.log);
    expect(list.length).toBeGreaterThan(0);
    expect(list.entries()).toEqual(all.filter((e) => e.text.toLowerCase().includes('get')));
  });

  it('shows, told in slices over small chunks, what one plain filter over all entries would', () => {
    const node = scenario.nodes[1]!.id;
    const nodeLinks = linksOfNode(scenario.links, node);
    const filters = [
      { node: null, protocol: null, group: null },
      { node, protocol: null, group: null },
      { node: null, protocol: 'tcp' as const, group: 'packets' as const },
    ];
    const found = new Map<string, number>();
    for (const filter of filters)
      for (const details of [false, true])
        for (const search of ['', 'GET', ' packet #1', '’s', 'tcp', 'zzz']) {
          const needle = search.trim().toLowerCase();
          const expected = filterEntries(all, trace, filter, nodeLinks).filter(
            (e) => (details || !DETAIL_KINDS.has(e.kind)) && e.text.toLowerCase().includes(needle),
          );
          const narration = new Narration(trace, names, 16);
          const shown = new FilteredLog({ filter, nodeLinks, details, search }, trace);
          while (!narration.done) {
            narration.advance(37);
            shown.update(narration.log);
            shown.update(narration.log);
          }
          found.set(search, (found.get(search) ?? 0) + expected.length);
          const what = `${JSON.stringify(filter)} details ${details} "${search}"`;
          expect(shown.entries(), what).toEqual(expected);
          expect(shown.length).toBe(expected.length);
          if (expected.length > 2) {
            expect(shown.entries(1, 3)).toEqual(expected.slice(1, 3));
            expect(shown.indexAt(1)).toBe(expected[1]!.index);
            expect(shown.timeAt(1)).toBe(expected[1]!.t);
            expect(shown.textAt(1)).toBe(expected[1]!.text);
          }
        }
    // Every search but the last finds something somewhere: the comparison is not of empty lists.
    expect([...found].filter(([, n]) => n === 0).map(([s]) => s)).toEqual(['zzz']);
  });

  it('says how many shown entries happened by a moment', () => {
    const list = new FilteredLog(
      { filter: { node: null, protocol: null, group: null }, details: true, search: '' },
      recordList(records),
    );
    list.update(told.log);
    const t = records[Math.floor(records.length / 2)]!.t;
    expect(list.countUntil(t)).toBe(records.filter((r) => r.t <= t).length);
    expect(list.countUntil(-1)).toBe(0);
  });
});
