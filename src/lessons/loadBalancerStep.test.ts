// The load balancer machine step: its answers are the real pickers' (src/kinds/loadBalancer),
// worked by hand here. Smooth weighted round robin 5, 1, 1 (nginx) picks a a b a c a a, the
// current weights going 5/1/1 → -2/1/1 → 3/2/2 → ... back to 0/0/0; round robin skips a backend
// that is down and takes it back; least connections counts the connections open, closed when
// their request finishes; IP hash stirs the first three octets (89 → 3796 → 2520 → 2565 for
// 10.0.0, 2565 mod 3 = 0: a) and stirs again when it lands on a backend that is down. A bad field
// is told at its line; lesson check runs the step and prints the answers.

import { describe, expect, it } from 'vitest';
import { checkLesson } from './lessonCheck.ts';
import { readLesson } from './lessonFormat.ts';
import {
  checkMachine,
  machineDecisions,
  machineFeedback,
  readMachine,
  replayPicks,
  type MachineDecision,
  type MachineSpec,
} from './machineStep.ts';
import { loadBalancerRun } from './loadBalancerMachine.ts';
import { stirHash } from '../kinds/loadBalancer/ipHashPicker.ts';
import { readFileSync } from 'node:fs';

function spec(value: Record<string, unknown>): MachineSpec {
  const out = readMachine({ kind: 'machine', ...value }, (m) => {
    throw new Error(m);
  });
  if (!out) throw new Error('not read');
  return out;
}

function decisions(value: Record<string, unknown>): MachineDecision[] {
  const d = machineDecisions(spec(value), null);
  if (typeof d === 'string') throw new Error(d);
  return d;
}

const ABC = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];
const WRR = {
  machine: 'loadBalancer',
  policy: 'weightedRoundRobin',
  backends: [
    { name: 'a', weight: 5 },
    { name: 'b', weight: 1 },
    { name: 'c', weight: 1 },
  ],
  requests: Array.from({ length: 7 }, () => '10.0.0.11'),
};

describe('smooth weighted round robin, 5 1 1', () => {
  it('picks a a b a c a a, as nginx does', () => {
    expect(decisions(WRR).map((d) => d.answer)).toEqual(['a', 'a', 'b', 'a', 'c', 'a', 'a']);
  });

  it('shows the current weights each request meets; after the 7 picks they are all 0 again', () => {
    const s = spec(WRR);
    if (s.machine !== 'loadBalancer') throw new Error('not a load balancer step');
    const run = loadBalancerRun(s);
    // Before each pick, worked by hand: add 5/1/1, the largest gives back 7.
    expect(run.decisions.map((d) => d.before.map((b) => b.current).join('/'))).toEqual([
      '0/0/0',
      '-2/1/1',
      '-4/2/2',
      '1/-4/3',
      '-1/-3/4',
      '4/-2/-2',
      '2/-1/-1',
    ]);
    expect(run.after.map((b) => b.current)).toEqual([0, 0, 0]);
  });

  it('says the sums, the largest, the total given back and the tie rule', () => {
    const d = decisions(WRR);
    expect(d[0]?.situation).toBe('Request 1 arrives from 10.0.0.11.');
    expect(d[0]?.choices.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(d[0]?.why).toBe(
      "Smooth weighted round robin adds each healthy backend's weight to its current weight: a 0 + 5 = 5, b 0 + 1 = 1, c 0 + 1 = 1. a has the largest, 5, and is picked; it gives back the total of the weights, 7, and goes on from -2.",
    );
    // b and c both reach 3: b, first in the list, wins.
    expect(d[2]?.why).toBe(
      "Smooth weighted round robin adds each healthy backend's weight to its current weight: a -4 + 5 = 1, b 2 + 1 = 3, c 2 + 1 = 3. b has the largest, 3, and is picked; it gives back the total of the weights, 7, and goes on from -4. c has as much: a tie goes to the first in the list.",
    );
  });

  it('leaves a backend that is down out of the sums and the total', () => {
    const d = decisions({ ...WRR, requests: ['10.0.0.11', { down: ['a'] }] });
    expect(d[1]?.situation).toBe('The health checks take a out. Request 2 arrives.');
    // b and c: 1 + 1 = 2 each, b first; the total is 2.
    expect(d[1]?.answer).toBe('b');
    expect(d[1]?.why).toBe(
      "Smooth weighted round robin adds each healthy backend's weight to its current weight: b 1 + 1 = 2, c 1 + 1 = 2. b has the largest, 2, and is picked; it gives back the total of the weights, 2, and goes on from 0. c has as much: a tie goes to the first in the list. a is down and takes no part.",
    );
    expect(d[1]?.choices.map((c) => `${c.id}:${c.label}`)).toEqual([
      'a:a (down)',
      'b:b',
      'c:c',
      'none:None: no backend is healthy',
    ]);
  });
});

describe('round robin', () => {
  it('goes down the list, skips a backend that is down and takes it back when it is up', () => {
    const d = decisions({
      machine: 'loadBalancer',
      policy: 'roundRobin',
      backends: ABC,
      requests: [{}, { down: ['b'] }, {}, { up: ['b'] }, {}],
    });
    expect(d.map((x) => x.answer)).toEqual(['a', 'c', 'a', 'b', 'c']);
    expect(d[0]?.why).toBe(
      'Round robin takes the backends one after another in list order, starting at the top: a.',
    );
    expect(d[1]?.why).toBe(
      'Round robin takes the backends one after another in list order, back to the top after the last: after a comes c. b is down, so it is skipped.',
    );
    expect(d[3]?.situation).toBe('The health checks bring b back. Request 4 arrives.');
    // "None" is a choice only while a backend is down.
    expect(d.map((x) => x.choices.length)).toEqual([3, 4, 4, 3, 3]);
  });

  it('has no backend to pick when every one is down', () => {
    const d = decisions({
      machine: 'loadBalancer',
      policy: 'roundRobin',
      backends: [{ name: 'a' }, { name: 'b', healthy: false }],
      requests: [{}, { down: ['a'] }, { up: ['b'] }],
    });
    expect(d.map((x) => x.answer)).toEqual(['a', 'none', 'b']);
    expect(d[1]?.why).toBe(
      'No backend is healthy, so the load balancer has none to pick: it answers 503 Service Unavailable (at layer 4 it resets the connection).',
    );
  });
});

describe('least connections', () => {
  it('picks the fewest open connections; a finished request closes its own', () => {
    const d = decisions({
      machine: 'loadBalancer',
      policy: 'leastConnections',
      backends: [
        { name: 'a', active: 3 },
        { name: 'b', active: 1 },
        { name: 'c', active: 2 },
      ],
      // b 1 → b (2); b 2 and c 2 tie → b first (3); c 2 → c (3); request 2 (b) ends: b 2 → b.
      requests: [{}, {}, {}, { finished: [2] }],
    });
    expect(d.map((x) => x.answer)).toEqual(['b', 'b', 'c', 'b']);
    expect(d[0]?.why).toBe(
      'Least connections picks the healthy backend with the fewest open connections: a 3, b 1, c 2. b has the fewest.',
    );
    expect(d[1]?.why).toBe(
      "Least connections picks the healthy backend with the fewest open connections: a 3, b 2, c 2. b and c tie for the fewest; among them the load balancer takes turns (smooth weighted round robin), and it is b's turn.",
    );
    expect(d[3]?.situation).toBe('Request 2 has finished. Request 4 arrives.');
    expect(d[3]?.why).toBe(
      'Least connections picks the healthy backend with the fewest open connections: a 3, b 2, c 3. b has the fewest.',
    );
  });

  it('counts connections per unit of weight', () => {
    const d = decisions({
      machine: 'loadBalancer',
      policy: 'leastConnections',
      backends: [
        { name: 'a', weight: 4, active: 6 },
        { name: 'b', weight: 1, active: 2 },
      ],
      requests: [{}],
    });
    // 6/4 = 1.5 below 2/1 = 2: a.
    expect(d[0]?.answer).toBe('a');
    expect(d[0]?.why).toBe(
      'Least connections picks the healthy backend with the fewest open connections per unit of weight (open/weight): a 6/4, b 2/1. a has the fewest.',
    );
  });
});

describe('IP hash', () => {
  const step = (requests: unknown[], extra: Record<string, unknown> = {}) =>
    decisions({ machine: 'loadBalancer', policy: 'ipHash', backends: ABC, requests, ...extra });

  it('hashes the first three octets: one /24 stays on one backend', () => {
    // By hand: (89 × 113 + 10) mod 6271 = 3796; (3796 × 113 + 0) mod 6271 = 2520; then 2565.
    expect([stirHash(89, [10]), stirHash(3796, [0]), stirHash(2520, [0])]).toEqual([
      3796, 2520, 2565,
    ]);
    const d = step(['10.0.0.11', '10.0.0.12', '10.0.0.11']);
    expect(d.map((x) => x.answer)).toEqual(['a', 'a', 'a']);
    expect(d[0]?.why).toBe(
      "IP hash reads the first three octets of 10.0.0.11, 10.0.0: from 89, each octet makes the hash (hash × 113 + octet) mod 6271: 89 → 3796 → 2520 → 2565. 2565 mod 3, the total weight, is 0: a's share (a 0, b 1, c 2). a is healthy: every request from 10.0.0.x goes to it while it stays healthy.",
    );
  });

  it('stirs the hash again when it lands on a backend that is down', () => {
    // 192.168.1: 89 → 3978 → 4441 → 154, 154 mod 3 = 1: b; b down: → 5654, mod 3 = 2: c.
    const d = step(['192.168.1.7', { client: '192.168.1.7', down: ['b'] }]);
    expect(d.map((x) => x.answer)).toEqual(['b', 'c']);
    expect(d[1]?.why).toMatch(
      /: b's share \(a 0, b 1, c 2\)\. b is down, so the hash is stirred again with the same octets: 154 → 5052 → 383 → 5654; 5654 mod 3 is 2: c's share\.$/,
    );
  });

  it('splits the total weight into shares in list order', () => {
    // 2565 mod 7 = 3: in a's share 0-4.
    const d = step(['10.0.0.11'], {
      backends: [
        { name: 'a', weight: 5 },
        { name: 'b', weight: 1 },
        { name: 'c', weight: 1 },
      ],
    });
    expect(d[0]?.why).toContain("2565 mod 7, the total weight, is 3: a's share (a 0-4, b 5, c 6).");
  });

  it('hashes the whole address with hashOctets 4', () => {
    const d = step(['10.0.0.11'], { hashOctets: 4 });
    expect(d[0]?.why).toMatch(/^IP hash reads the whole address, 10\.0\.0\.11: from 89,/);
    expect(d[0]?.why).toContain('89 → 3796 → 2520 → 2565 → ');
  });
});

describe('playing and checking a load balancer step', () => {
  it('replays picks and says when every request has its backend', () => {
    const d = decisions({ ...WRR, requests: WRR.requests.slice(0, 3) });
    const slip = replayPicks(d, ['a', 'b']);
    expect(slip).toMatchObject({ at: 1, slips: [0, 1, 0], done: false });
    expect(machineFeedback(d, slip)).toMatch(
      /^Not b\. Smooth weighted round robin .* Try again\.$/,
    );
    const done = replayPicks(d, ['a', 'b', 'a', 'b']);
    expect(machineFeedback(d, done)).toMatch(/^Right: b\. .* Every request has its backend\.$/);
  });

  it('is checked: the answers printed, a step with one backend and nothing to pick refused', () => {
    expect(checkMachine(spec(WRR), null)).toEqual({
      ok: true,
      message: "7 picks for the learner; the real load balancer's answers: a, a, b, a, c, a, a",
    });
    expect(
      checkMachine(
        spec({
          machine: 'loadBalancer',
          policy: 'roundRobin',
          backends: [{ name: 'a' }],
          requests: [{}],
        }),
        null,
      ).ok,
    ).toBe(false);
  });
});

function lessonWith(block: string): string {
  return `---\ntitle: T\nscenario: ../two-subnets.json\n---\n\n## Be it\n\n\`\`\`step\n${block}\n\`\`\`\n`;
}

/** The problems of a lesson whose one step is `block` (its first line is line 9). */
function problems(block: string): string[] {
  const read = readLesson(lessonWith(block));
  return read.ok ? [] : read.problems.map((p) => `${p.line}: ${p.message}`);
}

describe('a bad load balancer step', () => {
  it('is told at the line of each bad field', () => {
    const block = [
      '{ "kind": "machine", "machine": "loadBalancer",', // 9
      '  "policy": "weightedRoundRobin", "hashOctets": 4,', // 10
      '  "backends": [', // 11
      '    { "name": "a", "weight": 5 },', // 12
      '    { "name": "b", "weight": 0 },', // 13
      '    { "name": "a", "active": -1 }', // 14
      '  ],', // 15
      '  "requests": [', // 16
      '    "10.0.0.11",', // 17
      '    { "client": "10.0.0.300" },', // 18
      '    { "finished": [3], "down": ["z"] }', // 19
      '  ] }', // 20
    ].join('\n');
    expect(problems(block)).toEqual([
      '10: step "Be it": "hashOctets" is for the policy ipHash only',
      '13: step "Be it": backends[1]: "weight" must be a whole number from 1 to 1000; found 0',
      '14: step "Be it": backends[2]: the name "a" is given to two backends',
      '14: step "Be it": backends[2]: "active" (connections open before the first request) must be a whole number from 0 to 1000; found -1',
      '18: step "Be it": requests[1] (request 2): "client": "10.0.0.300" is not an IPv4 address: 300 is more than 255; each part must be 0 to 255',
      '19: step "Be it": requests[2] (request 3): "finished": 3 is not an earlier request (1 to 2)',
      '19: step "Be it": requests[2] (request 3): "down": no backend is named "z"',
    ]);
  });

  it('refuses two choices, an unknown key, a missing client for IP hash', () => {
    expect(
      problems(
        '{ "kind": "machine", "machine": "loadBalancer",\n  "policy": "twoChoices",\n  "backends": [{ "name": "a" }, { "name": "b" }],\n  "requests": [{}], "seed": 1 }',
      ),
    ).toEqual([
      '10: step "Be it": "policy" twoChoices draws two backends at random: a learner cannot tell its pick; use roundRobin, weightedRoundRobin, leastConnections or ipHash',
      '12: step "Be it": unknown key "seed" for a loadBalancer machine (expected machine, policy, backends, requests, hashOctets)',
    ]);
    expect(
      problems(
        '{ "kind": "machine", "machine": "loadBalancer", "policy": "ipHash",\n  "backends": [{ "name": "a" }, { "name": "b" }],\n  "requests": [\n    "10.0.0.1",\n    { "finished": [1] }] }',
      ),
    ).toEqual([
      '13: step "Be it": requests[1] (request 2): IP hash needs the client\'s address: give "client"',
    ]);
  });

  it('passes lesson check with its answers', () => {
    const text = lessonWith(JSON.stringify({ kind: 'machine', ...WRR }));
    const read = readLesson(text);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const lines = checkLesson(read.lesson, readFileSync('simulations/two-subnets.json', 'utf8'));
    expect(lines.map((l) => [l.ok, l.message])).toContainEqual([
      true,
      'machine "Be it": 7 picks for the learner; the real load balancer\'s answers: a, a, b, a, c, a, a',
    ]);
  });
});
