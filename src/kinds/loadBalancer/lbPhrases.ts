// The load balancer's words for people in each language: its app's name in the canvas editor, its
// summary card and backends table, and its sentences in the event log (picks, outcomes, health
// checks, backends going down and coming back). The role's name is in lbRolePhrases.ts, its
// checks' messages in lbCheckPhrases.ts. English is the source; lbPhrases.de.ts translates it.

import { Phrasebook } from '../../engine/language.ts';
import { LB_DE } from './lbPhrases.de.ts';

export const LB_EN = {
  'newApp.name': 'Load balancer (HTTP)',
  'card.kind': 'load balancer on port {port}, {mode}, {policy}',
  'mode.l4': 'layer 4 (TCP)',
  'mode.l7': 'layer 7 (HTTP)',
  'policy.roundRobin': 'round robin',
  'policy.weightedRoundRobin': 'smooth weighted round robin',
  'policy.leastConnections': 'least connections',
  'policy.ipHash': 'IP hash',
  'policy.twoChoices': 'power of two choices',
  'card.picks': 'Picks',
  'card.unserved': 'No backend healthy',
  'card.limited': 'Over the rate limit',
  'card.backend': 'Backend {backend}',
  'card.backendValue': '{health}, {requests} picks ({share}), {failures} failed',
  'health.up': 'up',
  'health.down': 'down',
  'lb.name': '{node}’s load balancer',
  'lb.pick': '{lb} picks {backend} for {client}.',
  'lb.pickSticky': '{lb} sends {client} to {backend}, the backend its cookie names.',
  'lb.noBackend': '{lb} has no healthy backend for {client}.',
  'lb.limitStatus':
    '{lb} answers {client} {status} at once: over the rate limit, no backend asked.',
  'lb.limitReset': '{lb} resets {client}’s new connection: over the rate limit.',
  'lb.doneConnection': '{lb}: {client}’s connection through {backend} is over.',
  'lb.doneResponse': '{lb} passes {backend}’s {status} on to {client}.',
  'lb.doneAbandoned': '{lb}: {client} went away before {backend} answered.',
  'lb.failureStatus':
    '{lb} gets no answer from {backend} for {client} ({error}) and answers {status}.',
  'lb.failureClosed':
    '{lb} gets no answer from {backend} for {client} ({error}) and resets the client’s connection.',
  'lb.checkPassed': '{lb} checks {backend}: the health check passes.',
  'lb.checkFailed': '{lb} checks {backend}: the health check fails ({error}).',
  'lb.down':
    '{lb} takes {backend} out after health checks failed in a row: no more requests go there.',
  'lb.downRequests':
    '{lb} takes {backend} out after requests to it failed in a row: no more requests go there.',
  'lb.up': '{lb} takes {backend} back: its health checks pass again.',
  'table.title': 'Load balancer {app}: {mode}, {policy}',
  'table.summary': '{picks} picks; {unserved} turned away with no backend healthy',
  'table.summaryLimited':
    '{picks} picks; {unserved} turned away with no backend healthy, {limited} over the rate limit',
  'table.since': 'since {time}',
  'table.open': 'Open',
  'table.backend': 'Backend',
  'table.weight': 'Weight',
  'table.health': 'Health',
  'table.requests': 'Picks',
  'table.share': 'Share',
  'table.failures': 'Failed',
} as const;

export const lbPhrases = new Phrasebook(LB_EN, { de: LB_DE });
