// Scenario pieces for a load balancer: the port it listens on, layer 4 (a TCP proxy) or layer 7
// (HTTP), the policy that picks a backend, the backends (address, port, weight), the active
// health checks (interval, timeout, rise, fall, an HTTP path in layer 7), how long it waits for
// a backend, and sticky sessions by cookie (layer 7). A problem inside a backend is said with the
// backend's address, so a message names both its path and the backend.

import {
  duration,
  literal,
  number,
  object,
  oneOf,
  string,
  array,
  type Infer,
  type Schema,
  type ValidationIssue,
} from '../../sim/schema/schema.ts';
import { appName, peer, port } from '../../sim/scenario/commonSchemas.ts';
import { rateLimitSchema } from '../../sim/scenario/overloadSchemas.ts';
import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import { NS_PER_S } from '../../engine/time.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { PICK_POLICIES } from './pickPolicyNames.ts';
import { lbCheckPhrases } from './lbCheckPhrases.ts';

/** The most a weight may be (nginx allows any positive integer; this keeps sums small). */
export const MAX_WEIGHT = 1000;
const HOUR = 3600 * NS_PER_S;

const backendFields = object(
  { address: peer },
  {
    port: port('Port the backend listens on (default 80).'),
    weight: number({
      integer: true,
      min: 1,
      max: MAX_WEIGHT,
      description:
        'Share of the requests relative to the other backends (default 1); used by every policy but roundRobin.',
    }),
  },
  'A backend server: its address (a node id or an IPv4 address) and port.',
);

/** The name a backend goes by (in the trace, the picture and a sticky cookie): `address:port`. */
export function backendId(backend: { address: string; port?: number }): string {
  return `${backend.address}:${backend.port ?? 80}`;
}

/** A backend; its problems are said with its `address:port` when the address can be read. */
const backendSchema: Schema<Infer<typeof backendFields>> = {
  parse(value, path, issues) {
    const own: ValidationIssue[] = [];
    const parsed = backendFields.parse(value, path, own);
    const raw = (typeof value === 'object' && value !== null ? value : {}) as {
      address?: unknown;
      port?: unknown;
    };
    const named =
      typeof raw.address === 'string'
        ? `${raw.address}:${typeof raw.port === 'number' ? raw.port : 80}`
        : undefined;
    for (const issue of own) {
      if (named === undefined || issue.path === path) {
        issues.push(issue);
        continue;
      }
      const said = bookPhrase(lbCheckPhrases, 'check.inBackend', { backend: named, problem: '' });
      issues.push(
        phrased(issue.path, {
          ...said,
          params: { ...said.params, problem: issue.phrase ?? issue.message },
        }),
      );
    }
    return parsed;
  },
  jsonSchema: () => backendFields.jsonSchema(),
};

const healthCheckSchema = object(
  {},
  {
    interval: duration({
      min: 1,
      max: HOUR,
      description: 'Time from one check of a backend to the next (default 2s).',
    }),
    timeout: duration({
      min: 1,
      max: HOUR,
      description: 'A check not answered within this fails (default 1s); at most the interval.',
    }),
    rise: number({
      integer: true,
      min: 1,
      max: 100,
      description: 'Checks in a row that must pass to bring a backend back (default 2).',
    }),
    fall: number({
      integer: true,
      min: 1,
      max: 100,
      description: 'Failures in a row (checks or requests) that take a backend out (default 3).',
    }),
    path: string({
      pattern: /^\/[!-~]*$/,
      patternText: 'a path starting with "/" without spaces',
      description: 'Layer 7: the path the check GETs; a 2xx or 3xx answer passes (default "/").',
    }),
  },
  'Active health checks: a TCP connection (layer 4) or an HTTP GET (layer 7) to every backend at each interval.',
);

export const loadBalancerApp = object(
  { type: literal('loadBalancer'), backends: array(backendSchema, { maxItems: 64 }) },
  {
    name: appName('Names the load balancer in the trace (default "lb").'),
    port: port('TCP port it listens on (default 80).'),
    mode: oneOf(
      ['l4', 'l7'] as const,
      '"l4" (default): a TCP proxy, one backend per connection; "l7": HTTP, one backend per request.',
    ),
    policy: oneOf(
      PICK_POLICIES,
      'How a backend is picked (default "roundRobin"): roundRobin, weightedRoundRobin (nginx smooth), leastConnections, ipHash (nginx ip_hash), twoChoices (power of two random choices).',
    ),
    hashOctets: number({
      integer: true,
      min: 3,
      max: 4,
      description:
        'ipHash: how many leading octets of the client address are hashed (default 3, as nginx: a /24 goes to one backend).',
    }),
    healthCheck: healthCheckSchema,
    connectTimeout: duration({
      min: 1,
      max: HOUR,
      description:
        'A backend that has not accepted the connection by then has failed (default 2s).',
    }),
    timeout: duration({
      min: 1,
      max: HOUR,
      description:
        "Layer 7: the longest wait for a response (then 504) or for a client's next request; layer 4: a connection idle this long is closed (default 30s).",
    }),
    sticky: object(
      {},
      {
        cookie: string({
          pattern: /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,64}$/,
          patternText: "a cookie name (letters, digits, !#$%&'*+-.^_`|~)",
          description: 'The cookie that names the backend (default "lb").',
        }),
      },
      'Layer 7: sticky sessions. A response carries a cookie naming its backend; requests with it go there while it is healthy.',
    ),
    rateLimit: rateLimitSchema,
  },
  'A load balancer: spreads the connections (layer 4) or HTTP requests (layer 7) it receives over its backends, leaving out those its health checks find down.',
);

export type LoadBalancerApp = Infer<typeof loadBalancerApp>;
export type LbBackend = LoadBalancerApp['backends'][number];

/** What an unset setting means. */
export const LB_DEFAULTS = {
  port: 80,
  mode: 'l4',
  policy: 'roundRobin',
  hashOctets: 3,
  interval: 2 * NS_PER_S,
  checkTimeout: NS_PER_S,
  rise: 2,
  fall: 3,
  path: '/',
  connectTimeout: 2 * NS_PER_S,
  timeout: 30 * NS_PER_S,
  cookie: 'lb',
} as const;

/** The health checks' interval and timeout, defaults filled in. */
export function checkTimes(app: LoadBalancerApp): { interval: number; timeout: number } {
  return {
    interval: app.healthCheck?.interval ?? LB_DEFAULTS.interval,
    timeout: app.healthCheck?.timeout ?? LB_DEFAULTS.checkTimeout,
  };
}

/**
 * Each backend's name in the trace (`10.0.1.21:80`) and weight, its address resolved as the run
 * resolves it (a node id is its first address); one whose address names nothing is left out.
 */
export function resolvedBackends(
  app: LoadBalancerApp,
  addressOf: (peer: string) => number | undefined,
): { id: string; address: number; port: number; weight: number }[] {
  return app.backends.flatMap((b) => {
    const address = addressOf(b.address);
    if (address === undefined) return [];
    const port = b.port ?? 80;
    return [{ id: `${formatIpv4(address)}:${port}`, address, port, weight: b.weight ?? 1 }];
  });
}
