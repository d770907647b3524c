// A firewall's own life as an XState machine: running (filtering by its rules), reloading rules (a
// new set replaces the old at one moment: counters start again from zero, the connection table is
// kept, so flows already ESTABLISHED keep passing as in netfilter), and stopped (as after a crash:
// every packet dropped, the connection table emptied). The per-packet verdict is not an event: the
// packet path reads the machine's snapshot and calls `firewallFilter`, a pure function over it.
//
// Left out, on purpose: a load always replaces the whole filter table (no single-rule edits, no
// `iptables -F`, no NAT or mangle tables); a restart of a running firewall is ignored (only a
// stopped one restarts); the time a crashed node takes to boot is the host's, which sends
// `restart` when it is up; counters and table are gone after a crash, and a restart boots with the
// last rules committed or loaded while stopped (as iptables-persistent restores saved rules).

import { assign, setup } from 'xstate';
import type { Packet } from '../../net/wire/packet.ts';
import { ConnectionTable } from './connectionTracking.ts';
import type { ChainName, FirewallRules } from './firewallRules.ts';
import { filterPacket } from './packetFilter.ts';
import type { FilterResult, PacketFilter } from './packetFilter.ts';
import { RuleCounters } from './ruleCounters.ts';

export interface FirewallInput {
  rules: FirewallRules;
  /**
   * Makes an empty connection table, at start and after a crash (give it the table's timeouts and
   * the entry machines' `onReport`); by default a table with netfilter's timeouts.
   */
  newTable?: () => ConnectionTable;
  /**
   * How long loading a rule set takes, ms; the old rules filter until it is committed. 0 (the
   * default): at once, as iptables-restore commits a whole table in one step.
   */
  reloadMs?: number;
}

export interface FirewallContext extends PacketFilter {
  counters: RuleCounters;
  /** The rule set being loaded, while reloading. */
  pending: FirewallRules | null;
  reloadMs: number;
  newTable: () => ConnectionTable;
}

export type FirewallEvent =
  /** Replace the filter table by `rules`. */
  | { type: 'rules.load'; rules: FirewallRules }
  /** The firewall stops at once, as its node crashed. */
  | { type: 'crash' }
  /** A stopped firewall starts again, with an empty connection table. */
  | { type: 'restart' };

export const firewallMachine = setup({
  types: {
    input: {} as FirewallInput,
    context: {} as FirewallContext,
    events: {} as FirewallEvent,
  },
  actions: {
    keepPending: assign({
      pending: ({ event }) => (event.type === 'rules.load' ? event.rules : null),
    }),
    /** The pending rules take over; their counters start from zero; the table stays. */
    commitRules: assign(({ context }) => ({
      rules: context.pending ?? context.rules,
      pending: null,
      counters: new RuleCounters(),
    })),
    /** While stopped, a loaded rule set is what the restart boots with. */
    saveRules: assign({
      rules: ({ context, event }) => (event.type === 'rules.load' ? event.rules : context.rules),
    }),
    /** A crash loses what the kernel held: the connection table and the counters. */
    loseState: assign(({ context }) => ({
      conntrack: context.newTable(),
      counters: new RuleCounters(),
      pending: null,
    })),
    /** A new rule set is in force (for the host: a trace record). */
    rulesCommitted: () => {},
    /** The connection table was emptied (for the host: stop the entries' machines). */
    tableEmptied: () => {},
  },
  guards: {
    reloadsAtOnce: ({ context }) => context.reloadMs <= 0,
  },
  delays: {
    reloadTime: ({ context }) => context.reloadMs,
  },
}).createMachine({
  id: 'firewall',
  context: ({ input }) => {
    const newTable = input.newTable ?? (() => new ConnectionTable());
    return {
      rules: input.rules,
      conntrack: newTable(),
      counters: new RuleCounters(),
      pending: null,
      reloadMs: input.reloadMs ?? 0,
      newTable,
    };
  },
  initial: 'running',
  // `meta.label`: the words the statechart shows; `description`: the sentence behind them.
  states: {
    running: {
      meta: { label: 'running' },
      description: 'Every packet is tracked and judged by the rules in force.',
      on: {
        'rules.load': {
          target: 'reloadingRules',
          actions: 'keepPending',
          meta: { label: 'new rules' },
        },
        crash: {
          target: 'stopped',
          actions: ['loseState', 'tableEmptied'],
          meta: { label: 'crash' },
        },
      },
    },
    reloadingRules: {
      meta: { label: 'reloading rules' },
      description:
        'A new rule set is being loaded; the old one filters until the new one replaces it at once.',
      always: {
        guard: 'reloadsAtOnce',
        target: 'running',
        actions: ['commitRules', 'rulesCommitted'],
      },
      after: {
        reloadTime: {
          target: 'running',
          actions: ['commitRules', 'rulesCommitted'],
          meta: { label: 'committed' },
        },
      },
      on: {
        'rules.load': {
          target: 'reloadingRules',
          reenter: true,
          actions: 'keepPending',
          meta: { label: 'newer rules' },
        },
        crash: {
          target: 'stopped',
          actions: ['loseState', 'tableEmptied'],
          meta: { label: 'crash' },
        },
      },
    },
    stopped: {
      meta: { label: 'stopped' },
      description: 'The firewall is down: every packet is dropped and no connection is remembered.',
      on: {
        'rules.load': { actions: 'saveRules', meta: { label: 'rules saved for the restart' } },
        restart: { target: 'running', meta: { label: 'restart' } },
      },
    },
  },
});

/** What a stopped firewall does with every packet. */
export interface StoppedDrop {
  stopped: true;
  verdict: { action: 'DROP' };
}

const STOPPED_DROP: StoppedDrop = Object.freeze({
  stopped: true,
  verdict: Object.freeze({ action: 'DROP' }),
}) as StoppedDrop;

/**
 * Runs `packet` through `chain` of the firewall whose snapshot is `firewall`, at simulated time
 * `now` (ns): dropped untouched while stopped, else filtered by the rules in force (while
 * reloading, the old ones). Reads the machine's state; sends it nothing.
 */
export function firewallFilter(
  firewall: { value: unknown; context: FirewallContext },
  chain: ChainName,
  packet: Packet,
  now: number,
): FilterResult | StoppedDrop {
  if (firewall.value === 'stopped') return STOPPED_DROP;
  return filterPacket(firewall.context, chain, packet, now);
}
