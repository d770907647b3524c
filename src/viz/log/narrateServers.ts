// Sentences for the CPU scheduler (cpu.*) and server processes (server.*, threads' app.state,
// each connection's server.conn):
// "Web server: worker w2 starts request 3, GET /index.html." The context
// remembers, in trace order, what later sentences refer back to (a request's label, a dispatch).

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import '../../machines/cpu/cpuTrace.ts';
import '../../machines/server/serverTrace.ts';
import { STATUS_REASON } from '../../net/app/http/httpMessage.ts';
import type { NetworkNames } from '../names/index.ts';
import type { Said } from './narratePackets.ts';
import { formatCount } from '../../engine/language.ts';
import { formatMoment } from '../../engine/time.ts';
import { serverPhrases, SERVER_EN } from './serverPhrases.ts';

/** What the sentences remember while the records are read in order. */
export interface ServerContext {
  names: NetworkNames;
  /** The language of the sentences. */
  language: Language;
  /** `node app req` → the request's label (`GET /index.html`). */
  requests: Map<string, string>;
  /** `node core` → when the job on it was dispatched. */
  dispatched: Map<string, number>;
}

export function serverContext(names: NetworkNames, language: Language = ENGLISH): ServerContext {
  return { names, language, requests: new Map(), dispatched: new Map() };
}

/** A key of SERVER_EN for `prefix` + `name` (a worker's or connection's state), if there is one. */
function stateKey<P extends 'worker.' | 'conn.'>(
  prefix: P,
  name: string,
): (keyof typeof SERVER_EN & `${P}${string}`) | undefined {
  const key = `${prefix}${name}`;
  return Object.hasOwn(SERVER_EN, key)
    ? (key as keyof typeof SERVER_EN & `${P}${string}`)
    : undefined;
}

/** The sentence of a cpu.*, server.* or thread's app.state record, or null for others. */
export function serverSentence(record: TraceRecord, ctx: ServerContext): Said | null {
  const { language } = ctx;
  const { say } = serverPhrases.in(language);
  const name = ctx.names.name;
  const ms = (ns: number): string => formatMoment(ns, language);
  const status = (code: number | null): string => {
    if (code === null) return say('status.none');
    const reason = STATUS_REASON[code];
    return reason ? `${code} ${reason}` : say('status.code', { code: String(code) });
  };
  switch (record.type) {
    case 'cpu.arrive':
      return {
        kind: 'detail',
        text: say('cpu.arrive', {
          node: name(record.node),
          job: record.job,
          burst: ms(record.burst),
        }),
      };
    case 'cpu.switch':
      ctx.dispatched.delete(`${record.node} ${record.core}`);
      return {
        kind: 'detail',
        text: say('cpu.switch', {
          node: name(record.node),
          core: String(record.core),
          job: record.job,
        }),
      };
    case 'cpu.dispatch': {
      ctx.dispatched.set(`${record.node} ${record.core}`, record.t);
      return {
        kind: 'state',
        text: say('cpu.dispatch', {
          node: name(record.node),
          job: record.job,
          core: String(record.core),
          remaining: ms(record.remaining),
        }),
      };
    }
    case 'cpu.preempt': {
      const since = ctx.dispatched.get(`${record.node} ${record.core}`);
      const ran = since === undefined ? null : record.t - since;
      const parts = { node: name(record.node), job: record.job, left: ms(record.remaining) };
      const early = ran === null ? say('cpu.preempt.early') : '';
      const text =
        record.reason === 'quantum'
          ? ran === null
            ? say('cpu.preempt.quantumEnded', parts)
            : say('cpu.preempt.quantum', { ...parts, ran: ms(ran) })
          : say(record.reason === 'priority' ? 'cpu.preempt.priority' : 'cpu.preempt.shorter', {
              ...parts,
              early,
            });
      return { kind: 'state', text };
    }
    case 'cpu.block':
      return {
        kind: 'detail',
        text: say('cpu.block', {
          node: name(record.node),
          job: record.job,
          core: String(record.core),
          io: ms(record.io),
        }),
      };
    case 'cpu.wake':
      return {
        kind: 'detail',
        text: say('cpu.wake', { node: name(record.node), job: record.job }),
      };
    case 'cpu.complete':
      return {
        kind: 'state',
        text: say('cpu.complete', {
          node: name(record.node),
          job: record.job,
          core: String(record.core),
        }),
      };
    case 'server.accept':
      return {
        kind: 'socket',
        text: say('server.accept', {
          node: name(record.node),
          app: record.app,
          peer: ctx.names.endpoint(record.conn),
          worker: String(record.worker),
        }),
      };
    case 'server.wait':
      return {
        kind: 'detail',
        text:
          record.where === 'pool'
            ? say('server.wait.pool', {
                node: name(record.node),
                app: record.app,
                peer: ctx.names.endpoint(record.conn),
                waiting: formatCount(record.waiting, language),
              })
            : say('server.wait.backlog', {
                node: name(record.node),
                app: record.app,
                count: formatCount(record.waiting, language),
              }),
      };
    case 'server.refuse':
      return {
        kind: 'error',
        text: say('server.refuse', {
          node: name(record.node),
          app: record.app,
          peer: ctx.names.endpoint(record.conn),
          reason: record.reason,
        }),
      };
    case 'server.limit': {
      const parts = {
        node: name(record.node),
        app: record.app,
        peer: ctx.names.endpoint(record.conn),
        req: String(record.req),
        status: status(record.status),
      };
      return {
        kind: 'error',
        text: say(record.key === 'all' ? 'server.limit.all' : 'server.limit.client', parts),
      };
    }
    case 'server.request': {
      ctx.requests.set(`${record.node} ${record.app} ${record.req}`, record.label);
      return {
        kind: 'deliver',
        text: say('server.request', {
          node: name(record.node),
          app: record.app,
          req: String(record.req),
          label: record.label,
        }),
      };
    }
    case 'server.work': {
      const label = ctx.requests.get(`${record.node} ${record.app} ${record.req}`);
      const parts = {
        node: name(record.node),
        worker: String(record.worker),
        req: String(record.req),
      };
      return {
        kind: 'state',
        text: label
          ? say('server.work', { ...parts, label })
          : say('server.work.unlabelled', parts),
      };
    }
    case 'server.reply': {
      const label = ctx.requests.get(`${record.node} ${record.app} ${record.req}`);
      const parts = {
        node: name(record.node),
        app: record.app,
        status: status(record.status),
        latency: ms(record.latency),
      };
      return {
        kind: 'reply',
        text:
          label === undefined
            ? say('server.reply.unlabelled', { ...parts, req: String(record.req) })
            : say('server.reply', { ...parts, label }),
      };
    }
    case 'server.close': {
      const why =
        record.reason === 'idle'
          ? say('server.close.idle')
          : record.reason === 'peerClosed'
            ? say('server.close.peerClosed')
            : '';
      return {
        kind: 'socket',
        text: say('server.close', {
          node: name(record.node),
          app: record.app,
          peer: ctx.names.endpoint(record.conn),
          why,
        }),
      };
    }
    case 'server.conn': {
      const key = stateKey('conn.', record.state);
      return {
        kind: 'detail',
        text: say('server.conn', {
          node: name(record.node),
          app: record.app,
          peer: ctx.names.endpoint(record.conn),
          state: key === undefined ? record.state : say(key),
        }),
      };
    }
    case 'app.state': {
      const slash = record.app.indexOf('/');
      if (slash < 0) return null;
      const key = stateKey('worker.', record.state);
      return {
        kind: 'state',
        text: say('server.worker', {
          node: name(record.node),
          app: record.app.slice(0, slash),
          worker: record.app.slice(slash + 1),
          state: key === undefined ? record.state : say(key),
        }),
      };
    }
    default:
      return null;
  }
}
