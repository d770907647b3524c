// Sentences for the CPU scheduler (cpu.*) and server processes (server.*, threads' app.state,
// each connection's server.conn):
// "Web server: worker w2 starts request 3, GET /index.html." The context
// remembers, in trace order, what later sentences refer back to (a request's label, a dispatch).

import { formatDuration } from '../../engine/time.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import '../../machines/cpu/cpuTrace.ts';
import '../../machines/server/serverTrace.ts';
import { STATUS_REASON } from '../../net/app/http/httpMessage.ts';
import type { NetworkNames } from '../names/index.ts';
import type { Said } from './narratePackets.ts';

/** What the sentences remember while the records are read in order. */
export interface ServerContext {
  names: NetworkNames;
  /** `node app req` → the request's label (`GET /index.html`). */
  requests: Map<string, string>;
  /** `node core` → when the job on it was dispatched. */
  dispatched: Map<string, number>;
}

export function serverContext(names: NetworkNames): ServerContext {
  return { names, requests: new Map(), dispatched: new Map() };
}

const WORKER_STATES: Record<string, string> = {
  idle: 'idle, waiting for a connection',
  reading: 'reading a request',
  working: 'working on the CPU',
  waitingForIo: 'waiting for I/O (disk or database)',
  exited: 'finished: the thread exits',
};

/** A connection's states at the server (serverConnectionMachine), as the log words them. */
const CONNECTION_STATES: Record<string, string> = {
  accepted: 'taken from the accept queue, waiting for a thread',
  reading: 'waiting for a request',
  working: 'having a request worked on',
  waitingForIo: 'waiting for its request’s I/O',
  abandoned: 'abandoned by its client: the request in work is finished for nobody',
  refused: 'refused',
  closing: 'closing',
  closed: 'closed',
};

const ms = (ns: number): string => (ns === 0 ? '0 s' : formatDuration(ns));

function status(code: number | null): string {
  if (code === null) return 'a reply';
  const reason = STATUS_REASON[code];
  return reason ? `${code} ${reason}` : `status ${code}`;
}

/** The sentence of a cpu.*, server.* or thread's app.state record, or null for others. */
export function serverSentence(record: TraceRecord, ctx: ServerContext): Said | null {
  const name = ctx.names.name;
  switch (record.type) {
    case 'cpu.arrive':
      return {
        kind: 'detail',
        text: `CPU of ${name(record.node)}: ${record.job} joins the ready queue, needing ${ms(record.burst)} of CPU.`,
      };
    case 'cpu.switch':
      ctx.dispatched.delete(`${record.node} ${record.core}`);
      return {
        kind: 'detail',
        text: `CPU of ${name(record.node)}: core ${record.core} starts a context switch to ${record.job}.`,
      };
    case 'cpu.dispatch': {
      ctx.dispatched.set(`${record.node} ${record.core}`, record.t);
      return {
        kind: 'state',
        text: `CPU of ${name(record.node)}: ${record.job} runs on core ${record.core} (${ms(record.remaining)} of its burst left).`,
      };
    }
    case 'cpu.preempt': {
      const since = ctx.dispatched.get(`${record.node} ${record.core}`);
      const ran = since === undefined ? null : record.t - since;
      const left = `${ms(record.remaining)} of its burst remain`;
      const why =
        record.reason === 'quantum'
          ? ran === null
            ? 'its time quantum ran out'
            : `after its ${ms(ran)} quantum`
          : (record.reason === 'priority'
              ? 'a job of higher priority is ready'
              : 'a job with a shorter remaining time is ready') +
            (ran === null ? ' as its context switch ends, before it has run' : '');
      const verb = record.reason === 'quantum' ? 'is preempted' : 'is preempted:';
      return {
        kind: 'state',
        text: `CPU of ${name(record.node)}: ${record.job} ${verb} ${why}; ${left}, back to the ready queue.`,
      };
    }
    case 'cpu.block':
      return {
        kind: 'detail',
        text: `CPU of ${name(record.node)}: ${record.job} leaves core ${record.core} to wait ${ms(record.io)} for I/O.`,
      };
    case 'cpu.wake':
      return {
        kind: 'detail',
        text: `CPU of ${name(record.node)}: ${record.job}’s I/O is done.`,
      };
    case 'cpu.complete':
      return {
        kind: 'state',
        text: `CPU of ${name(record.node)}: ${record.job} finishes on core ${record.core}.`,
      };
    case 'server.accept':
      return {
        kind: 'socket',
        text: `${name(record.node)}: ${record.app} gives the connection from ${ctx.names.endpoint(record.conn)} to worker ${record.worker}.`,
      };
    case 'server.wait':
      return {
        kind: 'detail',
        text:
          record.where === 'pool'
            ? `${name(record.node)}: every ${record.app} worker is busy, so the connection from ${ctx.names.endpoint(record.conn)} waits (${record.waiting} waiting).`
            : `${name(record.node)}: ${record.app} is at its limit; ${record.waiting} ${record.waiting === 1 ? 'connection waits' : 'connections wait'} in the kernel’s accept queue.`,
      };
    case 'server.refuse':
      return {
        kind: 'error',
        text: `${name(record.node)}: ${record.app} refuses the connection from ${ctx.names.endpoint(record.conn)} (${record.reason}).`,
      };
    case 'server.request': {
      ctx.requests.set(`${record.node} ${record.app} ${record.req}`, record.label);
      return {
        kind: 'deliver',
        text: `${name(record.node)}: ${record.app} receives request ${record.req}, ${record.label}.`,
      };
    }
    case 'server.work': {
      const label = ctx.requests.get(`${record.node} ${record.app} ${record.req}`);
      return {
        kind: 'state',
        text: `${name(record.node)}: worker ${record.worker} starts ${label ? `${label} (request ${record.req})` : `request ${record.req}`}.`,
      };
    }
    case 'server.reply': {
      const label = ctx.requests.get(`${record.node} ${record.app} ${record.req}`);
      return {
        kind: 'reply',
        text: `${name(record.node)}: ${record.app} answers ${label ?? `request ${record.req}`} with ${status(record.status)}, ${ms(record.latency)} after it arrived.`,
      };
    }
    case 'server.close': {
      const why =
        record.reason === 'idle'
          ? ' after it stayed idle too long'
          : record.reason === 'peerClosed'
            ? ' because the client closed it'
            : '';
      return {
        kind: 'socket',
        text: `${name(record.node)}: ${record.app} closes the connection from ${ctx.names.endpoint(record.conn)}${why}.`,
      };
    }
    case 'server.conn':
      return {
        kind: 'detail',
        text: `${name(record.node)}: the ${record.app} connection from ${ctx.names.endpoint(record.conn)} is ${CONNECTION_STATES[record.state] ?? record.state}.`,
      };
    case 'app.state': {
      const slash = record.app.indexOf('/');
      if (slash < 0) return null;
      const worker = record.app.slice(slash + 1);
      const words = WORKER_STATES[record.state] ?? record.state;
      return {
        kind: 'state',
        text: `${name(record.node)}: ${record.app.slice(0, slash)} worker ${worker} is ${words}.`,
      };
    }
    default:
      return null;
  }
}
