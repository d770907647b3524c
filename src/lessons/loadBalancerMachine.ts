// The load balancer step's run: the requests go, in order, through the real picker of the step's
// policy (src/kinds/loadBalancer: round robin, nginx's smooth weighted round robin, least_conn,
// ip_hash), with each backend's health and open connections as the step tells them; a pick opens
// a connection that stays open until a later request says it finished. Beside each pick, what the
// rule looked at (the last pick, the current weights, the loads, the hash) so the feedback can
// say why, and the backends' state each request meets, for the table the player shows.

import {
  LeastConnectionsPicker,
  RoundRobinPicker,
  SmoothWeightedPicker,
  type Backend,
  type BackendPicker,
} from '../kinds/loadBalancer/backendPicker.ts';
import { IpHashPicker, stirHash } from '../kinds/loadBalancer/ipHashPicker.ts';
import { parseIpv4 } from '../net/wire/ipv4Address.ts';
import type { LbStepRequest, LoadBalancerStepSpec } from './loadBalancerStep.ts';
import { ENGLISH_MACHINE_WORDS, type MachineWords } from './machineWords.ts';

/** The pick that means "no backend is healthy": the balancer turns the request away. */
export const NO_BACKEND = 'none';

/** A backend as one request finds it. */
export interface LbBackendState {
  name: string;
  weight: number;
  healthy: boolean;
  /** Its open connections (the request's own not counted). */
  active: number;
  /** Smooth weighted round robin: its current weight; null under the other policies. */
  current: number | null;
}

/** One try of IP hash: the hash after stirring the octets in once more, and where it lands. */
export interface HashTry {
  /** The hash before, then after each octet. */
  chain: number[];
  /** The hash modulo the total weight. */
  slot: number;
  landed: string;
}

/** What the rule looked at for one pick. */
export type LbReason =
  | { kind: 'roundRobin'; last: string | null; skipped: string[] }
  | { kind: 'weighted'; down: string[]; after: number }
  | { kind: 'least'; down: string[]; tied: string[] }
  | { kind: 'ipHash'; octets: number[]; tries: HashTry[]; total: number; fallback: boolean }
  | { kind: 'none' };

/** One request's decision. */
export interface LbDecision {
  /** The request's number, from 1. */
  n: number;
  request: LbStepRequest;
  /** The backends as the request finds them. */
  before: LbBackendState[];
  /** The real picker's choice, or NO_BACKEND. */
  pick: string;
  reason: LbReason;
}

/** The whole run: each request's decision, and the backends after the last one. */
export interface LbRun {
  decisions: LbDecision[];
  after: LbBackendState[];
}

/** nginx ip_hash's starting value, multiplier and modulus (ipHashPicker.ts). */
export const IP_HASH = { start: 89, multiplier: 113, modulus: 6271, tries: 20 } as const;

function pickerOf(spec: LoadBalancerStepSpec): BackendPicker {
  switch (spec.policy) {
    case 'roundRobin':
      return new RoundRobinPicker();
    case 'weightedRoundRobin':
      return new SmoothWeightedPicker();
    case 'leastConnections':
      return new LeastConnectionsPicker();
    case 'ipHash':
      return new IpHashPicker(spec.hashOctets);
  }
}

/** Runs the step's requests through the real picker of its policy. */
export function loadBalancerRun(spec: LoadBalancerStepSpec): LbRun {
  const picker = pickerOf(spec);
  const weighted = picker instanceof SmoothWeightedPicker ? picker : null;
  const healthy = new Map(spec.backends.map((b) => [b.name, b.healthy]));
  const active = new Map(spec.backends.map((b) => [b.name, b.active]));
  const picks: string[] = [];
  let last: string | null = null;
  const state = (): LbBackendState[] =>
    spec.backends.map((b) => ({
      name: b.name,
      weight: b.weight,
      healthy: healthy.get(b.name) as boolean,
      active: active.get(b.name) as number,
      current: weighted ? weighted.currentWeight(b.name) : null,
    }));
  const decisions = spec.requests.map((request, i): LbDecision => {
    for (const n of request.finished) {
      const backend = picks[n - 1];
      if (backend !== undefined && backend !== NO_BACKEND)
        active.set(backend, Math.max(0, (active.get(backend) as number) - 1));
    }
    for (const name of request.down) healthy.set(name, false);
    for (const name of request.up) healthy.set(name, true);
    const before = state();
    const backends: Backend[] = before.map((b) => ({
      id: b.name,
      weight: b.weight,
      healthy: b.healthy,
      active: b.active,
    }));
    const client = request.client === null ? 0 : addressOf(request.client);
    const pick = picker.pick(backends, { client }) ?? NO_BACKEND;
    const reason = reasonFor(spec, before, pick, last, client, weighted);
    if (pick !== NO_BACKEND) {
      active.set(pick, (active.get(pick) as number) + 1);
      last = pick;
    }
    picks.push(pick);
    return { n: i + 1, request, before, pick, reason };
  });
  return { decisions, after: state() };
}

function addressOf(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

function reasonFor(
  spec: LoadBalancerStepSpec,
  before: readonly LbBackendState[],
  pick: string,
  last: string | null,
  client: number,
  weighted: SmoothWeightedPicker | null,
): LbReason {
  if (pick === NO_BACKEND) return { kind: 'none' };
  const down = before.filter((b) => !b.healthy).map((b) => b.name);
  switch (spec.policy) {
    case 'roundRobin': {
      // The search starts after the last pick (at the top at first) and skips what is down.
      const names = before.map((b) => b.name);
      const start = last === null ? 0 : (names.indexOf(last) + 1) % names.length;
      const skipped: string[] = [];
      for (let i = start; names[i] !== pick; i = (i + 1) % names.length)
        skipped.push(names[i] as string);
      return { kind: 'roundRobin', last, skipped };
    }
    case 'weightedRoundRobin':
      // The picker has taken the pick: its current weight is already lowered by the total.
      return { kind: 'weighted', down, after: weighted?.currentWeight(pick) ?? 0 };
    case 'leastConnections': {
      const up = before.filter((b) => b.healthy);
      const fewest = Math.min(...up.map((b) => b.active / b.weight));
      const tied = up.filter((b) => b.active / b.weight === fewest).map((b) => b.name);
      return { kind: 'least', down, tied };
    }
    case 'ipHash':
      return ipHashReason(spec, before, pick, client);
  }
}

/** The hash's tries as nginx's ip_hash makes them, until one lands on a healthy backend. */
function ipHashReason(
  spec: LoadBalancerStepSpec,
  before: readonly LbBackendState[],
  pick: string,
  client: number,
): LbReason {
  const all = [client >>> 24, (client >>> 16) & 0xff, (client >>> 8) & 0xff, client & 0xff];
  const octets = all.slice(0, spec.hashOctets);
  const total = before.reduce((sum, b) => sum + b.weight, 0);
  const tries: HashTry[] = [];
  let hash: number = IP_HASH.start;
  for (let attempt = 0; attempt <= IP_HASH.tries; attempt++) {
    const chain = [hash];
    for (const octet of octets) chain.push((hash = stirHash(hash, [octet])));
    const slot = hash % total;
    const landed = shareOf(before, slot);
    tries.push({ chain, slot, landed: landed.name });
    if (landed.healthy) break;
  }
  const fallback = tries.at(-1)?.landed !== pick;
  return { kind: 'ipHash', octets, tries, total, fallback };
}

/** The backend whose share of the total weight holds `slot` (the weights in list order). */
function shareOf(backends: readonly LbBackendState[], slot: number): LbBackendState {
  let w = slot;
  for (const b of backends) {
    if (w < b.weight) return b;
    w -= b.weight;
  }
  throw new Error('unreachable: the slot is below the total weight');
}

/** Each backend's share of the hash's slots: `a 0-4, b 5, c 6`. */
export function sharesText(backends: readonly LbBackendState[]): string {
  let from = 0;
  return backends
    .map((b) => {
      const to = from + b.weight - 1;
      const text = `${b.name} ${from === to ? from : `${from}-${to}`}`;
      from = to + 1;
      return text;
    })
    .join(', ');
}

/** The situation a request meets: what changed since the last one, then the request. */
export function lbSituation(d: LbDecision, words: MachineWords = ENGLISH_MACHINE_WORDS): string {
  const parts: string[] = [];
  if (d.request.finished.length > 0) parts.push(words.lbFinished(d.request.finished));
  if (d.request.down.length > 0) parts.push(words.lbWentDown(d.request.down));
  if (d.request.up.length > 0) parts.push(words.lbCameBack(d.request.up));
  parts.push(words.lbRequest(d.n, d.request.client));
  return parts.join(' ');
}

/** The rule that picked, naming the pick, with the numbers it compared. */
export function lbWhy(
  spec: LoadBalancerStepSpec,
  d: LbDecision,
  words: MachineWords = ENGLISH_MACHINE_WORDS,
): string {
  const r = d.reason;
  const parts: string[] = [];
  switch (r.kind) {
    case 'none':
      return words.lbNone;
    case 'roundRobin':
      parts.push(words.lbRoundRobin(r.last, d.pick));
      if (r.skipped.length > 0) parts.push(words.lbSkipped(r.skipped));
      break;
    case 'weighted': {
      const up = d.before.filter((b) => b.healthy);
      const sums = up.map(
        (b) => `${b.name} ${b.current} + ${b.weight} = ${(b.current ?? 0) + b.weight}`,
      );
      const best = Math.max(...up.map((b) => (b.current ?? 0) + b.weight));
      const total = up.reduce((sum, b) => sum + b.weight, 0);
      parts.push(words.lbWeighted(sums.join(', '), d.pick, best, total, r.after));
      const ties = up.filter((b) => (b.current ?? 0) + b.weight === best && b.name !== d.pick);
      if (ties.length > 0) parts.push(words.lbTieFirst(ties.map((b) => b.name)));
      if (r.down.length > 0) parts.push(words.lbLeftOut(r.down));
      break;
    }
    case 'least': {
      const weighted = d.before.some((b) => b.weight !== 1);
      const loads = d.before
        .filter((b) => b.healthy)
        .map((b) => `${b.name} ${weighted ? `${b.active}/${b.weight}` : b.active}`);
      parts.push(words.lbLeast(loads.join(', '), weighted));
      parts.push(r.tied.length > 1 ? words.lbLeastTie(r.tied, d.pick) : words.lbFewest(d.pick));
      if (r.down.length > 0) parts.push(words.lbLeftOut(r.down));
      break;
    }
    case 'ipHash': {
      const client = d.request.client ?? '';
      const key = client.split('.').slice(0, spec.hashOctets).join('.');
      const shares = sharesText(d.before);
      const [first, ...again] = r.tries;
      if (!first) break;
      parts.push(
        words.lbHash(
          client,
          key,
          spec.hashOctets === 4,
          first.chain.join(' → '),
          first.chain.at(-1) ?? 0,
          r.total,
          first.slot,
          first.landed,
          shares,
        ),
      );
      let landed = first.landed;
      for (const t of again) {
        const chain = t.chain.join(' → ');
        parts.push(words.lbRehash(landed, chain, t.chain.at(-1) ?? 0, r.total, t.slot, t.landed));
        landed = t.landed;
      }
      if (r.fallback) parts.push(words.lbHashFallback(IP_HASH.tries, d.pick));
      // Where the first try lands is the client's own backend: it stays there while that is up.
      else if (again.length === 0)
        parts.push(words.lbHashKeeps(d.pick, spec.hashOctets === 3 ? `${key}.x` : client));
      break;
    }
  }
  return parts.join(' ');
}
