// The scenario's timed events as the timeline marks them and the editor lists them: in time order,
// ties in document order, each in words with its time, and whether it is a node's action.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../sim/index.ts';
import { networkNames } from '../names/index.ts';
import { timedEvents } from './index.ts';
import { timedEventsDocument as doc } from '../../../tests/support/timedEventsDocument.ts';

function scenario(value: unknown) {
  const result = validateScenario(value);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

describe('timedEvents', () => {
  it('lists the events in time order, ties in document order, in words', () => {
    const s = scenario(doc);
    const items = timedEvents(s.events, networkNames(s.nodes));
    expect(items.map((i) => [i.index, i.time, i.text, i.action])).toEqual([
      [1, '1.5 s', 'Laptop fetches /a.html from Web server', true],
      [2, '1.5 s', 'Laptop pings Web server (3 echo requests, one a second)', true],
      [3, '2 s', 'Laptop sends 20,000 bytes to Web server (10.0.0.2)', true],
      [0, '3 s', 'Link lan goes down', false],
    ]);
  });
});
