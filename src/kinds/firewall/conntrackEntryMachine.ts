// The life of one tracked flow, as netfilter's conntrack sees it, as an XState machine: waiting
// for a reply (NEW), established (a reply seen), closing (a FIN seen), closed (by RST, by both FINs
// acknowledged, or by its idle timeout on simulated time). The packet path never sends it an event:
// ConnectionTable updates the entry (plain data the machine holds: tuples, packet counts, when last
// seen) and reports only what changes a state; conntrackEntryActors.ts turns reports into events.

import { assign, setup } from 'xstate';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import type { Nanos } from '../../engine/time.ts';
import { IP_PROTOCOL } from '../../net/wire/packet.ts';
import { CONNTRACK_DEFAULTS } from './connectionTracking.ts';
import type { ConntrackEntry, ConntrackOptions, Direction } from './connectionTracking.ts';

/** How long an entry may stay idle in each state, ns (netfilter's timeouts, per protocol). */
export interface ConntrackTimeouts {
  waitingForReply: Nanos;
  established: Nanos;
  closing: Nanos;
}

/**
 * netfilter's TCP timeouts for these three states: SYN_SENT (nf_conntrack_tcp_timeout_syn_sent,
 * 120 s), ESTABLISHED (5 days) and FIN_WAIT (120 s). Linux has more TCP states (SYN_RECV,
 * CLOSE_WAIT, LAST_ACK, TIME_WAIT, ...), each with its own timeout; this machine keeps three.
 */
export const TCP_TIMEOUTS: Readonly<ConntrackTimeouts> = Object.freeze({
  waitingForReply: 120 * NS_PER_S,
  established: 432_000 * NS_PER_S,
  closing: 120 * NS_PER_S,
});

/** The timeouts of a flow of `protocol`, from the table's options (UDP, ICMP, others) or TCP's. */
export function entryTimeouts(
  protocol: number,
  options: Partial<ConntrackOptions> = {},
): ConntrackTimeouts {
  const o = { ...CONNTRACK_DEFAULTS, ...options };
  switch (protocol) {
    case IP_PROTOCOL.tcp:
      return { ...TCP_TIMEOUTS };
    case IP_PROTOCOL.udp:
      return {
        waitingForReply: o.udpTimeoutNs,
        established: o.udpStreamTimeoutNs,
        closing: o.udpStreamTimeoutNs,
      };
    case IP_PROTOCOL.icmp:
      return {
        waitingForReply: o.icmpTimeoutNs,
        established: o.icmpTimeoutNs,
        closing: o.icmpTimeoutNs,
      };
    default:
      return {
        waitingForReply: o.genericTimeoutNs,
        established: o.genericTimeoutNs,
        closing: o.genericTimeoutNs,
      };
  }
}

export interface ConntrackEntryInput {
  /** The table's entry: its tuples, packet counts and last-seen time, kept up by the table. */
  entry: ConntrackEntry;
  timeouts: ConntrackTimeouts;
  /** When the entry was confirmed (ns): the machine starts then. */
  at: Nanos;
}

/** How an entry ended. */
export type EndedBy = 'rst' | 'fin' | 'timeout';

export interface ConntrackEntryContext extends ConntrackEntryInput {
  /** The idle timeout of the current state, ns. */
  timeoutNs: Nanos;
  /** When the current timer runs out (ns); before the first timer, the start time. */
  deadline: Nanos;
  /** How long the current timer was set for, ns. */
  delayNs: Nanos;
  endedBy?: EndedBy;
}

/** The table's reports, each with the simulated time it happened (ns). */
export type ConntrackEntryEvent =
  | { type: 'conntrack.reply'; at: Nanos }
  | { type: 'conntrack.fin'; direction: Direction; at: Nanos }
  | { type: 'conntrack.close'; reason: 'rst' | 'fin'; at: Nanos }
  | { type: 'conntrack.expire'; at: Nanos };

type TimedState = keyof ConntrackTimeouts;

export const conntrackEntryMachine = setup({
  types: {
    input: {} as ConntrackEntryInput,
    context: {} as ConntrackEntryContext,
    events: {} as ConntrackEntryEvent,
  },
  actions: {
    /**
     * Sets the state's idle timer to run out `timeout` after the flow's last packet. The time now
     * is the event's, or (when the timer itself ran out) the deadline it ran out at.
     */
    armTimer: assign(({ context, event }, params: { state: TimedState }) => {
      const now = 'at' in event ? event.at : context.deadline;
      const timeoutNs = context.timeouts[params.state];
      const deadline = context.entry.lastSeenAt + timeoutNs;
      return { timeoutNs, deadline, delayNs: Math.max(0, deadline - now) };
    }),
    endByReport: assign({
      endedBy: ({ event }) => (event.type === 'conntrack.close' ? event.reason : 'timeout'),
    }),
    endByTimeout: assign({ endedBy: 'timeout' as EndedBy }),
    /** The entry's life is over: its host drops the actor (and the entry, if still in the table). */
    forget: () => {},
  },
  guards: {
    /** A packet passed since the timer was set: the entry is not idle long enough yet. */
    seenSinceArmed: ({ context }) =>
      context.entry.lastSeenAt + context.timeoutNs > context.deadline,
  },
  delays: {
    idleTimeout: ({ context }) => context.delayNs / NS_PER_MS,
  },
}).createMachine({
  id: 'conntrackEntry',
  context: ({ input }) => ({ ...input, timeoutNs: 0, deadline: input.at, delayNs: 0 }),
  initial: 'waitingForReply',
  on: {
    'conntrack.close': {
      target: '.closed',
      actions: ['endByReport', 'forget'],
      meta: { label: 'RST, or both FINs acknowledged' },
    },
    'conntrack.expire': {
      target: '.closed',
      actions: ['endByReport', 'forget'],
      meta: { label: 'the table found it timed out' },
    },
  },
  // `meta.label`: the words the statechart shows; `description`: the sentence behind them.
  states: {
    waitingForReply: {
      meta: { label: 'new: waiting for a reply' },
      description:
        'Packets went one way only; the firewall sees them as NEW until the other side answers.',
      entry: { type: 'armTimer', params: { state: 'waitingForReply' } },
      on: {
        'conntrack.reply': { target: 'established', meta: { label: 'a reply came back' } },
        'conntrack.fin': { target: 'closing', meta: { label: 'FIN seen' } },
      },
      after: {
        idleTimeout: [
          { guard: 'seenSinceArmed', target: 'waitingForReply', reenter: true },
          {
            target: 'closed',
            actions: ['endByTimeout', 'forget'],
            meta: { label: 'no reply in time' },
          },
        ],
      },
    },
    established: {
      meta: { label: 'established' },
      description: 'Both sides have sent packets; they pass as ESTABLISHED.',
      entry: { type: 'armTimer', params: { state: 'established' } },
      on: { 'conntrack.fin': { target: 'closing', meta: { label: 'FIN seen' } } },
      after: {
        idleTimeout: [
          { guard: 'seenSinceArmed', target: 'established', reenter: true },
          {
            target: 'closed',
            actions: ['endByTimeout', 'forget'],
            meta: { label: 'idle too long' },
          },
        ],
      },
    },
    closing: {
      meta: { label: 'closing' },
      description: 'A FIN has passed; the entry ends when both FINs are acknowledged.',
      entry: { type: 'armTimer', params: { state: 'closing' } },
      on: { 'conntrack.fin': { meta: { label: 'FIN the other way' } } },
      after: {
        idleTimeout: [
          { guard: 'seenSinceArmed', target: 'closing', reenter: true },
          {
            target: 'closed',
            actions: ['endByTimeout', 'forget'],
            meta: { label: 'idle too long' },
          },
        ],
      },
    },
    closed: {
      type: 'final',
      meta: { label: 'closed' },
      description: 'The entry is gone: a later packet of this flow starts a new one.',
    },
  },
});
