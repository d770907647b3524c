// The event log's sentences for each kind of trace record, checked on a real run and on edge cases.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../engine/trace.ts';
import { runScenario, validateScenario } from '../sim/index.ts';
import scenarioJson from '../../simulations/ping-over-a-link.json';
import { formatTime, narrate, nodeNames } from './narrate.ts';

const name = nodeNames(scenarioJson.nodes);

function defaultRun(seed: number): readonly TraceRecord[] {
  const checked = validateScenario(scenarioJson);
  if (!checked.ok) throw new Error('the default scenario is invalid');
  return runScenario(checked.scenario, { seed }).simulation.sim.trace.records;
}

describe('narrate', () => {
  it('tells the default run in plain sentences, one per record', () => {
    const records = defaultRun(7);
    const entries = narrate(records, name);
    expect(entries).toHaveLength(records.length);
    const texts = entries.map((e) => e.text);
    expect(texts).toContain('Laptop sends request 1 to Echo server.');
    expect(texts).toContain('reply 1 is lost on link wifi.');
    expect(texts).toContain('request 1 (retry 1) is lost on link wifi.');
    expect(texts).toContain('Laptop times out waiting for reply 1 and retries.');
    expect(texts).toContain('Laptop sends request 1 to Echo server again (retry 1).');
    expect(texts).toContain('Echo server answers request 1 (retry 2) from Laptop.');
    expect(texts).toContain('Laptop gets reply 1: the round trip took 42 ms.');
    expect(texts).toContain('Laptop’s pinger app is now waiting for a reply.');
    expect(texts.at(-1)).toBe('The run ends because it reached the time limit, after 24 events.');
    expect(entries.find((e) => e.text === 'reply 1 is lost on link wifi.')?.time).toBe('22 ms');
  });

  it('stops at the limit but still reads ahead for retries', () => {
    const records = defaultRun(7);
    const entries = narrate(records, name, 13);
    expect(entries).toHaveLength(13);
    expect(entries.at(-1)?.text).toBe('Laptop times out waiting for reply 1 and retries.');
  });

  it('says a timeout without a retry gives up, and narrates late replies and unknown records', () => {
    const records = [
      { t: 5, type: 'app.timeout', node: 'laptop', seq: 3, attempt: 2 },
      { t: 5, type: 'app.giveUp', node: 'laptop', seq: 3 },
      { t: 9, type: 'app.lateReply', node: 'laptop', seq: 3, attempt: 1 },
      { t: 9, type: 'app.reply', node: 'laptop', seq: 4, attempt: 0, rtt: null },
      { t: 12, type: 'queue.drop', link: 'wifi', size: 3 },
    ] as unknown as TraceRecord[];
    expect(narrate(records, name).map((e) => e.text)).toEqual([
      'Laptop times out waiting for reply 3.',
      'Laptop gives up on request 3: it counts as lost.',
      'Laptop ignores reply 3 (retry 1): it came too late and is no longer awaited.',
      'Laptop gets reply 4, which answers an earlier attempt, so its round trip cannot be timed.',
      'queue.drop: link "wifi", size 3.',
    ]);
  });

  it('names nodes by label, else by id', () => {
    const names = nodeNames([{ id: 'a', label: 'Alice' }, { id: 'b' }]);
    expect([names('a'), names('b'), names('zed')]).toEqual(['Alice', 'b', 'zed']);
  });

  it('formats simulated times for people', () => {
    expect(formatTime(0)).toBe('0 s');
    expect(formatTime(22_000_000)).toBe('22 ms');
    expect(formatTime(1_442_000_000)).toBe('1.442 s');
  });
});
