// Scenario pieces for the web: an HTTP server (site, API, accounts, concurrency, service time)
// and an HTTP client (connections, what it fetches, and its workload).

import {
  array,
  boolean,
  duration,
  literal,
  number,
  object,
  oneOf,
  string,
  type Infer,
} from '../../sim/schema/schema.ts';
import { concurrencySchema, serviceSchema } from '../../sim/scenario/serverSchemas.ts';
import { appName, port, serverName } from '../../sim/scenario/commonSchemas.ts';
import { workloadSchema } from '../../sim/scenario/workloadSchema.ts';
import { rateLimitSchema, retrySchema } from '../../sim/scenario/overloadSchemas.ts';

const urlPath = (description: string) =>
  string({
    pattern: /^\/[!-~]*$/,
    patternText: 'a path starting with "/" without spaces',
    description,
  });

const resourceSchema = object(
  { path: urlPath('Where the resource is served.') },
  {
    size: number({ integer: true, min: 0, max: 100_000_000, description: 'Body size in bytes.' }),
    type: string({ maxLength: 100, description: 'Media type (default from the extension).' }),
    text: string({ maxLength: 100_000, description: 'The exact body, as text.' }),
    references: array(urlPath('An object the page references.'), { maxItems: 1000 }),
  },
  'A page or object of the site; pages reference objects a browser fetches next.',
);

const accountSchema = object(
  { user: string({ maxLength: 64 }), password: string({ maxLength: 128 }) },
  { roles: array(string({ maxLength: 32 }), { maxItems: 16 }) },
);

const authSchema = object(
  {
    accounts: array(accountSchema, { maxItems: 1000 }),
    protected: array(
      object({ path: urlPath('A protected path prefix.') }, { role: string({ maxLength: 32 }) }),
      {
        maxItems: 100,
      },
    ),
  },
  {
    maxAttempts: number({
      integer: true,
      min: 1,
      max: 100,
      description: 'Wrong passwords before the account locks (default 3).',
    }),
  },
  'Password login with a session cookie; protected paths answer 401 without it, 403 without the role.',
);

const certificateSchema = object(
  { subject: string({ maxLength: 253, description: 'The name the certificate is for.' }) },
  {
    altNames: array(string({ maxLength: 253 }), { maxItems: 100 }),
    issuer: string({
      maxLength: 120,
      description: 'Certificate authority (default "Handshake Root CA").',
    }),
    notBefore: duration({ description: 'Valid from this time of the run (default 0s).' }),
    notAfter: duration({ description: 'Expires at this time of the run (default: never).' }),
  },
  'The server certificate: subject and alternative names, issuer, validity (simulated time).',
);

export const httpServerApp = object(
  { type: literal('httpServer') },
  {
    name: appName('Names the server in the trace (default "web").'),
    port: port('TCP port (default 80).'),
    backlog: number({
      integer: true,
      min: 1,
      max: 4096,
      description: 'Accept queue length (default 128).',
    }),
    site: array(resourceSchema, { maxItems: 10_000 }),
    auth: authSchema,
    concurrency: concurrencySchema,
    service: serviceSchema,
    keepAliveTimeout: duration({
      min: 1,
      description: 'Idle persistent connections close after this (default 5s).',
    }),
    priority: number({
      integer: true,
      min: -1000,
      max: 1000,
      description: 'Scheduling priority of its threads (lower first).',
    }),
    tls: object(
      { certificate: certificateSchema },
      {},
      'Serve HTTPS (TLS 1.3-shaped) with this certificate; port 443 by default.',
    ),
    rateLimit: rateLimitSchema,
  },
  'A web server: a static site, a small API, optional accounts; each request costs CPU time on the node.',
);

const requestSchema = object(
  { path: urlPath('The request-target.') },
  {
    method: oneOf(['GET', 'HEAD', 'POST', 'PUT', 'DELETE'] as const, 'Default GET.'),
    body: string({ maxLength: 100_000, description: 'Body text (a form by default).' }),
    type: string({ maxLength: 100, description: 'Content-Type of the body.' }),
    at: duration({ description: 'Not before this time of the run.' }),
  },
);

export const httpClientApp = object(
  { type: literal('httpClient'), server: serverName },
  {
    port: port('Server port (default 80, or 443 with https).'),
    https: boolean('Use TLS and check the server certificate (default false).'),
    trust: array(
      string({
        maxLength: 120,
        description: 'A certificate authority the client trusts (default ["Handshake Root CA"]).',
      }),
      { maxItems: 32 },
    ),
    persistent: boolean('Keep connections open (HTTP/1.1 default: true).'),
    pipelining: boolean('Send requests without waiting for responses (default false).'),
    parallel: number({
      integer: true,
      min: 1,
      max: 100,
      description: 'Connections at once (default 1).',
    }),
    page: urlPath('A page to load with every object it references.'),
    requests: array(requestSchema, { maxItems: 10_000 }),
    login: object({ user: string({ maxLength: 64 }), password: string({ maxLength: 128 }) }),
    workload: workloadSchema,
    start: duration({ description: 'When the first visit starts (default 0s).' }),
    retry: retrySchema,
  },
  'A web client: each visit loads `page` (default /index.html) or sends `requests` in order.',
);

export type HttpServerApp = Infer<typeof httpServerApp>;
export type HttpClientApp = Infer<typeof httpClientApp>;
