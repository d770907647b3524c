import { it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { recordList } from '../../engine/traceRecords.ts';
import { networkNames } from '../names/index.ts';
import { nodeDecisions, packetRecords, visitedNodes } from './index.ts';
import { runSimulationFile } from '../../../tests/support/vizTestRuns.ts';

const files = readdirSync('simulations').filter((f) => f.endsWith('.json'));
it.each(files)('%s', (file) => {
  const { scenario, records } = runSimulationFile(file);
  const list = recordList(records);
  const names = networkNames(scenario.nodes, scenario.events ?? []);
  const ids = new Set<number>();
  for (const r of records) if (r.type === 'link.txBegin') ids.add(r.pkt);
  const sample = [...ids].filter((_, i) => i % Math.max(1, Math.floor(ids.size / 60)) === 0);
  let empty = 0;
  const t0 = performance.now();
  for (const pkt of sample) {
    const own = packetRecords(list, pkt);
    for (const node of visitedNodes(own)) {
      for (const v of nodeDecisions({ scenario, records: list, names }, pkt, node, 'en', own)) {
        for (const st of v.steps)
          if (/[{}]|undefined|NaN|\?/.test(st.text + (st.entry ?? ''))) {
            empty++;
            console.log('BAD', file, pkt, node, st.text, st.entry);
          }
        if (v.steps.length === 0) {
          empty++;
          console.log(
            file,
            pkt,
            node,
            v.made,
            own
              .filter((o) => 'node' in o.record && o.record.node === node)
              .map((o) => o.record.type)
              .join(','),
          );
        }
      }
    }
  }
  console.log(
    file,
    records.length,
    sample.length,
    Math.round(performance.now() - t0),
    'ms',
    'empty',
    empty,
  );
  expect(empty).toBe(0);
});
