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
  /** A wrong pick: "Not P2. <why> Try again." */
  wrong(pick: string, why: string): string;
  /** A right pick; `end` when it was the last: what is said once every decision is taken. */
  right(pick: string, why: string, end: 'router' | 'cpu' | 'firewall' | null): string;
}

const and = (ids: readonly string[]) => ids.join(' and ');
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
  wrong: (pick, why) => `Not ${pick}. ${why} Try again.`,
  right: (pick, why, end) =>
    `Right: ${pick}. ${why}${
      end === 'router'
        ? ' Every packet is forwarded.'
        : end === 'cpu'
          ? ' Every decision is taken: compare the result below.'
          : end === 'firewall'
            ? ' Every packet has its verdict.'
            : ''
    }`,
};
