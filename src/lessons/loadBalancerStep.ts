// "Be the machine" on a load balancer (`"machine": "loadBalancer"`): the step's fields. A policy
// (round robin, smooth weighted round robin, least connections or IP hash; power of two choices
// draws at random, so a learner could not tell its pick), the backends (name, weight, health, the
// connections already open) and up to 8 requests, each with its client's address and what changed
// before it (earlier requests that finished, backends that went down or came back). This file
// reads them, each problem at its line, and is the machine's descriptor for the registry
// (machineRegistry.ts); loadBalancerMachine.ts runs the real pickers on them.

import { parseIpv4 } from '../net/wire/ipv4Address.ts';
import { MAX_WEIGHT } from '../kinds/loadBalancer/lbSchemas.ts';
import { sayUnknownKeys, type MachineKind, type SayAt } from './machineKind.ts';
import { lbSituation, lbWhy, loadBalancerRun, NO_BACKEND } from './loadBalancerMachine.ts';

export { NO_BACKEND } from './loadBalancerMachine.ts';

/** The policies a step may ask for, in the order the docs list them. */
export const LB_STEP_POLICIES = [
  'roundRobin',
  'weightedRoundRobin',
  'leastConnections',
  'ipHash',
] as const;
export type LbStepPolicy = (typeof LB_STEP_POLICIES)[number];

/** A backend as the step gives it, defaults filled in. */
export interface LbStepBackend {
  /** What the learner picks and the feedback names: `web1`, `a`. */
  name: string;
  weight: number;
  /** Whether it is healthy at the first request. */
  healthy: boolean;
  /** Connections open to it before the first request. */
  active: number;
}

/** A request of the step and what changed just before it. */
export interface LbStepRequest {
  /** The client's address, `a.b.c.d`, or null when the step gives none (not for IP hash). */
  client: string | null;
  /** Earlier requests (numbered from 1) that have finished: their connections are closed. */
  finished: number[];
  /** Backends the health checks have taken out. */
  down: string[];
  /** Backends the health checks have brought back. */
  up: string[];
}

/** A load balancer step's own fields. */
export interface LoadBalancerStepSpec {
  machine: 'loadBalancer';
  policy: LbStepPolicy;
  /** IP hash: how many leading octets of the client's address are hashed (nginx: 3). */
  hashOctets: 3 | 4;
  backends: LbStepBackend[];
  requests: LbStepRequest[];
}

const KEYS = ['machine', 'policy', 'backends', 'requests', 'hashOctets'];
const BACKEND_KEYS = ['name', 'weight', 'healthy', 'active'];
const REQUEST_KEYS = ['client', 'finished', 'down', 'up'];
const NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,31}$/;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a load balancer step; `most` is the most backends, and the most requests, it may have. */
export function readLoadBalancerStep(
  step: Record<string, unknown>,
  say: SayAt,
  most: number,
): LoadBalancerStepSpec | null {
  let ok = true;
  const fail: SayAt = (...args) => {
    ok = false;
    return say(...args);
  };
  if (sayUnknownKeys(step, 'loadBalancer', KEYS, say)) ok = false;
  const policy = step.policy;
  if (policy === 'twoChoices')
    fail(
      '"policy" twoChoices draws two backends at random: a learner cannot tell its pick; use roundRobin, weightedRoundRobin, leastConnections or ipHash',
      '"policy"',
    );
  else if (!LB_STEP_POLICIES.includes(policy as LbStepPolicy))
    fail(
      `"policy" must be one of ${LB_STEP_POLICIES.join(', ')}; found ${JSON.stringify(policy)}`,
      policy === undefined ? '"machine"' : '"policy"',
    );
  const octets = step.hashOctets ?? 3;
  if (octets !== 3 && octets !== 4) fail('"hashOctets" must be 3 or 4', '"hashOctets"');
  else if (step.hashOctets !== undefined && policy !== 'ipHash')
    fail('"hashOctets" is for the policy ipHash only', '"hashOctets"');

  const backends = readBackends(step.backends, most, fail);
  const names = backends?.map((b) => b.name) ?? [];
  const requests = readRequests(step.requests, most, names, policy === 'ipHash', fail);
  if (!ok || !backends || !requests) return null;
  return {
    machine: 'loadBalancer',
    policy: policy as LbStepPolicy,
    hashOctets: octets as 3 | 4,
    backends,
    requests,
  };
}

/** The load balancer of a "be the machine" step. */
export const loadBalancerStep: MachineKind<LoadBalancerStepSpec> = {
  name: 'loadBalancer',
  real: 'load balancer',
  read: readLoadBalancerStep,
  decisions: (spec, _scenario, words) =>
    loadBalancerRun(spec).decisions.map((d) => ({
      machine: 'loadBalancer',
      situation: lbSituation(d, words),
      choices: [
        ...d.before.map((b) => ({ id: b.name, label: words.lbChoice(b.name, b.healthy) })),
        // "None" is offered once a backend is down: it can be the answer only then.
        ...(d.before.some((b) => !b.healthy)
          ? [{ id: NO_BACKEND, label: words.lbNoneChoice }]
          : []),
      ],
      answer: d.pick,
      why: lbWhy(spec, d, words),
    })),
  finished: (words, pick, why) => words.lbRight(pick, why),
};

/** Where the `nth` (from 0) item of `all` before `i` holding `key` is: for SayAt. */
function keyAt(
  all: readonly unknown[],
  i: number,
  key: string,
  list: string,
): [string, string, number] {
  return [`"${key}"`, `"${list}"`, all.slice(0, i).filter((x) => isObject(x) && key in x).length];
}

function readBackends(value: unknown, most: number, fail: SayAt): LbStepBackend[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > most) {
    fail(
      `"backends" must be a list of 1 to ${most} backends {"name": "a", "weight": 1}`,
      value === undefined ? '"machine"' : '"backends"',
    );
    return null;
  }
  let ok = true;
  const seen = new Set<string>();
  const out = value.map((b: unknown, i): LbStepBackend => {
    const label = `backends[${i}]`;
    const bad = (message: string, key: string): void => {
      ok = false;
      fail(
        `${label}: ${message}`,
        ...keyAt(value, i, isObject(b) && key in b ? key : 'name', 'backends'),
      );
    };
    if (!isObject(b)) {
      ok = false;
      fail(
        `${label} must be {"name": "a", "weight": 1, "healthy": true, "active": 0}`,
        '"backends"',
      );
      return { name: '', weight: 1, healthy: true, active: 0 };
    }
    for (const k of Object.keys(b))
      if (!BACKEND_KEYS.includes(k))
        bad(`unknown field "${k}" (expected ${BACKEND_KEYS.join(', ')})`, k);
    const name = b.name;
    if (typeof name !== 'string' || !NAME.test(name) || name === NO_BACKEND)
      bad(
        `"name" must be a short name of letters, digits and . _ : - (not "${NO_BACKEND}"); found ${JSON.stringify(name)}`,
        'name',
      );
    else if (seen.has(name)) bad(`the name "${name}" is given to two backends`, 'name');
    else seen.add(name);
    const weight = b.weight ?? 1;
    if (
      typeof weight !== 'number' ||
      !Number.isInteger(weight) ||
      weight < 1 ||
      weight > MAX_WEIGHT
    )
      bad(
        `"weight" must be a whole number from 1 to ${MAX_WEIGHT}; found ${JSON.stringify(weight)}`,
        'weight',
      );
    const healthy = b.healthy ?? true;
    if (typeof healthy !== 'boolean') bad('"healthy" must be true or false', 'healthy');
    const active = b.active ?? 0;
    if (typeof active !== 'number' || !Number.isInteger(active) || active < 0 || active > 1000)
      bad(
        `"active" (connections open before the first request) must be a whole number from 0 to 1000; found ${JSON.stringify(active)}`,
        'active',
      );
    return {
      name: String(name),
      weight: Number(weight),
      healthy: healthy === true,
      active: Number(active),
    };
  });
  return ok ? out : null;
}

function readRequests(
  value: unknown,
  most: number,
  names: readonly string[],
  needClient: boolean,
  fail: SayAt,
): LbStepRequest[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > most) {
    fail(
      `"requests" must be a list of 1 to ${most} requests, each a client's address "a.b.c.d" or {"client": "a.b.c.d", "finished": [1], "down": ["a"], "up": ["a"]}`,
      value === undefined ? '"machine"' : '"requests"',
    );
    return null;
  }
  let ok = true;
  const finishedBefore = new Set<number>();
  const out = value.map((r: unknown, i): LbStepRequest => {
    const n = i + 1;
    const label = `requests[${i}] (request ${n})`;
    const request: LbStepRequest = { client: null, finished: [], down: [], up: [] };
    const stringAt = (s: string): [string, string, number] => [
      JSON.stringify(s),
      '"requests"',
      value.slice(0, i).filter((x) => x === s || (isObject(x) && x.client === s)).length,
    ];
    const bad = (message: string, key: string): void => {
      ok = false;
      if (typeof r === 'string') fail(`${label}: ${message}`, ...stringAt(r));
      else if (isObject(r) && key in r)
        fail(`${label}: ${message}`, ...keyAt(value, i, key, 'requests'));
      else {
        // A field left out: at the request's first field, if it has one.
        const first = isObject(r) ? Object.keys(r)[0] : undefined;
        if (first) fail(`${label}: ${message}`, ...keyAt(value, i, first, 'requests'));
        else fail(`${label}: ${message}`, '"requests"');
      }
    };
    const fields: Record<string, unknown> | null =
      typeof r === 'string' ? { client: r } : isObject(r) ? r : null;
    if (!fields) {
      bad('must be a client\'s address "a.b.c.d" or {"client": "a.b.c.d", "finished": [1]}', '');
      return request;
    }
    for (const k of Object.keys(fields))
      if (!REQUEST_KEYS.includes(k))
        bad(`unknown field "${k}" (expected ${REQUEST_KEYS.join(', ')})`, k);
    const client = fields.client;
    if (client !== undefined) {
      const parsed = typeof client === 'string' ? parseIpv4(client.trim()) : null;
      if (typeof client !== 'string' || !parsed?.ok)
        bad(
          `"client": ${parsed && !parsed.ok ? parsed.error : 'expected an address "a.b.c.d"'}`,
          'client',
        );
      else request.client = client.trim();
    } else if (needClient) bad('IP hash needs the client\'s address: give "client"', 'client');
    const numbers = fields.finished ?? [];
    if (!Array.isArray(numbers) || !numbers.every((x) => Number.isInteger(x)))
      bad('"finished" must be a list of earlier requests\' numbers (from 1)', 'finished');
    else
      for (const x of numbers as number[]) {
        if (x < 1 || x >= n)
          bad(`"finished": ${x} is not an earlier request (1 to ${n - 1})`, 'finished');
        else if (finishedBefore.has(x))
          bad(`"finished": request ${x} has already finished`, 'finished');
        else {
          finishedBefore.add(x);
          request.finished.push(x);
        }
      }
    for (const key of ['down', 'up'] as const) {
      const list = fields[key] ?? [];
      if (!Array.isArray(list) || !list.every((x) => typeof x === 'string'))
        bad(`"${key}" must be a list of backend names`, key);
      else
        for (const x of list as string[]) {
          if (!names.includes(x)) bad(`"${key}": no backend is named "${x}"`, key);
          else request[key].push(x);
        }
    }
    const both = request.down.filter((x) => request.up.includes(x));
    if (both.length > 0) bad(`${both.join(', ')} cannot go down and come back at once`, 'up');
    return request;
  });
  return ok ? out : null;
}
