// The encapsulation step: read from a lesson with its line, its packet found in the run (the
// record its condition selects, checked against the run's own first matching record), and a step
// whose packet is not there reported by the check.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, runScenario } from '../sim/index.ts';
import { checkLesson } from './lessonCheck.ts';
import { readLesson } from './lessonFormat.ts';
import { stepPacket } from './packetStep.ts';
import { isArpFrame } from '../net/wire/frame.ts';

const SCENARIO = readFileSync('simulations/ping-over-a-link.json', 'utf8');

const lesson = (block: string) => `---
title: Layers
scenario: ../ping-over-a-link.json
---

## Look inside

\`\`\`step
${block}
\`\`\`
`;

function records() {
  const parsed = parseScenarioText(SCENARIO);
  if (!parsed.ok) throw new Error('invalid example');
  return runScenario(parsed.scenario).simulation.sim.trace;
}

describe('the encapsulation step', () => {
  it('is read with its packet condition', () => {
    const read = readLesson(
      lesson(
        '{ "kind": "encapsulation", "packet": { "record": "link.txBegin", "where": { "node": "server" } } }',
      ),
    );
    expect(read.ok && read.lesson.steps[0]).toMatchObject({
      kind: 'encapsulation',
      line: 6,
      packet: { record: 'link.txBegin', where: { node: 'server' }, atLeast: 1 },
    });
  });

  it('names what is wrong with a step block, with its line', () => {
    const summary = readLesson(
      lesson('{ "kind": "encapsulation", "packet": { "summary": "x", "atMost": 1 } }'),
    );
    expect(summary.ok ? [] : summary.problems).toEqual([
      {
        line: 8,
        message:
          'step "Look inside": "packet" must be a record condition such as {"record": "link.txBegin", …}',
      },
    ]);
    const extra = readLesson(
      lesson('{ "kind": "encapsulation", "packet": { "record": "link.rx" }, "until": 1 }'),
    );
    expect(extra.ok ? [] : extra.problems.map((p) => [p.line, p.message])).toEqual([
      [8, 'step "Look inside": unknown key "until" for a encapsulation step'],
    ]);
    const missing = readLesson(lesson('{ "kind": "encapsulation" }'));
    expect(missing.ok).toBe(false);
  });

  it('finds the packet of the record its condition selects', () => {
    const trace = records();
    // The server's first packet, found here without stepPacket: the first link.txBegin it sent
    // with an IP packet (its first frame is the ARP reply to the laptop, which has no IP
    // headers to quiz on: the step passes it over).
    const frames = trace.records.filter((r) => r.type === 'link.txBegin' && r.node === 'server');
    expect(frames[0]?.type === 'link.txBegin' && isArpFrame(frames[0].packet)).toBe(true);
    const first = frames.find((r) => r.type === 'link.txBegin' && !isArpFrame(r.packet));
    if (first?.type !== 'link.txBegin') throw new Error('the server sent nothing');
    const found = stepPacket(
      { record: 'link.txBegin', where: { node: 'server' }, atLeast: 1 },
      trace,
    );
    expect(found).toEqual({ ok: true, packet: { t: first.t, pkt: first.pkt, link: 'wifi' } });
    expect(stepPacket({ record: 'sim.start', where: {}, atLeast: 1 }, trace)).toEqual({
      ok: false,
      reason: 'the sim.start record it selects names no packet',
    });
  });

  it('is checked by lesson check: its packet must be in the run', () => {
    const good = readLesson(
      lesson(
        '{ "kind": "encapsulation", "packet": { "record": "link.txBegin", "where": { "node": "laptop" } } }',
      ),
    );
    const bad = readLesson(
      lesson(
        '{ "kind": "encapsulation", "packet": { "record": "link.txBegin", "where": { "node": "nobody" } } }',
      ),
    );
    if (!good.ok || !bad.ok) throw new Error('unreadable');
    const [ok] = checkLesson(good.lesson, SCENARIO);
    expect(ok).toMatchObject({ line: 6, ok: true });
    expect(ok?.message).toMatch(/^encapsulation "Look inside": packet #\d+ on link wifi at /);
    expect(checkLesson(bad.lesson, SCENARIO)).toEqual([
      {
        line: 6,
        ok: false,
        message: 'encapsulation "Look inside": no record of the run matches its "packet" condition',
      },
    ]);
  });
});
