// Every scenario of simulations/: for a sample of its packets, at every device each passed, each
// visit says what happened (at least one step, the arrival or the making of the packet first), in
// words with nothing left unfilled, in English and German.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordList } from '../../engine/traceRecords.ts';
import { runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { networkNames } from '../names/index.ts';
import { nodeDecisions, packetRecords, visitedNodes } from './index.ts';

const files = readdirSync('simulations').filter((f) => f.endsWith('.json'));

describe('the decisions of every scenario’s packets', () => {
  it.each(files)('%s', (file) => {
    const { scenario, records } = runSimulationFile(file);
    const list = recordList(records);
    const ids = [...new Set(records.flatMap((r) => (r.type === 'link.txBegin' ? [r.pkt] : [])))];
    const sample = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / 12)) === 0);
    const problems: string[] = [];
    for (const language of ['en', 'de']) {
      const names = networkNames(scenario.nodes, scenario.events ?? [], language);
      for (const pkt of sample) {
        const own = packetRecords(list, pkt);
        for (const node of visitedNodes(own)) {
          for (const visit of nodeDecisions(
            { scenario, records: list, names },
            pkt,
            node,
            language,
            own,
          )) {
            const first = visit.steps[0];
            if (!first) problems.push(`${pkt} at ${node}: no step`);
            else if (!visit.made && first.layer !== 'link')
              problems.push(`${pkt} at ${node}: ${first.text}`);
            for (const s of visit.steps)
              if (/[{}]|undefined|NaN/.test(`${s.text} ${s.entry ?? ''}`))
                problems.push(`${pkt} at ${node}: ${s.text} [${s.entry ?? ''}]`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
