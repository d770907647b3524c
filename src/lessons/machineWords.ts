// The sentences a "be the machine" step says to the learner (the situation, the choices, the rule
// behind each answer, the feedback on a pick), as functions of the facts, so the page can say them
// in its own language (src/ui/machineWords.ts builds them from the message catalog) while the CLI
// and the tests use the English ones here. Times come already written (formatIn).

import type { RejectWith, VerdictAction } from '../kinds/firewall/firewallRules.ts';
import type { SchedulingPolicy } from '../machines/cpu/cpuConfig.ts';

/** The process the scheduler picked, as the rule names it. */
export interface PickFacts {
  id: string;
  /** When its current burst entered the ready queue, written. */
  arrived: string;
  /** What is left of its burst, written. */
  remaining: string;
  priority: number;
}

export interface MachineWords {
  /** "At 7 ms P3 arrives; the CPU is free." `arrivals` are the processes arriving at `at`. */
  cpuFree(at: string, arrivals: readonly string[]): string;
  /** "At 4 ms P3 arrives and the quantum of P1 ends." */
  cpuQuantum(at: string, arrivals: readonly string[], held: string): string;
  /** "At 2 ms P2 arrives while P1 runs (5 ms left)." */
  cpuArrival(at: string, arrivals: readonly string[], held: string, left: string): string;
  /** A choice: "P2: needs 4 ms", "P1: needs 5 ms more, running now", ", priority 2". */
  cpuChoice(id: string, needs: string, running: boolean, priority: number | null): string;
  /** The policy's rule naming its pick; `afterQuantum`: round robin after a quantum ended. */
  cpuRule(policy: SchedulingPolicy, pick: PickFacts, afterQuantum: boolean): string;
  /** The rule, then the processes that tie with the pick, and how the tie is broken. */
  cpuTie(rule: string, ties: readonly string[], pickRunning: boolean): string;
  /** Why a CPU step has no decisions. */
  cpuIncomplete: string;
  /** "A packet for 10.0.0.20 arrives." */
  routerSituation(destination: string): string;
  /** The choice that drops the packet. */
  routerDrop: string;
  /** No route holds the destination. */
  routerNoRoute(destination: string): string;
  /**
   * The longest prefix match: `matches` every prefix holding the destination (more than one:
   * the longest wins), `prefix` the chosen one, `via` the next router if any.
   */
  routerMatch(
    destination: string,
    matches: readonly string[],
    prefix: string,
    iface: string,
    via: string | null,
  ): string;
  /** "A packet comes to the FORWARD chain: tcp 192.168.1.10:50123 → 10.0.0.20:80 [SYN], state NEW." */
  firewallSituation(chain: string, packet: string, state: string): string;
  /** A verdict as a choice: "DROP: drop it without an answer". */
  firewallChoice(verdict: VerdictAction): string;
  /** Rule `n` (from 1, in iptables syntax, with its comment if any) decided. */
  firewallRule(n: number, rule: string, comment: string | null): string;
  /** No rule decided: the chain's policy did. */
  firewallPolicy(chain: string, policy: VerdictAction): string;
  /** REJECT's answer to the sender. */
  firewallReject(answer: RejectWith): string;
  /** LOG rules (numbers from 1) that matched before the verdict. */
  firewallLogged(rules: readonly number[]): string;
  /** "Request 3 arrives from 10.0.0.11." (`client` null: no address given). */
  lbRequest(n: number, client: string | null): string;
  /** Earlier requests (numbers from 1) that finished before this one: their connections closed. */
  lbFinished(requests: readonly number[]): string;
  /** Backends the health checks took out before this request. */
  lbWentDown(backends: readonly string[]): string;
  /** Backends the health checks brought back before this request. */
  lbCameBack(backends: readonly string[]): string;
  /** A backend as a choice: "b", "b (down)". */
  lbChoice(name: string, healthy: boolean): string;
  /** The choice "no backend is healthy". */
  lbNoneChoice: string;
  /** Why no backend is picked. */
  lbNone: string;
  /** Round robin's rule: the next in list order after `last` (null: none picked yet). */
  lbRoundRobin(last: string | null, pick: string): string;
  /** Backends round robin passed over because they are down. */
  lbSkipped(backends: readonly string[]): string;
  /**
   * Smooth weighted round robin: `sums` each healthy backend's current weight plus its weight
   * (`a 0 + 5 = 5, b 0 + 1 = 1`), the largest `best` is the pick's, which gives back `total` and
   * goes on from `after`.
   */
  lbWeighted(sums: string, pick: string, best: number, total: number, after: number): string;
  /** Backends whose sum equals the pick's: the first in the list wins. */
  lbTieFirst(ties: readonly string[]): string;
  /** Backends that are down and take no part in the pick. */
  lbLeftOut(backends: readonly string[]): string;
  /** Least connections' rule over `loads` (`a 2, b 0` or, with weights, `a 2/5, b 0/1`). */
  lbLeast(loads: string, weighted: boolean): string;
  /** The pick alone has the fewest. */
  lbFewest(pick: string): string;
  /** `tied` have the fewest; they take turns, and it is the pick's. */
  lbLeastTie(tied: readonly string[], pick: string): string;
  /**
   * IP hash's first try: the octets `key` of `client` (`whole`: all four) stirred from 89 along
   * `chain` to `hash`; `hash` mod `total` is `slot`, in `landed`'s share (`shares`: a 0, b 1).
   */
  lbHash(
    client: string,
    key: string,
    whole: boolean,
    chain: string,
    hash: number,
    total: number,
    slot: number,
    landed: string,
    shares: string,
  ): string;
  /** IP hash landed on `landed`, which is down: the next try. */
  lbRehash(
    landed: string,
    chain: string,
    hash: number,
    total: number,
    slot: number,
    next: string,
  ): string;
  /** Every try landed on a backend that is down: the next healthy one in the list. */
  lbHashFallback(tries: number, pick: string): string;
  /** The pick keeps every request of `clients` (`10.0.0.x`) while it is healthy. */
  lbHashKeeps(pick: string, clients: string): string;
  /** A wrong pick: "Not P2. <why> Try again." */
  wrong(pick: string, why: string): string;
  /** A right pick that is not the last: "Right: P3. <why>" */
  right(pick: string, why: string): string;
  /** The CPU's last pick, right: what is said once every decision is taken. */
  cpuRight(pick: string, why: string): string;
  /** The router's last pick, right. */
  routerRight(pick: string, why: string): string;
  /** The firewall's last pick, right. */
  firewallRight(pick: string, why: string): string;
  /** The load balancer's last pick, right. */
  lbRight(pick: string, why: string): string;
}

const and = (ids: readonly string[]) =>
  ids.length > 2 ? `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}` : ids.join(' and ');
const arriving = (ids: readonly string[]) =>
  ids.length === 0 ? '' : `${and(ids)} ${ids.length > 1 ? 'arrive' : 'arrives'}`;

/** The English sentences (the lesson files' language, the CLI's). */
export const ENGLISH_MACHINE_WORDS: MachineWords = {
  cpuFree: (at, arrivals) =>
    `At ${at} ${arrivals.length ? `${arriving(arrivals)}; ` : ''}the CPU is free.`,
  cpuQuantum: (at, arrivals, held) =>
    `At ${at} ${arrivals.length ? `${arriving(arrivals)} and ` : ''}the quantum of ${held} ends.`,
  cpuArrival: (at, arrivals, held, left) =>
    `At ${at} ${arriving(arrivals) || 'a process arrives'} while ${held} runs (${left} left).`,
  cpuChoice: (id, needs, running, priority) =>
    `${id}: needs ${needs}${running ? ' more, running now' : ''}${
      priority === null ? '' : `, priority ${priority}`
    }`,
  cpuRule: (policy, pick, afterQuantum) => {
    switch (policy) {
      case 'fcfs':
        return `FCFS runs the process that has waited longest in the ready queue: ${pick.id} (arrived at ${pick.arrived}).`;
      case 'sjf':
        return `SJF runs the shortest next CPU burst among the ready processes: ${pick.id} (${pick.remaining}).`;
      case 'srtf':
        return `SRTF runs the shortest remaining time, the running process included: ${pick.id} (${pick.remaining} left).`;
      case 'priority':
        return `Priority scheduling runs the lowest priority number among the ready processes: ${pick.id} (priority ${pick.priority}).`;
      case 'priorityPreemptive':
        return `Preemptive priority runs the lowest priority number, the running process included: ${pick.id} (priority ${pick.priority}).`;
      case 'rr':
        return `Round robin runs the process at the head of the ready queue: ${pick.id}.${
          afterQuantum
            ? ' A process whose quantum has just ended goes to the tail, behind every process that arrived by then.'
            : ''
        }`;
    }
  },
  cpuTie: (rule, ties, pickRunning) =>
    pickRunning
      ? `${rule} ${ties.join(', ')} ties with it, and a running process keeps the CPU on a tie.`
      : `${rule} ${ties.join(', ')} ties with it; on a tie the process that arrived first runs first (if they arrived together, the one higher in the table).`,
  cpuIncomplete: 'the scheduler did not complete every job',
  routerSituation: (destination) => `A packet for ${destination} arrives.`,
  routerDrop: 'Drop it (no route)',
  routerNoRoute: (destination) =>
    `No route's prefix holds ${destination} and there is no default route (0.0.0.0/0): the router drops the packet.`,
  routerMatch: (destination, matches, prefix, iface, via) => {
    const to = via === null ? '' : ` to the next router ${via}`;
    return matches.length > 1
      ? `Longest prefix match: ${destination} is in ${matches.join(', ')}; the longest prefix, ${prefix}, wins, so the packet leaves by ${iface}${to}.`
      : `Longest prefix match: only ${prefix} holds ${destination}, so the packet leaves by ${iface}${to}.`;
  },
  firewallSituation: (chain, packet, state) =>
    `A packet comes to the ${chain} chain: ${packet}, state ${state}.`,
  firewallChoice: (verdict) =>
    ({
      ACCEPT: 'ACCEPT: let it through',
      DROP: 'DROP: drop it without an answer',
      REJECT: 'REJECT: refuse it with an answer',
    })[verdict],
  firewallRule: (n, rule, comment) =>
    `Rule ${n} is the first rule that matches it and ends the walk: ${rule}${
      comment === null ? '' : ` (${comment})`
    }.`,
  firewallPolicy: (chain, policy) =>
    `No rule matches it and ends the walk, so the ${chain} chain's policy decides: ${policy}.`,
  firewallReject: (answer) =>
    `The firewall drops the packet and answers the sender with ${
      {
        'tcp-reset': 'a TCP reset (RST)',
        'icmp-port-unreachable': 'an ICMP port unreachable',
        'icmp-admin-prohibited': 'an ICMP "administratively prohibited"',
      }[answer]
    }.`,
  firewallLogged: (rules) =>
    `On the way, ${rules.length > 1 ? `rules ${and(rules.map(String))}` : `rule ${rules[0]}`} (LOG) matched and logged it; a LOG rule does not end the walk.`,
  lbRequest: (n, client) =>
    client === null ? `Request ${n} arrives.` : `Request ${n} arrives from ${client}.`,
  lbFinished: (requests) =>
    requests.length > 1
      ? `Requests ${and(requests.map(String))} have finished.`
      : `Request ${requests[0]} has finished.`,
  lbWentDown: (backends) => `The health checks take ${and(backends)} out.`,
  lbCameBack: (backends) => `The health checks bring ${and(backends)} back.`,
  lbChoice: (name, healthy) => (healthy ? name : `${name} (down)`),
  lbNoneChoice: 'None: no backend is healthy',
  lbNone:
    'No backend is healthy, so the load balancer has none to pick: it answers 503 Service Unavailable (at layer 4 it resets the connection).',
  lbRoundRobin: (last, pick) =>
    last === null
      ? `Round robin takes the backends one after another in list order, starting at the top: ${pick}.`
      : `Round robin takes the backends one after another in list order, back to the top after the last: after ${last} comes ${pick}.`,
  lbSkipped: (backends) =>
    backends.length > 1
      ? `${and(backends)} are down, so they are skipped.`
      : `${backends[0]} is down, so it is skipped.`,
  lbWeighted: (sums, pick, best, total, after) =>
    `Smooth weighted round robin adds each healthy backend's weight to its current weight: ${sums}. ${pick} has the largest, ${best}, and is picked; it gives back the total of the weights, ${total}, and goes on from ${after}.`,
  lbTieFirst: (ties) =>
    `${and(ties)} ${ties.length > 1 ? 'have' : 'has'} as much: a tie goes to the first in the list.`,
  lbLeftOut: (backends) =>
    backends.length > 1
      ? `${and(backends)} are down and take no part.`
      : `${backends[0]} is down and takes no part.`,
  lbLeast: (loads, weighted) =>
    weighted
      ? `Least connections picks the healthy backend with the fewest open connections per unit of weight (open/weight): ${loads}.`
      : `Least connections picks the healthy backend with the fewest open connections: ${loads}.`,
  lbFewest: (pick) => `${pick} has the fewest.`,
  lbLeastTie: (tied, pick) =>
    `${and(tied)} tie for the fewest; among them the load balancer takes turns (smooth weighted round robin), and it is ${pick}'s turn.`,
  lbHash: (client, key, whole, chain, hash, total, slot, landed, shares) =>
    `IP hash reads ${whole ? `the whole address, ${client}` : `the first three octets of ${client}, ${key}`}: from 89, each octet makes the hash (hash × 113 + octet) mod 6271: ${chain}. ${hash} mod ${total}, the total weight, is ${slot}: ${landed}'s share (${shares}).`,
  lbRehash: (landed, chain, hash, total, slot, next) =>
    `${landed} is down, so the hash is stirred again with the same octets: ${chain}; ${hash} mod ${total} is ${slot}: ${next}'s share.`,
  lbHashFallback: (tries, pick) =>
    `After ${tries} more tries that land on backends that are down, the load balancer takes the next healthy backend in the list: ${pick}.`,
  lbHashKeeps: (pick, clients) =>
    `${pick} is healthy: every request from ${clients} goes to it while it stays healthy.`,
  wrong: (pick, why) => `Not ${pick}. ${why} Try again.`,
  right: (pick, why) => `Right: ${pick}. ${why}`,
  cpuRight: (pick, why) =>
    `Right: ${pick}. ${why} Every decision is taken: compare the result below.`,
  routerRight: (pick, why) => `Right: ${pick}. ${why} Every packet is forwarded.`,
  firewallRight: (pick, why) => `Right: ${pick}. ${why} Every packet has its verdict.`,
  lbRight: (pick, why) => `Right: ${pick}. ${why} Every request has its backend.`,
};
