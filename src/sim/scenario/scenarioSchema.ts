// The scenario document, format "handshake/scenario@1": nodes with interfaces and routes, links
// with latency, bandwidth, loss and queues, applications, timed events, seed and run limit.
// One schema both validates documents and generates the JSON Schema for editors.

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
import { bitRate, byteSize, interfaceAddress, ipv4, prefix } from '../schema/networkSchemas.ts';
import { httpClientApp, httpServerApp } from './httpSchemas.ts';
import { serviceClientApp, serviceServerApp } from './serviceSchemas.ts';
import { cpuSettings } from './serverSchemas.ts';
import { dnsServerApp, dnsSettings } from './dnsSchemas.ts';
import { ftpClientApp, ftpServerApp } from './ftpSchemas.ts';

export const SCENARIO_FORMAT = 'handshake/scenario@1';

const id = (what: string) =>
  string({
    pattern: /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
    patternText: `${what}: a letter, then up to 63 letters, digits, "_" or "-"`,
  });

const port = (description: string) => number({ integer: true, min: 1, max: 65_535, description });

/** Where an application sends: a node id (its first address) or an IPv4 address. */
const peer = string({
  pattern: /^(?:[A-Za-z][A-Za-z0-9_-]{0,63}|\d{1,3}(?:\.\d{1,3}){3})$/,
  patternText: 'a node id or an IPv4 address',
  description: 'The node to talk to, by id (its first interface address) or by IPv4 address.',
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

/** A UDP client that sends numbered requests and waits for each reply, retrying after a timeout. */
const pingerApp = object(
  { type: literal('pinger'), peer },
  {
    port: port('UDP port of the echo server (default 7).'),
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
      min: 8,
      max: 1472,
      description: 'Request payload in bytes (default 56).',
    }),
  },
  'Sends a UDP request, waits for the reply, retries on timeout (stop-and-wait).',
);

/** A UDP server that answers every request after a service time, one at a time. */
const echoApp = object(
  { type: literal('echo') },
  {
    port: port('UDP port to listen on (default 7).'),
    serviceTime: duration({ description: 'Time to prepare each reply (default 0s).' }),
  },
  'Answers each UDP request with a reply of the same size, one request at a time.',
);

/** A TCP client that connects, sends a number of bytes as fast as TCP allows, and closes. */
const bulkSendApp = object(
  { type: literal('bulkSend'), peer, bytes: byteSize('How much data to send.') },
  {
    port: port('TCP port of the sink (default 5001).'),
    start: duration({ description: 'When to connect (default 0s).' }),
  },
  'Connects over TCP, sends the bytes, then closes the connection.',
);

/** A TCP server that accepts connections and reads everything sent to it. */
const sinkApp = object(
  { type: literal('sink') },
  {
    port: port('TCP port to listen on (default 5001).'),
    backlog: number({
      integer: true,
      min: 1,
      max: 4096,
      description: 'Accept queue length (default 128).',
    }),
  },
  'Listens on a TCP port, accepts connections and reads all their data.',
);

export const appSchema = tagged('type', {
  pinger: pingerApp,
  echo: echoApp,
  bulkSend: bulkSendApp,
  sink: sinkApp,
  httpServer: httpServerApp,
  httpClient: httpClientApp,
  service: serviceServerApp,
  serviceClient: serviceClientApp,
  dnsServer: dnsServerApp,
  ftpServer: ftpServerApp,
  ftpClient: ftpClientApp,
});

const interfaceSchema = object(
  { name: id('an interface name') },
  { address: interfaceAddress() },
  'A network interface. Hosts and routers need an address; switch ports have none.',
);

const routeSchema = object(
  { to: prefix(), via: ipv4('The next router, on a subnet of this node.') },
  {},
  'A static route: packets for `to` go to the router `via`.',
);

/** TCP settings of a node; defaults follow the RFCs. */
const tcpSettings = object(
  {},
  {
    mss: number({
      integer: true,
      min: 88,
      max: 65_495,
      description: 'Maximum segment size in bytes (default 1460).',
    }),
    receiveWindow: byteSize(
      'Receive buffer, advertised as the window (default 65535 bytes, no window scaling).',
    ),
    sendBuffer: byteSize('Send buffer (default 256KiB).'),
    initialRto: duration({
      min: 1,
      description: 'RTO before any RTT sample (default 1s, RFC 6298).',
    }),
    minRto: duration({
      min: 1,
      description: 'Lowest RTO (default 1s as RFC 6298 says; Linux uses 200ms).',
    }),
    maxRto: duration({ min: 1, description: 'Highest RTO after backoff (default 60s).' }),
    msl: duration({
      description: 'Maximum segment lifetime; TIME-WAIT lasts 2 MSL (default 30s).',
    }),
    synRetries: number({
      integer: true,
      min: 0,
      max: 20,
      description: 'SYN retransmissions before ETIMEDOUT (default 6).',
    }),
    retries: number({
      integer: true,
      min: 1,
      max: 30,
      description: 'Data retransmissions before ETIMEDOUT (default 15).',
    }),
  },
);

export const nodeSchema = object(
  { id: id('a node id'), role: oneOf(NODE_ROLES, 'What the node is; sets its icon and defaults.') },
  {
    label: string({ maxLength: 80, description: 'A name shown instead of the id.' }),
    interfaces: array(interfaceSchema, { maxItems: 64 }),
    gateway: ipv4('Default router, on a subnet of this node.'),
    routes: array(routeSchema, { maxItems: 256 }),
    tcp: tcpSettings,
    cpu: cpuSettings,
    dns: dnsSettings,
    apps: array(appSchema, { maxItems: 16 }),
  },
);

const queueSchema = object(
  {},
  {
    packets: number({
      integer: true,
      min: 1,
      max: 1_000_000,
      description: 'Most packets waiting per direction.',
    }),
    bytes: byteSize('Most bytes waiting per direction.'),
  },
  'A drop-tail queue at each end of the link (default 100 packets).',
);

export const linkSchema = object(
  {
    id: id('a link id'),
    a: string({
      pattern: /^[A-Za-z][A-Za-z0-9_-]*(:[A-Za-z][A-Za-z0-9_-]*)?$/,
      patternText: 'an interface as "node:interface", or a node id when the node has one interface',
    }),
    b: string({
      pattern: /^[A-Za-z][A-Za-z0-9_-]*(:[A-Za-z][A-Za-z0-9_-]*)?$/,
      patternText: 'an interface as "node:interface", or a node id when the node has one interface',
    }),
    latency: duration({ description: 'One-way propagation delay.' }),
  },
  {
    bandwidth: bitRate('Transmission rate in each direction (default 100Mbps).'),
    loss: number({
      min: 0,
      exclusiveMax: 1,
      description: 'Probability that a packet is lost (0 to <1).',
    }),
    duplicate: number({
      min: 0,
      exclusiveMax: 1,
      description: 'Probability that a packet is delivered twice.',
    }),
    reorder: object(
      {
        probability: number({ min: 0, exclusiveMax: 1 }),
        delay: duration({ description: 'Extra delay of a reordered packet.' }),
      },
      {},
      'Some packets are held back so that later ones overtake them.',
    ),
    queue: queueSchema,
  },
);

const linkEventSchema = object(
  {
    at: duration({ description: 'When, from the start of the run.' }),
    type: oneOf(['linkDown', 'linkUp'] as const),
    link: id('a link id'),
  },
  {},
  'Takes a link down or brings it back up at a given time.',
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
    events: array(linkEventSchema, { maxItems: 10_000 }),
  },
  'A Handshake scenario: the network, its applications and how long to run.',
);

export type Scenario = Infer<typeof scenarioSchema>;
export type ScenarioNode = Infer<typeof nodeSchema>;
export type ScenarioLink = Infer<typeof linkSchema>;
export type ScenarioApp = Infer<typeof appSchema>;
export type PingerApp = Infer<typeof pingerApp>;
export type EchoApp = Infer<typeof echoApp>;
export type BulkSendApp = Infer<typeof bulkSendApp>;
export type SinkApp = Infer<typeof sinkApp>;
export type TcpSettings = Infer<typeof tcpSettings>;
export type CpuSettings = Infer<typeof cpuSettings>;
export type { HttpClientApp, HttpServerApp } from './httpSchemas.ts';
export type { DnsServerApp, DnsSettings } from './dnsSchemas.ts';
export type { FtpClientApp, FtpServerApp } from './ftpSchemas.ts';

/** The JSON Schema of the scenario format, for editors ($schema in a document). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'handshake/scenario@1',
    title: 'Handshake scenario',
    ...scenarioSchema.jsonSchema(),
  };
}
