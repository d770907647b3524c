// Scenario pieces for a generic request/response service (a database, a cache) and its clients:
// line-based queries, each costing the server its service time, answered with a sized reply.

import {
  array,
  duration,
  literal,
  number,
  object,
  string,
  type Infer,
} from '../../sim/schema/schema.ts';
import { appName, port, serverName } from '../../sim/scenario/commonSchemas.ts';
import { workloadSchema } from '../../sim/scenario/workloadSchema.ts';
import { concurrencySchema, serviceSchema } from '../../sim/scenario/serverSchemas.ts';
import { rateLimitSchema, retrySchema } from '../../sim/scenario/overloadSchemas.ts';

export const serviceServerApp = object(
  { type: literal('service') },
  {
    name: appName('Names the service in the trace (default "db").'),
    port: port('TCP port (default 7000).'),
    backlog: number({
      integer: true,
      min: 1,
      max: 4096,
      description: 'Accept queue length (default 128).',
    }),
    concurrency: concurrencySchema,
    service: serviceSchema,
    replySize: number({
      integer: true,
      min: 0,
      max: 10_000_000,
      description: 'Bytes in each reply (default 200).',
    }),
    keepAliveTimeout: duration({
      min: 1,
      description: 'Idle connections close after this (default 30s).',
    }),
    priority: number({
      integer: true,
      min: -1000,
      max: 1000,
      description: 'Scheduling priority of its threads.',
    }),
    rateLimit: rateLimitSchema,
  },
  'A request/response service such as a database: every query costs the configured service time.',
);

export const serviceClientApp = object(
  { type: literal('serviceClient'), server: serverName },
  {
    port: port('Service port (default 7000).'),
    queries: array(
      string({
        pattern: /^[A-Za-z]+(?: [^\r\n]*)?$/,
        patternText: 'a query line such as "SELECT * FROM items"',
        description: 'A query: a verb and its arguments, on one line.',
      }),
      { minItems: 1, maxItems: 1000 },
    ),
    workload: workloadSchema,
    start: duration({ description: 'When the first visit starts (default 0s).' }),
    retry: retrySchema,
  },
  'A client of a request/response service: each visit sends its queries in order (default "SELECT 1").',
);

export type ServiceServerApp = Infer<typeof serviceServerApp>;
export type ServiceClientApp = Infer<typeof serviceClientApp>;
