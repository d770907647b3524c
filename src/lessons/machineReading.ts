// Reading a "be the machine" step's JSON (`"kind": "machine"`) into its spec: a CPU's job table
// and policy, a router's table or scenario router and destinations, a firewall's rules and
// packets (firewallStep.ts), or a load balancer's policy, backends and requests
// (loadBalancerStep.ts). Each problem is said at the line of its field in the step's block.

import { SCHEDULING_POLICIES, type SchedulingPolicy } from '../machines/cpu/cpuConfig.ts';
import { parseIpv4 } from '../net/wire/ipv4Address.ts';
import { TIME_UNITS, validateJobTable, type JobTable } from '../sim/jobs/jobTable.ts';
import { DROP, tableOfRoutes, type StepRoute } from './routerMachine.ts';
import { readFirewallStep, type FirewallStepSpec, type SayAt } from './firewallStep.ts';
import { readLoadBalancerStep, type LoadBalancerStepSpec } from './loadBalancerStep.ts';

/** A machine step's own fields (the step's title, prose and line are the lesson's). */
export type MachineSpec =
  | {
      machine: 'cpu';
      /** The jobs, policy and quantum, validated as a job table (src/sim/jobs), one core. */
      table: JobTable;
      /** The policies compared with it at the end (the step's own among them). */
      compare: SchedulingPolicy[];
    }
  | {
      machine: 'router';
      /** The scenario's router whose table is used, or undefined when `routes` gives one. */
      router?: string;
      routes?: StepRoute[];
      /** The packets' destinations, in the order they are asked. */
      packets: string[];
    }
  | FirewallStepSpec
  | LoadBalancerStepSpec;

/** At most this many jobs, packets, requests or backends: a step is done by hand in minutes. */
export const MACHINE_MAX_ITEMS = 8;

const CPU_KEYS = ['machine', 'policy', 'quantum', 'unit', 'jobs', 'compare'];
const ROUTER_KEYS = ['machine', 'router', 'routes', 'packets'];
const JOB_KEYS = ['id', 'arrival', 'burst', 'priority'];

/**
 * Reads a machine step's JSON object. `say` reports a problem at the line where `needle` (a key
 * as written, `"policy"`, or a value such as `"P3"`) appears in the block for the `nth` time
 * (from 0, default 0), at or after the line of `after`; it returns null.
 */
export function readMachine(step: Record<string, unknown>, say: SayAt): MachineSpec | null {
  const machine = step.machine;
  if (machine === 'firewall') return readFirewallStep(step, say, MACHINE_MAX_ITEMS);
  if (machine === 'loadBalancer') return readLoadBalancerStep(step, say, MACHINE_MAX_ITEMS);
  if (machine !== 'cpu' && machine !== 'router')
    return say(
      `"machine" must be "cpu", "router", "firewall" or "loadBalancer"; found ${JSON.stringify(machine)}`,
      '"machine"',
    );
  const keys = machine === 'cpu' ? CPU_KEYS : ROUTER_KEYS;
  let bad = false;
  for (const k of Object.keys(step)) {
    if (k === 'kind' || keys.includes(k)) continue;
    say(`unknown key "${k}" for a ${machine} machine (expected ${keys.join(', ')})`, `"${k}"`);
    bad = true;
  }
  if (bad) return null;
  return machine === 'cpu' ? readCpu(step, say) : readRouter(step, say);
}

function readCpu(
  step: Record<string, unknown>,
  say: (message: string, needle?: string, after?: string) => null,
): MachineSpec | null {
  let ok = true;
  const fail = (message: string, needle?: string, after?: string): void => {
    say(message, needle, after);
    ok = false;
  };
  const policy = step.policy;
  if (!SCHEDULING_POLICIES.includes(policy as SchedulingPolicy))
    fail(
      `"policy" must be one of ${SCHEDULING_POLICIES.join(', ')}; found ${JSON.stringify(policy)}`,
      '"policy"',
    );
  const unit = step.unit ?? 'ms';
  if (!TIME_UNITS.includes(unit as never))
    fail(`"unit" must be one of ${TIME_UNITS.join(', ')}; found ${JSON.stringify(unit)}`, '"unit"');
  const compare = step.compare ?? ['fcfs', 'sjf', ...(step.quantum === undefined ? [] : ['rr'])];
  if (
    !Array.isArray(compare) ||
    !compare.every((p) => SCHEDULING_POLICIES.includes(p as SchedulingPolicy))
  )
    fail(`"compare" must be a list of policies (${SCHEDULING_POLICIES.join(', ')})`, '"compare"');
  else if (compare.includes('rr') && step.quantum === undefined && policy !== 'rr')
    fail('"compare" names rr: give the step a "quantum" for it', '"compare"');
  const jobs = step.jobs;
  if (!Array.isArray(jobs) || jobs.length === 0 || jobs.length > MACHINE_MAX_ITEMS) {
    fail(`"jobs" must be a list of 1 to ${MACHINE_MAX_ITEMS} jobs`, '"jobs"');
    return null;
  }
  jobs.forEach((job: unknown, i) => {
    const id = typeof job === 'object' && job !== null ? (job as { id?: unknown }).id : undefined;
    const where = typeof id === 'string' ? `"${id}"` : '"jobs"';
    const label = `jobs[${i}]${typeof id === 'string' ? ` (${id})` : ''}`;
    if (typeof job !== 'object' || job === null || Array.isArray(job))
      return fail(`${label} must be {"id": …, "arrival": …, "burst": …}`, '"jobs"');
    for (const k of Object.keys(job))
      if (!JOB_KEYS.includes(k))
        fail(`${label}: unknown field "${k}" (expected ${JOB_KEYS.join(', ')})`, where, '"jobs"');
    const burst = (job as { burst?: unknown }).burst;
    if (typeof burst === 'number' && burst <= 0)
      fail(`${label}: burst must be more than 0, got ${burst}`, where, '"jobs"');
  });
  // The job table's own checks, on what was not refused above (so each problem is said once).
  const known = (j: unknown): j is Record<string, unknown> =>
    typeof j === 'object' && j !== null && !Array.isArray(j);
  const rows = jobs.map((j: unknown, i) =>
    known(j)
      ? Object.fromEntries(
          JOB_KEYS.filter((k) => k in j).map((k) => [
            k,
            k === 'burst' && typeof j[k] === 'number' && j[k] <= 0 ? 1 : j[k],
          ]),
        )
      : { id: `jobs[${i}]`, arrival: 0, burst: 1 },
  );
  const read = validateJobTable(
    {
      format: 'handshake/jobs@1',
      unit: TIME_UNITS.includes(unit as never) ? unit : 'ms',
      cpu: {
        cores: 1,
        policy: SCHEDULING_POLICIES.includes(policy as SchedulingPolicy) ? policy : 'fcfs',
        contextSwitch: 0,
        ...(step.quantum === undefined ? {} : { quantum: step.quantum }),
      },
      jobs: rows,
    },
    'machine step',
  );
  if (!read.ok || !ok) {
    if (read.ok) return null;
    for (const issue of read.issues) {
      const id = /^jobs\[\d+\] \((.+)\)$/.exec(issue.path)?.[1];
      const needle = id
        ? `"${id}"`
        : issue.path.startsWith('$.cpu.')
          ? `"${issue.path.slice(6) in step ? issue.path.slice(6) : 'policy'}"`
          : '"jobs"';
      say(
        `${issue.path.replace(/^\$\.cpu\./, '')}: ${issue.message}`,
        needle,
        id ? '"jobs"' : undefined,
      );
    }
    return null;
  }
  const policies = compare as SchedulingPolicy[];
  const withOwn = policies.includes(policy as SchedulingPolicy)
    ? policies
    : [policy as SchedulingPolicy, ...policies];
  return { machine: 'cpu', table: read.table, compare: withOwn };
}

function readRouter(
  step: Record<string, unknown>,
  say: (message: string, needle?: string, after?: string) => null,
): MachineSpec | null {
  let ok = true;
  const fail = (message: string, needle?: string): void => {
    say(message, needle);
    ok = false;
  };
  const { router, routes, packets } = step;
  if ((router === undefined) === (routes === undefined))
    fail(
      'give either "router" (a router of the scenario) or "routes" (a table), not both',
      '"machine"',
    );
  if (router !== undefined && (typeof router !== 'string' || router.trim() === ''))
    fail('"router" must be the id of a router in the scenario', '"router"');
  let given: StepRoute[] | undefined;
  if (routes !== undefined) {
    const wellFormed =
      Array.isArray(routes) &&
      routes.length > 0 &&
      routes.every(
        (r) =>
          typeof r === 'object' &&
          r !== null &&
          typeof r.to === 'string' &&
          typeof r.iface === 'string' &&
          r.iface.trim() !== '' &&
          r.iface !== DROP &&
          (r.via === undefined || typeof r.via === 'string') &&
          Object.keys(r).every((k) => ['to', 'iface', 'via'].includes(k)),
      );
    if (!wellFormed)
      fail(
        '"routes" must be a list of {"to": "10.0.0.0/8", "iface": "eth1", "via"?: "…"}',
        '"routes"',
      );
    else {
      const table = tableOfRoutes(routes as StepRoute[]);
      if (Array.isArray(table))
        for (const m of table) fail(m, `"${m.match(/"([^"]+)"/)?.[1] ?? 'routes'}"`);
      else given = routes as StepRoute[];
    }
  }
  if (
    !Array.isArray(packets) ||
    packets.length === 0 ||
    packets.length > MACHINE_MAX_ITEMS ||
    !packets.every((p) => typeof p === 'string')
  ) {
    fail(
      `"packets" must be a list of 1 to ${MACHINE_MAX_ITEMS} destination addresses`,
      '"packets"',
    );
  } else {
    for (const p of packets as string[]) {
      const parsed = parseIpv4(p);
      if (!parsed.ok) fail(`"packets": ${parsed.error}`, `"${p}"`);
    }
  }
  if (!ok) return null;
  return {
    machine: 'router',
    ...(typeof router === 'string' ? { router } : {}),
    ...(given ? { routes: given } : {}),
    packets: packets as string[],
  };
}
