// One name lookup by a stub resolver, as a learner should see it: idle, querying (a query is out;
// its timer runs), answered or failed; the answer an address (A) or mail exchangers (MX). A timeout sends the query again until the retries run out
// (ETIMEDOUT). Its I/O actions are provided by the resolver (dnsResolver.ts).

import { assign, setup } from 'xstate';

export interface DnsLookupInput {
  /** Wait for a response before retrying, ms. */
  timeoutMs: number;
  /** Queries sent again after a timeout before giving up. */
  retries: number;
}

/** A mail exchanger of an MX answer. */
export interface MailExchanger {
  preference: number;
  exchange: string;
}

/** What an answer brought: an address, or a domain's mail exchangers; with its TTL and RCODE. */
export type DnsLookupAnswer = { ttl: number; rcode: number } & (
  { address: number } | { exchanges: readonly MailExchanger[] }
);

export type DnsLookupEvent =
  | { type: 'dns.lookup' }
  | ({ type: 'dns.answer' } & DnsLookupAnswer)
  | { type: 'dns.error'; error: string; rcode: number | null };

export const dnsLookupMachine = setup({
  types: {
    input: {} as DnsLookupInput,
    context: {} as DnsLookupInput & { attempt: number },
    events: {} as DnsLookupEvent,
  },
  actions: {
    /** Sends query `attempt` (0 first, then each retry) to the server. */
    sendQuery: (_, _attempt: number) => {},
    /** The response named an address (or mail exchangers). */
    answered: (_, _answer: DnsLookupAnswer) => {},
    /** The lookup failed: NXDOMAIN, SERVFAIL, ETIMEDOUT, ... */
    failed: (_, _failure: { error: string; rcode: number | null }) => {},
    nextAttempt: assign({ attempt: ({ context }) => context.attempt + 1 }),
  },
  guards: {
    canRetry: ({ context }) => context.attempt < context.retries,
  },
  delays: {
    responseTimeout: ({ context }) => context.timeoutMs,
  },
}).createMachine({
  id: 'dnsLookup',
  context: ({ input }) => ({ ...input, attempt: 0 }),
  initial: 'idle',
  states: {
    idle: { on: { 'dns.lookup': 'querying' } },
    querying: {
      entry: { type: 'sendQuery', params: ({ context }) => context.attempt },
      after: {
        responseTimeout: [
          { guard: 'canRetry', target: 'querying', reenter: true, actions: 'nextAttempt' },
          {
            target: 'failed',
            actions: { type: 'failed', params: { error: 'ETIMEDOUT', rcode: null } },
          },
        ],
      },
      on: {
        'dns.answer': {
          target: 'answered',
          actions: {
            type: 'answered',
            params: ({ event }) => event,
          },
        },
        'dns.error': {
          target: 'failed',
          actions: {
            type: 'failed',
            params: ({ event }) => ({ error: event.error, rcode: event.rcode }),
          },
        },
      },
    },
    answered: { type: 'final' },
    failed: { type: 'final' },
  },
});
