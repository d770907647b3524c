// The machine step: reading it (every bad field reported at its line), the decisions of the CPU
// machine against textbook schedules worked by hand (Silberschatz, Operating System Concepts,
// ch. 5), the router machine against longest-prefix match worked by hand, the replay of a
// learner's picks, the saved progress, and the check of a step's solvability.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLesson } from './lessonCheck.ts';
import { readLesson, type Lesson, type LessonStep } from './lessonFormat.ts';
import { pickMachine, restoreProgress, resetStep, startLesson } from './lessonProgress.ts';
import {
  checkMachine,
  machineDecisions,
  machineFeedback,
  readMachine,
  replayPicks,
  type MachineDecision,
  type MachineSpec,
} from './machineStep.ts';
import { comparePolicies } from './cpuMachine.ts';

function lessonWith(block: string): string {
  return `---\ntitle: T\nscenario: ../two-subnets.json\n---\n\n## Be it\n\n\`\`\`step\n${block}\n\`\`\`\n`;
}

/** The problems of a lesson whose one step is `block` (its first line is line 9). */
function problems(block: string): string[] {
  const read = readLesson(lessonWith(block));
  return read.ok ? [] : read.problems.map((p) => `${p.line}: ${p.message}`);
}

function spec(value: Record<string, unknown>): MachineSpec {
  const out = readMachine({ kind: 'machine', ...value }, (m) => {
    throw new Error(m);
  });
  if (!out) throw new Error('not read');
  return out;
}

function decisions(value: Record<string, unknown>, scenario: unknown = null): MachineDecision[] {
  const d = machineDecisions(spec(value), scenario);
  if (typeof d === 'string') throw new Error(d);
  return d;
}

/** The decisions as "t:choices>answer", t in ms; choices in the order shown. */
function brief(list: readonly MachineDecision[], times: readonly number[]): string[] {
  return list.map((d, i) => `${times[i]}:${d.choices.map((c) => c.id).join(',')}>${d.answer}`);
}

const ms = 1_000_000;

describe('reading a machine step', () => {
  it('reads a cpu step as a job table on one core', () => {
    const s = spec({
      machine: 'cpu',
      policy: 'rr',
      quantum: 4,
      unit: 'ticks',
      jobs: [{ id: 'P1', arrival: 0, burst: 24 }],
    });
    expect(s.machine).toBe('cpu');
    if (s.machine !== 'cpu') return;
    expect(s.table.cpu).toEqual({ cores: 1, policy: 'rr', quantum: 4 * ms, contextSwitch: 0 });
    expect(s.table.jobs).toEqual([{ id: 'P1', arrival: 0, bursts: [24 * ms] }]);
    // No "compare" given, a quantum given: FCFS, SJF and RR.
    expect(s.compare).toEqual(['fcfs', 'sjf', 'rr']);
  });

  it('reports each bad field at its own line', () => {
    const block = [
      '{ "kind": "machine", "machine": "cpu",', // line 9
      '  "policy": "lottery",', // 10
      '  "unit": "minutes",', // 11
      '  "jobs": [', // 12
      '    { "id": "P1", "arrival": 0, "burst": 3 },', // 13
      '    { "id": "P2", "arrival": 1, "burst": 0, "colour": "red" }', // 14
      '  ] }',
    ].join('\n');
    expect(problems(block)).toEqual([
      '10: step "Be it": "policy" must be one of fcfs, sjf, srtf, priority, priorityPreemptive, rr; found "lottery"',
      '11: step "Be it": "unit" must be one of ticks, us, ms, s; found "minutes"',
      '14: step "Be it": jobs[1] (P2): unknown field "colour" (expected id, arrival, burst, priority)',
      '14: step "Be it": jobs[1] (P2): burst must be more than 0, got 0',
    ]);
  });

  it('refuses an empty job list, a missing quantum and a bad arrival', () => {
    expect(
      problems('{ "kind": "machine", "machine": "cpu", "policy": "fcfs",\n  "jobs": [] }'),
    ).toEqual(['10: step "Be it": "jobs" must be a list of 1 to 8 jobs']);
    expect(
      problems(
        '{ "kind": "machine", "machine": "cpu", "policy": "rr",\n  "jobs": [\n { "id": "P1", "arrival": 0, "burst": 3 }] }',
      ),
    ).toEqual(['9: step "Be it": quantum: round robin needs a quantum (the time slice)']);
    expect(
      problems(
        '{ "kind": "machine", "machine": "cpu", "policy": "sjf", "compare": ["rr"],\n  "jobs": [\n { "id": "P1", "arrival": -2, "burst": 3 }] }',
      ),
    ).toEqual([
      '9: step "Be it": "compare" names rr: give the step a "quantum" for it',
      '11: step "Be it": jobs[0] (P1): arrival must be >= 0, got -2',
    ]);
    expect(
      problems(
        '{ "kind": "machine", "machine": "cpu", "policy": "sjf",\n  "jobs": [\n { "id": "P1", "arrival": -2, "burst": 3 }] }',
      ),
    ).toEqual(['11: step "Be it": jobs[0] (P1): arrival must be >= 0, got -2']);
  });

  it('refuses an unknown machine, an unknown key, a bad address and a bad route', () => {
    expect(problems('{ "kind": "machine", "machine": "switch" }')).toEqual([
      '9: step "Be it": "machine" must be "cpu", "router", "firewall" or "loadBalancer"; found "switch"',
    ]);
    expect(
      problems('{ "kind": "machine", "machine": "router", "router": "router",\n  "packts": [] }'),
    ).toEqual([
      '10: step "Be it": unknown key "packts" for a router machine (expected machine, router, routes, packets)',
    ]);
    expect(
      problems(
        '{ "kind": "machine", "machine": "router", "router": "router",\n  "packets": [\n "10.0.0.1", "10.0.0.300"] }',
      ),
    ).toEqual([
      '11: step "Be it": "packets": "10.0.0.300" is not an IPv4 address: 300 is more than 255; each part must be 0 to 255',
    ]);
    expect(
      problems(
        '{ "kind": "machine", "machine": "router",\n "routes": [\n { "to": "10.0.0.1/8", "iface": "eth1" }],\n "packets": ["10.0.0.1"] }',
      ),
    ).toEqual([
      '11: step "Be it": routes[0]: "10.0.0.1/8" has host bits set: the network is 10.0.0.0/8',
    ]);
    expect(
      problems('{ "kind": "machine", "machine": "router",\n "packets": ["10.0.0.1"] }'),
    ).toEqual([
      '9: step "Be it": give either "router" (a router of the scenario) or "routes" (a table), not both',
    ]);
  });
});

describe('the cpu machine against the textbook, worked by hand', () => {
  const at = (list: readonly MachineDecision[], ...times: number[]) => brief(list, times);

  it('round robin, quantum 4 (silberschatz-rr.json, §5.3.3)', () => {
    const file = JSON.parse(readFileSync('simulations/jobs/silberschatz-rr.json', 'utf8')) as {
      jobs: unknown[];
    };
    const step = { machine: 'cpu', policy: 'rr', quantum: 4, unit: 'ticks', jobs: file.jobs };
    const d = decisions(step);
    // P1 runs 0-4; its quantum ends with P2 and P3 waiting, so it goes behind them: P2 4-7,
    // P3 7-10; then P1 alone (its later quanta end with no one waiting: no decision).
    expect(at(d, 0, 4, 7, 10)).toEqual([
      '0:P1,P2,P3>P1',
      '4:P2,P3,P1>P2',
      '7:P3,P1>P3',
      '10:P1>P1',
    ]);
    expect(d[1]?.situation).toBe('At 4 ticks the quantum of P1 ends.');
    // Waiting: P1 10 - 4 = 6, P2 4, P3 7: 17 / 3 = 5.67 (the book's 5.66).
    const s = spec(step);
    if (s.machine !== 'cpu') return;
    const [fcfs, , rr] = comparePolicies(s.table, ['fcfs', 'sjf', 'rr']);
    expect(rr?.waiting).toBeCloseTo((17 / 3) * ms, -1);
    // FCFS on the same jobs: P1 0, P2 24, P3 27: 51 / 3 = 17.
    expect(fcfs?.waiting).toBe(17 * ms);
  });

  it('SJF (§5.3.2): P4, P1, P3, P2', () => {
    const d = decisions({
      machine: 'cpu',
      policy: 'sjf',
      jobs: [
        { id: 'P1', arrival: 0, burst: 6 },
        { id: 'P2', arrival: 0, burst: 8 },
        { id: 'P3', arrival: 0, burst: 7 },
        { id: 'P4', arrival: 0, burst: 3 },
      ],
    });
    expect(at(d, 0, 3, 9, 16)).toEqual([
      '0:P1,P2,P3,P4>P4',
      '3:P1,P2,P3>P1',
      '9:P2,P3>P3',
      '16:P2>P2',
    ]);
    expect(d[0]?.why).toBe(
      'SJF runs the shortest next CPU burst among the ready processes: P4 (3 ms).',
    );
  });

  it('SRTF (§5.3.2): a shorter arrival preempts, a longer one does not', () => {
    const d = decisions({
      machine: 'cpu',
      policy: 'srtf',
      jobs: [
        { id: 'P1', arrival: 0, burst: 8 },
        { id: 'P2', arrival: 1, burst: 4 },
        { id: 'P3', arrival: 2, burst: 9 },
        { id: 'P4', arrival: 3, burst: 5 },
      ],
    });
    // P1 0-1, P2 1-5, P4 5-10, P1 10-17, P3 17-26. At 1, 2 and 3 a process arrives while one
    // runs; the running one is a choice (7, 3 and 2 ms left).
    expect(at(d, 0, 1, 2, 3, 5, 10, 17)).toEqual([
      '0:P1>P1',
      '1:P2,P1>P2',
      '2:P1,P3,P2>P2',
      '3:P1,P3,P4,P2>P2',
      '5:P1,P3,P4>P4',
      '10:P1,P3>P1',
      '17:P3>P3',
    ]);
    expect(d[2]?.situation).toBe('At 2 ms P3 arrives while P2 runs (3 ms left).');
  });

  it('priority (§5.3.4): P2, P5, P1, P3, P4', () => {
    const d = decisions({
      machine: 'cpu',
      policy: 'priority',
      jobs: [
        { id: 'P1', arrival: 0, burst: 10, priority: 3 },
        { id: 'P2', arrival: 0, burst: 1, priority: 1 },
        { id: 'P3', arrival: 0, burst: 2, priority: 4 },
        { id: 'P4', arrival: 0, burst: 1, priority: 5 },
        { id: 'P5', arrival: 0, burst: 5, priority: 2 },
      ],
    });
    expect(d.map((x) => x.answer)).toEqual(['P2', 'P5', 'P1', 'P3', 'P4']);
  });

  it('SJF ties go to the process that arrived first, and the feedback says so', () => {
    const d = decisions({
      machine: 'cpu',
      policy: 'sjf',
      jobs: [
        { id: 'P1', arrival: 0, burst: 7 },
        { id: 'P2', arrival: 2, burst: 4 },
        { id: 'P3', arrival: 4, burst: 1 },
        { id: 'P4', arrival: 5, burst: 4 },
      ],
    });
    expect(at(d, 0, 7, 8, 12)).toEqual(['0:P1>P1', '7:P2,P3,P4>P3', '8:P2,P4>P2', '12:P4>P4']);
    expect(d[2]?.why).toMatch(
      /P4 ties with it; on a tie the process that arrived first runs first/,
    );
  });
});

describe('the router machine, by longest-prefix match worked by hand', () => {
  const fixture = readLesson(readFileSync('tests/fixtures/lessons/router-machine.md', 'utf8'));
  if (!fixture.ok) throw new Error(JSON.stringify(fixture.problems));
  const lesson = fixture.lesson;
  const scenarioText = readFileSync('simulations/two-subnets.json', 'utf8');
  const step = (i: number) => lesson.steps[i] as Extract<LessonStep, { kind: 'machine' }>;

  it("uses the scenario router's own table: its two connected subnets, no default", () => {
    const d = machineDecisions(step(0), JSON.parse(scenarioText));
    if (typeof d === 'string') throw new Error(d);
    expect(d.map((x) => x.choices.map((c) => c.id).join(','))).toEqual([
      'eth0,eth1,drop',
      'eth0,eth1,drop',
      'eth0,eth1,drop',
    ]);
    // 10.0.0.20 is in 10.0.0.0/24 (eth1), 192.168.1.11 in 192.168.1.0/24 (eth0), 8.8.8.8 in none.
    expect(d.map((x) => x.answer)).toEqual(['eth1', 'eth0', 'drop']);
  });

  it('takes the longest of several matching prefixes, else the default route', () => {
    const d = machineDecisions(step(1), null);
    if (typeof d === 'string') throw new Error(d);
    // 10.1.2.3: in 10.0.0.0/8, 10.1.0.0/16 and 0.0.0.0/0: /16 wins. 10.2.0.1: /8. 8.8.8.8: default.
    expect(d.map((x) => x.answer)).toEqual(['eth2', 'eth1', 'eth0']);
    expect(d[0]?.why).toBe(
      'Longest prefix match: 10.1.2.3 is in 10.1.0.0/16, 10.0.0.0/8, 0.0.0.0/0; the longest prefix, 10.1.0.0/16, wins, so the packet leaves by eth2.',
    );
    expect(d[2]?.why).toMatch(/leaves by eth0 to the next router 192\.168\.1\.254\.$/);
  });

  it('passes lesson check, and a router the scenario lacks does not', () => {
    expect(checkLesson(lesson, scenarioText).every((l) => l.ok)).toBe(true);
    const missing = spec({ machine: 'router', router: 'core', packets: ['10.0.0.1'] });
    expect(checkMachine(missing, JSON.parse(scenarioText))).toEqual({
      ok: false,
      message: 'the scenario has no node "core"',
    });
    const notRouter = spec({ machine: 'router', router: 'switch', packets: ['10.0.0.1'] });
    expect(checkMachine(notRouter, JSON.parse(scenarioText)).message).toBe(
      'node "switch" is a switch, not a router',
    );
  });
});

describe('a learner at the machine', () => {
  const rr = decisions({
    machine: 'cpu',
    policy: 'rr',
    quantum: 2,
    jobs: [
      { id: 'P1', arrival: 0, burst: 5 },
      { id: 'P2', arrival: 1, burst: 3 },
      { id: 'P3', arrival: 2, burst: 1 },
    ],
  });

  it('round robin puts an arrival ahead of the process whose quantum ends at that moment', () => {
    // 0: P1 alone. 2: P3 arrives as P1's quantum ends: queue P2, P3, P1 -> P2 (2-4). 4: P2's
    // quantum ends: P3, P1, P2 -> P3 (4-5). 5: P1, P2 -> P1 (5-7). 7: P2, P1 -> P2 (7-8). 8: P1.
    expect(brief(rr, [0, 2, 4, 5, 7, 8])).toEqual([
      '0:P1>P1',
      '2:P2,P3,P1>P2',
      '4:P3,P1,P2>P3',
      '5:P1,P2>P1',
      '7:P2,P1>P2',
      '8:P1>P1',
    ]);
  });

  it('replays picks: a wrong one is a slip and the decision waits; one-choice ones pass', () => {
    const first = replayPicks(rr, []);
    expect(first).toEqual({ at: 1, slips: [0, 0, 0, 0, 0, 0], done: false, last: null });
    const slip = replayPicks(rr, ['P1']);
    expect(slip.at).toBe(1);
    expect(slip.slips[1]).toBe(1);
    expect(machineFeedback(rr, slip)).toBe(
      'Not P1. Round robin runs the process at the head of the ready queue: P2. A process whose quantum has just ended goes to the tail, behind every process that arrived by then. Try again.',
    );
    const all = replayPicks(rr, ['P1', 'P2', 'P3', 'P1', 'P2']);
    expect(all.done).toBe(true);
    expect(all.at).toBe(6);
    expect(machineFeedback(rr, all)).toMatch(/^Right: P2\. .* Every decision is taken/);
    // A pick that is no choice of its decision (old progress) ends the replay there.
    expect(replayPicks(rr, ['P9', 'P2']).at).toBe(1);
  });

  it('saves the picks with the progress, restores them, and a reset clears them', () => {
    const read = readLesson(
      lessonWith(
        '{ "kind": "machine", "machine": "cpu", "policy": "rr", "quantum": 2, "jobs": [{ "id": "P1", "arrival": 0, "burst": 5 }, { "id": "P2", "arrival": 1, "burst": 3 }, { "id": "P3", "arrival": 2, "burst": 1 }] }',
      ),
    );
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const lesson: Lesson = read.lesson;
    let p = startLesson('07-x', lesson);
    p = pickMachine(p, lesson, 'P1', false);
    p = pickMachine(p, lesson, 'P2', false);
    expect(p.steps[0]).toEqual({ done: false, choice: null, misses: 0, picks: ['P1', 'P2'] });
    p = pickMachine(p, lesson, 'P3', true);
    expect(p.steps[0]?.done).toBe(true);
    const back = restoreProgress('07-x', lesson, JSON.parse(JSON.stringify(p)));
    expect(back.note).toBeNull();
    expect(back.progress.steps[0]?.picks).toEqual(['P1', 'P2', 'P3']);
    const bad = { ...p, steps: [{ done: false, choice: null, misses: 0, picks: [3] }] };
    expect(restoreProgress('07-x', lesson, bad).note).toMatch(/starts again/);
    expect(resetStep(p).steps[0]).toEqual({ done: false, choice: null, misses: 0, picks: [] });
  });

  it('lesson check refuses a cpu step with nothing to pick', () => {
    const one = spec({
      machine: 'cpu',
      policy: 'fcfs',
      jobs: [{ id: 'P1', arrival: 0, burst: 3 }],
    });
    expect(checkMachine(one, null)).toEqual({
      ok: false,
      message: 'no decision has more than one choice: nothing for the learner to pick',
    });
  });
});

describe('what the learner is told at a decision', () => {
  it('names the processes that arrive at that instant', () => {
    const d = decisions({
      machine: 'cpu',
      policy: 'rr',
      quantum: 2,
      jobs: [
        { id: 'P1', arrival: 0, burst: 5 },
        { id: 'P2', arrival: 1, burst: 3 },
        { id: 'P3', arrival: 2, burst: 1 },
      ],
    });
    expect(d.map((x) => x.situation)).toEqual([
      'At 0 ms P1 arrives; the CPU is free.',
      'At 2 ms P3 arrives and the quantum of P1 ends.',
      'At 4 ms the quantum of P2 ends.',
      'At 5 ms the CPU is free.',
      'At 7 ms the quantum of P1 ends.',
      'At 8 ms the CPU is free.',
    ]);
  });
});
