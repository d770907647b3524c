// The scenario document, format "handshake/scenario@1": nodes with interfaces and routes, links
// with latency, bandwidth, loss and queues, applications, timed events, seed and run limit.
// One schema both validates documents and generates the JSON Schema for editors. Node roles and
// application kinds come from the registry of kinds (src/sim/kinds/kindRegistry.ts).

import {
  array,
  boolean,
  duration,
  literal,
  number,
  object,
  oneOf,
  string,
  tagged,
  type Infer,
  type Schema,
} from '../schema/schema.ts';
import {
  bitRate,
  byteSize,
  DHCP_ADDRESS,
  interfaceAddressOrDhcp,
  ipv4,
  macAddress,
  prefix,
  type InterfaceAddress,
} from '../schema/networkSchemas.ts';
import type { AppOf } from '../kinds/appKind.ts';
import type { ActionOf } from '../kinds/actionKind.ts';
import {
  ACTION_KINDS,
  APP_KINDS,
  NODE_FIREWALL,
  NODE_NAT,
  NODE_RESOLVER,
  ROLE_KINDS,
  UPCOMING_ROLES,
} from '../kinds/kindRegistry.ts';
import { cpuSettings } from './serverSchemas.ts';
import { isNetworkEventType, NETWORK_EVENT_SCHEMAS } from './networkEventSchemas.ts';
import { phrase, phrased, sayPhrase, type Phrase, type PhraseParam } from '../schema/phrase.ts';
import { VALIDATION_EN } from '../schema/validationPhrases.ts';
import { TCP_LISTENER_SETTINGS, TCP_OPTION_SETTINGS } from './tcpOptionSchemas.ts';
import { NS_PER_S } from '../../engine/time.ts';
import { CONGESTION_ALGORITHMS } from '../../net/tcp/newRenoCongestion.ts';
import { RFC6298_MIN_MAX_RTO } from '../../net/tcp/rtoEstimator.ts';

export const SCENARIO_FORMAT = 'handshake/scenario@1';

/** The published JSON Schema's file: in public/, so the page serves it beside index.html. */
export const SCENARIO_SCHEMA_FILE = 'scenario.schema.json';

/** The JSON Schema's `$id`: a stable name for format @1 (the schema's own version is the format's). */
export const SCENARIO_SCHEMA_ID = `https://github.com/handshake/handshake/public/${SCENARIO_SCHEMA_FILE}`;

/**
 * The `$schema` of the documents in the repository's simulations/ folder: a path relative to the
 * document, so an editor opening the repository finds the schema of the same checkout, offline.
 */
export const REPOSITORY_SCHEMA_REF = `../public/${SCENARIO_SCHEMA_FILE}`;

/**
 * The `$schema` of a document the page writes (a saved or downloaded file, which may land
 * anywhere, so a relative path would point nowhere): the schema the page itself serves, resolved
 * against the page's address, e.g. `https://example.org/handshake/scenario.schema.json`.
 */
export function servedSchemaRef(pageUrl: string): string {
  return new URL(SCENARIO_SCHEMA_FILE, pageUrl).href;
}

const id = (what: 'pattern.nodeId' | 'pattern.linkId' | 'pattern.interfaceName') =>
  string({
    pattern: /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
    patternText: phrase('pattern.id', { what: phrase(what) }),
  });

/** A node role of the registry. */
export type NodeRole = (typeof ROLE_KINDS)[number]['role'];

/** The roles a node can play (each has its own icon in the picture). */
export const NODE_ROLES: readonly NodeRole[] = ROLE_KINDS.map((r) => r.role);

const knownRole = oneOf(NODE_ROLES, 'What the node is; sets its icon and defaults.');

/**
 * A node's role: one of the registry's. A role that is planned but has no behaviour yet passes
 * here so that the node schema can refuse it by the node's name (see nodeSchema).
 */
const roleSchema: Schema<NodeRole> = {
  parse(value, path, issues) {
    if (typeof value === 'string' && Object.hasOwn(UPCOMING_ROLES, value)) return value as NodeRole;
    return knownRole.parse(value, path, issues);
  },
  jsonSchema: () => knownRole.jsonSchema(),
};

/** One application of a node: a kind of the registry, told apart by `type`. */
export type ScenarioApp = AppOf<(typeof APP_KINDS)[number]>;

export const appSchema = tagged(
  'type',
  Object.fromEntries(APP_KINDS.map((kind) => [kind.type, kind.schema])),
) as Schema<ScenarioApp>;

const interfaceFields = object(
  { name: id('pattern.interfaceName') },
  {
    address: interfaceAddressOrDhcp(),
    mac: macAddress(
      "The MAC address of an addressed interface, such as 02:00:00:00:00:01: six pairs of hex digits, unicast (the first octet even). Left out, one is made from the node's and the interface's names (02:00:…), the same in every run.",
    ),
    mtu: number({
      integer: true,
      min: 68,
      max: 65_535,
      description:
        'Largest IP packet the interface sends, in bytes (default 1500, Ethernet; at least 68, RFC 791). A bigger one is cut into fragments, or dropped with ICMP "fragmentation needed" when Don\'t Fragment is set.',
    }),
  },
  'A network interface. Hosts and routers need an address (or "dhcp"); switch ports have none.',
);

/**
 * A network interface as the code sees it: `"address": "dhcp"` in the document is `dhcp: true`
 * and no `address`, so everything that reads static addresses sees none there.
 */
export type ScenarioInterface = Omit<Infer<typeof interfaceFields>, 'address'> & {
  address?: InterfaceAddress;
  /** The address comes from a DHCP server at run time (`"address": "dhcp"`). */
  dhcp?: true;
};

const interfaceSchema: Schema<ScenarioInterface> = {
  parse(value, path, issues) {
    const parsed = interfaceFields.parse(value, path, issues);
    if (parsed?.address !== DHCP_ADDRESS) return parsed as ScenarioInterface | undefined;
    const { address, ...rest } = parsed;
    void address; // "dhcp": no address, dhcp: true instead
    return { ...rest, dhcp: true };
  },
  jsonSchema: () => interfaceFields.jsonSchema(),
};

const routeSchema = object(
  { to: prefix(), via: ipv4('The next router, on a subnet of this node.') },
  {},
  'A static route: packets for `to` go to the router `via`.',
);

/** The longest RTO or MSL a scenario may set: timers stay well inside simulated time. */
const HOUR = 3600 * NS_PER_S;

/**
 * TCP settings of a node; defaults follow the RFCs. What one field cannot say (RTO bounds in
 * order, buffers of at least one MSS) is checked by checkTcpSettings.ts.
 */
const tcpSettings = object(
  {},
  {
    congestionControl: oneOf(
      CONGESTION_ALGORITHMS,
      'Loss recovery: "newreno" (default, RFC 6582) or "reno" (RFC 5681, for comparison).',
    ),
    mss: number({
      integer: true,
      min: 88,
      max: 65_495,
      description:
        'Maximum segment size in bytes (default 1460); the SYN announces no more than the interface MTU less 40.',
    }),
    receiveWindow: byteSize(
      'Receive buffer, advertised as the window (default 65535 bytes); at least the MSS, at most 65535 bytes without windowScaling (the window field is 16 bits) and 65535 x 2^14 with it.',
    ),
    sendBuffer: byteSize('Send buffer (default 256KiB); at least the MSS.'),
    initialRto: duration({
      min: 1,
      max: HOUR,
      description: 'RTO before any RTT sample (default 1s, RFC 6298), from minRto to maxRto.',
    }),
    minRto: duration({
      min: 1,
      max: HOUR,
      description: 'Lowest RTO (default 1s as RFC 6298 says; Linux uses 200ms).',
    }),
    maxRto: duration({
      min: RFC6298_MIN_MAX_RTO,
      max: HOUR,
      description: 'Highest RTO after backoff (default 60s; RFC 6298 2.5: at least 60s).',
    }),
    msl: duration({
      max: HOUR,
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
    ...TCP_LISTENER_SETTINGS,
    ...TCP_OPTION_SETTINGS,
  },
);

/** Where the canvas editor placed a node: the centre of its card, in the picture's units. */
const positionSchema = object(
  {
    x: number({ min: -1_000_000, max: 1_000_000, description: 'Left to right.' }),
    y: number({ min: -1_000_000, max: 1_000_000, description: 'Top to bottom.' }),
  },
  {},
  "Where the node's card is centred in the picture (the canvas editor writes it); without it the picture places the node itself.",
);

const nodeFields = object(
  { id: id('pattern.nodeId'), role: roleSchema },
  {
    label: string({ maxLength: 80, description: 'A name shown instead of the id.' }),
    interfaces: array(interfaceSchema, { maxItems: 64 }),
    gateway: ipv4('Default router, on a subnet of this node.'),
    routes: array(routeSchema, { maxItems: 256 }),
    tcp: tcpSettings,
    cpu: cpuSettings,
    dns: NODE_RESOLVER.settings,
    firewall: NODE_FIREWALL.settings,
    nat: NODE_NAT.settings,
    apps: array(appSchema, { maxItems: 16 }),
    position: positionSchema,
    stp: boolean('Switches: run RSTP (default true).'),
    bridgePriority: number({
      integer: true,
      min: 0,
      max: 61_440,
      description: 'Switches: RSTP priority, a multiple of 4096 (default 32768).',
    }),
  },
);

/** What brings a role that is not there yet, as a phrase when the phrasebook has its words. */
function upcomingPhrase(role: string, english: string): PhraseParam {
  const key = `schema.upcoming.${role}`;
  const known = Object.hasOwn(VALIDATION_EN, key) ? ({ key } as Phrase) : undefined;
  return known && sayPhrase(known) === english ? known : english;
}

/** A node; a role that is not available yet is refused with the node's id and what brings it. */
export const nodeSchema: Schema<Infer<typeof nodeFields>> = {
  parse(value, path, issues) {
    const raw = (typeof value === 'object' && value !== null ? value : {}) as {
      id?: unknown;
      role?: unknown;
    };
    const upcoming = typeof raw.role === 'string' ? UPCOMING_ROLES[raw.role] : undefined;
    if (upcoming !== undefined && Object.hasOwn(UPCOMING_ROLES, raw.role as string)) {
      const who =
        typeof raw.id === 'string'
          ? phrase('schema.roleUpcoming.node', { id: raw.id })
          : phrase('schema.roleUpcoming.thisNode');
      issues.push(
        phrased(
          `${path}.role`,
          phrase('schema.roleUpcoming', {
            who,
            role: String(raw.role),
            upcoming: upcomingPhrase(String(raw.role), upcoming),
            roles: NODE_ROLES.map((r) => JSON.stringify(r)).join(', '),
          }),
        ),
      );
      nodeFields.parse(value, path, issues); // still report its other problems
      return undefined;
    }
    return nodeFields.parse(value, path, issues);
  },
  jsonSchema: () => nodeFields.jsonSchema(),
};

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
    id: id('pattern.linkId'),
    a: string({
      pattern: /^[A-Za-z][A-Za-z0-9_-]*(:[A-Za-z][A-Za-z0-9_-]*)?$/,
      patternText: phrase('pattern.linkEnd'),
    }),
    b: string({
      pattern: /^[A-Za-z][A-Za-z0-9_-]*(:[A-Za-z][A-Za-z0-9_-]*)?$/,
      patternText: phrase('pattern.linkEnd'),
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
    burstLoss: object(
      {
        p: number({
          min: 0,
          max: 1,
          description: 'Probability of going Good -> Bad after a packet.',
        }),
        r: number({
          min: 0,
          max: 1,
          description: 'Probability of going Bad -> Good after a packet.',
        }),
      },
      {
        lossInGood: number({
          min: 0,
          max: 1,
          description: 'Probability that a packet is lost in the Good state (default 0).',
        }),
        lossInBad: number({
          min: 0,
          max: 1,
          description: 'Probability that a packet is lost in the Bad state (default 1).',
        }),
      },
      'Losses in bursts (the Gilbert–Elliott model): each direction moves between a Good and a Bad state, packet by packet. Instead of loss.',
    ),
    jitter: duration({
      description:
        'Up to this much more delay for each packet, drawn evenly; packets keep their order.',
    }),
    corrupt: number({
      min: 0,
      exclusiveMax: 1,
      description:
        'Probability that a packet is damaged on the way: one bit flipped. The checksums catch it and the packet is dropped (0 to <1).',
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

/** An action of a node at a moment (ping, fetch, transfer): a kind of the registry. */
export type ScenarioAction = ActionOf<(typeof ACTION_KINDS)[number]>;

/**
 * A timed event, told apart by `type`: something that happens to the network (a link down or up
 * or changed, a node crashing or restarting, an interface down or up: networkEventSchemas.ts),
 * or an action of a node (its kinds in the registry, src/sim/kinds/actionKind.ts).
 */
const eventSchema = tagged('type', {
  ...NETWORK_EVENT_SCHEMAS,
  ...(Object.fromEntries(ACTION_KINDS.map((kind) => [kind.type, kind.schema])) as Record<
    ScenarioAction['type'],
    Schema<ScenarioAction>
  >),
});

const documentFields = object(
  {
    format: literal(SCENARIO_FORMAT),
    name: string({ maxLength: 120 }),
    nodes: array(nodeSchema, { maxItems: 10_000 }),
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
    events: array(eventSchema, { maxItems: 10_000 }),
  },
  'A Handshake scenario: the network, its applications and how long to run.',
);

const schemaRef = string({
  maxLength: 2000,
  description:
    'The JSON Schema of this document, for editors; ignored by Handshake. Files in the repository name ../public/scenario.schema.json.',
});

/**
 * The whole document: its fields, and at its root (only there) an optional `$schema` string
 * that names the JSON Schema for editors and is otherwise ignored (not in the parsed Scenario).
 */
export const scenarioSchema: Schema<Infer<typeof documentFields>> = {
  parse(value, path, issues) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, '$schema')) {
      return documentFields.parse(value, path, issues);
    }
    const { $schema, ...fields } = value as Record<string, unknown>;
    const ref = schemaRef.parse($schema, `${path}.$schema`, issues);
    const scenario = documentFields.parse(fields, path, issues);
    return ref === undefined ? undefined : scenario;
  },
  jsonSchema: () => {
    const fields = documentFields.jsonSchema();
    return {
      ...fields,
      properties: {
        $schema: schemaRef.jsonSchema(),
        ...(fields.properties as Record<string, unknown>),
      },
    };
  },
};

export type Scenario = Infer<typeof scenarioSchema>;
export type ScenarioNode = Infer<typeof nodeSchema>;
export type ScenarioLink = Infer<typeof linkSchema>;
export type ScenarioEvent = NonNullable<Scenario['events']>[number];
/** A timed event that happens to the network: a link, a node or an interface fails or changes. */
export type NetworkEvent = Exclude<ScenarioEvent, ScenarioAction>;

/** Whether a timed event happens to the network (else it is a node's action). */
export function isNetworkEvent(event: ScenarioEvent): event is NetworkEvent {
  return isNetworkEventType(event.type);
}
export type TcpSettings = Infer<typeof tcpSettings>;
export type CpuSettings = Infer<typeof cpuSettings>;

/**
 * The JSON Schema of the scenario format, for editors ($schema in a document), as published in
 * public/scenario.schema.json (`npm run schema` writes it; a test fails when it is stale).
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCENARIO_SCHEMA_ID,
    title: 'Handshake scenario',
    ...scenarioSchema.jsonSchema(),
  };
}
