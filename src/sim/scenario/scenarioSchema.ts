// The scenario document, format "handshake/scenario@1": nodes, links, applications, seed and
// run limit. One schema both validates documents and generates the JSON Schema for editors.

import {
  array,
  duration,
  literal,
  number,
  object,
  oneOf,
  string,
  tagged,
  type Infer,
} from '../schema/schema.ts';

export const SCENARIO_FORMAT = 'handshake/scenario@1';

const id = (what: string) =>
  string({
    pattern: /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
    patternText: `${what}: a letter, then up to 63 letters, digits, "_" or "-"`,
  });

/** Roles a node can play; each has its own icon in the picture. */
export const NODE_ROLES = [
  'client',
  'server',
  'router',
  'switch',
  'firewall',
  'loadBalancer',
  'dns',
] as const;

/** A client that sends numbered requests and waits for each reply, retrying after a timeout. */
const pingerApp = object(
  {
    type: literal('pinger'),
    peer: id('the id of the node to send requests to'),
  },
  {
    count: number({
      integer: true,
      min: 1,
      max: 1_000_000,
      description: 'Requests to send (default 4).',
    }),
    interval: duration({
      description: 'Pause after a reply (or giving up) before the next request (default 1s).',
    }),
    timeout: duration({
      min: 1,
      description: 'How long to wait for a reply before retrying (default 1s).',
    }),
    retries: number({
      integer: true,
      min: 0,
      max: 100,
      description: 'Retries per request (default 2).',
    }),
    start: duration({ description: 'When the first request is sent (default 0s).' }),
    size: number({
      integer: true,
      min: 0,
      max: 65_000,
      description: 'Request payload in bytes (default 56).',
    }),
  },
  'Sends a request, waits for the reply, retries on timeout (stop-and-wait).',
);

/** A server that answers every request after a service time, one at a time, in arrival order. */
const echoApp = object(
  { type: literal('echo') },
  {
    serviceTime: duration({ description: 'Time to prepare each reply (default 0s).' }),
  },
  'Answers each request with a reply of the same size, one request at a time.',
);

export const appSchema = tagged('type', { pinger: pingerApp, echo: echoApp });

export const nodeSchema = object(
  {
    id: id('a node id'),
    role: oneOf(NODE_ROLES, 'What the node is; sets its icon and defaults.'),
  },
  {
    label: string({ maxLength: 80, description: 'A name shown instead of the id.' }),
    apps: array(appSchema, { maxItems: 16 }),
  },
);

export const linkSchema = object(
  {
    id: id('a link id'),
    a: id('the id of a node'),
    b: id('the id of a node'),
    latency: duration({ description: 'One-way propagation delay.' }),
  },
  {
    loss: number({
      min: 0,
      exclusiveMax: 1,
      description: 'Probability that a message is lost (0 to <1).',
    }),
  },
);

export const scenarioSchema = object(
  {
    format: literal(SCENARIO_FORMAT),
    name: string({ maxLength: 120 }),
    nodes: array(nodeSchema, { minItems: 1, maxItems: 10_000 }),
    links: array(linkSchema, { maxItems: 100_000 }),
  },
  {
    description: string({ maxLength: 4000 }),
    seed: number({
      integer: true,
      min: 0,
      max: Number.MAX_SAFE_INTEGER,
      description: 'Seed of every random stream (default 1).',
    }),
    until: duration({ min: 1, description: 'Simulated time to run for (default 60s).' }),
  },
  'A Handshake scenario: the network, its applications and how long to run.',
);

export type Scenario = Infer<typeof scenarioSchema>;
export type ScenarioNode = Infer<typeof nodeSchema>;
export type ScenarioLink = Infer<typeof linkSchema>;
export type ScenarioApp = Infer<typeof appSchema>;
export type PingerApp = Infer<typeof pingerApp>;
export type EchoApp = Infer<typeof echoApp>;

/** The JSON Schema of the scenario format, for editors ($schema in a document). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'handshake/scenario@1',
    title: 'Handshake scenario',
    ...scenarioSchema.jsonSchema(),
  };
}
