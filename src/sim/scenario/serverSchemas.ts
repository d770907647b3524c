// Scenario pieces for servers: a node's CPU (cores, scheduling policy), a server's concurrency
// model and limits, and service-time distributions ("5ms", or exponential/uniform objects).

import { SCHEDULING_POLICIES } from '../../machines/cpu/cpuScheduler.ts';
import type { Distribution } from '../../machines/cpu/distributions.ts';
import { duration, number, object, oneOf, valuePhrase, type Schema } from '../schema/schema.ts';
import { phrase, phrased } from '../schema/phrase.ts';

/** A node's processor: cores and scheduler (defaults: 1 core, FCFS). */
export const cpuSettings = object(
  {},
  {
    cores: number({ integer: true, min: 1, max: 256, description: 'Cores (default 1).' }),
    policy: oneOf(SCHEDULING_POLICIES, 'Scheduling policy (default "fcfs").'),
    quantum: duration({ min: 1, description: 'Round-robin time slice (default 10ms).' }),
    contextSwitch: duration({ description: 'Time to switch a core to another job (default 0s).' }),
  },
  'The node CPU that runs its servers\u2019 work.',
);

const exponential = object({ kind: oneOf(['exponential'] as const), mean: duration({ min: 1 }) });
const uniform = object({ kind: oneOf(['uniform'] as const), min: duration(), max: duration() });
const constant = object({ kind: oneOf(['constant'] as const), value: duration() });

/** A duration distribution: a duration string (constant) or `{ "kind": "exponential", "mean": "5ms" }`. */
export function distribution(description: string): Schema<Distribution> {
  const variants = { exponential, uniform, constant } as const;
  const inner = duration();
  return {
    parse(value, path, issues) {
      if (typeof value === 'string') {
        const parsed = inner.parse(value, path, issues);
        return parsed === undefined ? undefined : { kind: 'constant', value: parsed };
      }
      const kind =
        typeof value === 'object' && value !== null
          ? (value as { kind?: unknown }).kind
          : undefined;
      const variant =
        typeof kind === 'string' && Object.hasOwn(variants, kind)
          ? variants[kind as keyof typeof variants]
          : undefined;
      if (!variant) {
        issues.push(phrased(path, phrase('schema.distribution', { got: valuePhrase(value) })));
        return undefined;
      }
      const parsed = variant.parse(value, path, issues) as Distribution | undefined;
      if (parsed?.kind === 'uniform' && parsed.max < parsed.min) {
        const { min, max } = value as { min: string; max: string };
        issues.push(
          phrased(
            `${path}.max`,
            phrase('schema.distributionMax', {
              min: `${JSON.stringify(min)}`,
              max: `${JSON.stringify(max)}`,
            }),
          ),
        );
        return undefined;
      }
      return parsed;
    },
    jsonSchema: () => ({
      description,
      oneOf: [
        inner.jsonSchema(),
        exponential.jsonSchema(),
        uniform.jsonSchema(),
        constant.jsonSchema(),
      ],
    }),
  };
}

/** How a server takes on many clients at once. */
export const concurrencySchema = object(
  {
    model: oneOf(
      ['single', 'threadPerConnection', 'workerPool', 'eventLoop'] as const,
      'single: one connection at a time; threadPerConnection: a thread each; workerPool: fixed workers; eventLoop: one thread, non-blocking I/O.',
    ),
  },
  {
    limit: number({
      integer: true,
      min: 1,
      max: 100_000,
      description:
        'Threads (threadPerConnection), workers (workerPool) or open connections (eventLoop); default 64 threads, 4 workers, 10000 connections; unused by "single".',
    }),
    overLimit: oneOf(
      ['queue', 'refuse'] as const,
      'At the limit: leave new connections waiting, or answer 503 (default queue; "single" always leaves them waiting).',
    ),
    queueLimit: number({
      integer: true,
      min: 0,
      max: 100_000,
      description: 'workerPool: connections that may wait for a worker (default 128).',
    }),
  },
  'The server\u2019s concurrency model.',
);

/** What each request costs the server. */
export const serviceSchema = object(
  { cpu: distribution('CPU time per request.') },
  { io: distribution('I/O wait per request after its CPU time (a disk or a database).') },
  'Work per request.',
);
