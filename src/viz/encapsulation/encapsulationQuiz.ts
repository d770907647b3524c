// The encapsulation quiz of the packet inspector ("Predict the headers"): a packet's layers are
// revealed one at a time from the outside (IPv4, then TCP, UDP or ICMP, then the application's
// message); before each is shown the learner predicts a few of its key fields. Every right answer
// is read from the packet's dissection (the fields the inspector shows) and the decoded
// application message, never written down here; the distractors are plausible values picked in a
// fixed order (no randomness), so the same packet always asks the same questions. Pure data:
// QuizPanel.svelte (src/ui/inspectors) draws it, the lesson step "encapsulation" uses it too.
// There is no link layer: the simulator's packets are IPv4 datagrams (LINKTYPE_RAW captures).

import type { AppPart } from '../packet/appMessage.ts';
import type { PacketDissection, PacketField, PacketLayer } from '../packet/packetFieldModel.ts';

/** One field to predict, with its choices and the right one (from the packet). */
export interface QuizQuestion {
  /** The inspector's id of the field asked about (`ip.protocol`, `tcp.flags`, `app.protocol`). */
  field: string;
  prompt: string;
  choices: string[];
  /** The index of the right choice. */
  answer: number;
  /** One line said when the layer is revealed: why the right answer is right. */
  explain: string;
}

/** One layer of the packet, outermost first. */
export interface QuizLayer {
  /** The dissection's layer (`ip`, `tcp`, `udp`, `icmp`), or `app` for the application data. */
  id: PacketLayer['id'] | 'app';
  /** Its name once revealed (`TCP`, `Application: HTTP`). */
  name: string;
  /** What it is before it is revealed; never gives away an answer (`the transport header`). */
  role: string;
  /** The inspector's one-line summary of the layer, shown when revealed. */
  summary: string;
  questions: QuizQuestion[];
}

/** What the trace and the scenario know beyond the packet's bytes. */
export interface QuizContext {
  /** The application message the payload starts (decodeApp), if any. */
  app?: AppPart | null;
  /** The pinger's request or the echo server's reply this payload carries, if any. */
  echo?: { kind: 'request' | 'reply' } | null;
  /** The TTL of the hop before this one, when the packet was forwarded to this link. */
  previousTtl?: number | null;
  /** The name of the node that forwarded it onto this link (`r1`), with `previousTtl`. */
  forwarder?: string;
  /** Other addresses of the scenario (unsigned 32-bit), for the address distractors. */
  addresses?: readonly number[];
  /** How an address is shown (`10.0.0.2 (Server)`); dotted text by default. */
  label?: (address: string) => string;
}

/** IANA's protocol numbers of the protocols the simulator carries (RFC 790, IANA registry). */
const PROTOCOLS: readonly [number, string][] = [
  [1, 'ICMP'],
  [6, 'TCP'],
  [17, 'UDP'],
];

/** Well-known ports (IANA service names registry) used as distractors and in explanations. */
const WELL_KNOWN: ReadonlyMap<number, string> = new Map([
  [80, 'HTTP'],
  [443, 'HTTPS'],
  [53, 'DNS'],
  [7, 'echo'],
  [21, 'FTP'],
  [22, 'SSH'],
  [25, 'SMTP'],
  [20, 'FTP data'],
]);

/** TCP's control bits, most significant first (RFC 9293 section 3.1; CWR and ECE: RFC 3168). */
const FLAG_BITS: readonly [string, number][] = [
  ['CWR', 0x80],
  ['ECE', 0x40],
  ['URG', 0x20],
  ['ACK', 0x10],
  ['PSH', 0x08],
  ['RST', 0x04],
  ['SYN', 0x02],
  ['FIN', 0x01],
];
/** How flags are written in a choice: the connection's flags first, ACK after them. */
const FLAG_ORDER = ['SYN', 'FIN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR'];
/** The flag sets a learner meets, in the order choices are listed. */
const COMMON_FLAGS = ['SYN', 'SYN + ACK', 'ACK', 'PSH + ACK', 'FIN + ACK', 'RST + ACK', 'RST'];

/** ICMP types (RFC 792). */
const ICMP_TYPES: readonly [number, string][] = [
  [0, 'echo reply'],
  [3, 'destination unreachable'],
  [8, 'echo request'],
  [11, 'time exceeded'],
];

const APP_PROTOCOLS = ['HTTP', 'DNS', 'FTP', 'TLS', 'Echo'];

/** The quiz for a dissected packet: its layers from the outside in, each with its questions. */
export function encapsulationQuiz(
  dissection: PacketDissection,
  context: QuizContext = {},
): QuizLayer[] {
  const layers: QuizLayer[] = [];
  const dataLength = dissection.layers.find((l) => l.id === 'data')?.length ?? 0;
  for (const layer of dissection.layers) {
    switch (layer.id) {
      case 'ip':
        layers.push(ipLayer(layer, context));
        break;
      case 'tcp':
        layers.push(transport(layer, 'the transport header', tcpQuestions(layer, dataLength)));
        break;
      case 'udp':
        layers.push(transport(layer, 'the transport header', portQuestions(layer, 'udp')));
        break;
      case 'icmp':
        layers.push(transport(layer, 'the header inside IPv4', icmpQuestions(layer)));
        break;
      case 'data':
      case 'quote':
        layers.push(dataLayer(layer, context));
        break;
    }
  }
  return layers;
}

function transport(layer: PacketLayer, role: string, questions: QuizQuestion[]): QuizLayer {
  return { id: layer.id, name: layer.name, role, summary: layer.summary, questions };
}

/** A field of the layer by id (also among children), or undefined. */
function fieldOf(layer: PacketLayer, id: string): PacketField | undefined {
  const walk = (fields: readonly PacketField[]): PacketField | undefined => {
    for (const f of fields) {
      if (f.id === id) return f;
      const inner = f.children ? walk(f.children) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(layer.fields);
}

/**
 * A question whose choices are the right value and distractors: candidates are taken in order,
 * duplicates dropped, `count` kept (the right one always), then listed in `order`'s order.
 */
function question(
  field: string,
  prompt: string,
  right: string,
  candidates: readonly string[],
  explain: string,
  count = 4,
  order?: (a: string, b: string) => number,
): QuizQuestion {
  const choices = [right];
  for (const c of candidates) {
    if (choices.length >= count) break;
    if (!choices.includes(c)) choices.push(c);
  }
  if (order) choices.sort(order);
  else {
    // The candidates' own order, so the right answer's place depends on the packet only.
    const rank = (c: string) => {
      const i = candidates.indexOf(c);
      return i < 0 ? candidates.length : i;
    };
    choices.sort((a, b) => rank(a) - rank(b));
  }
  return { field, prompt, choices, answer: choices.indexOf(right), explain };
}

function dotted(address: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(address / 2 ** s) % 256).join('.');
}

function ipLayer(layer: PacketLayer, context: QuizContext): QuizLayer {
  const questions: QuizQuestion[] = [];
  const protocol = fieldOf(layer, 'ip.protocol')?.raw;
  if (protocol !== undefined) {
    const text = (n: number) => {
      const name = PROTOCOLS.find(([p]) => p === n)?.[1];
      return name ? `${n} (${name})` : String(n);
    };
    const right = text(protocol);
    questions.push(
      question(
        'ip.protocol',
        'Protocol: what does the IPv4 header say it carries?',
        right,
        PROTOCOLS.map(([n]) => text(n)),
        `Protocol ${right}: IANA's protocol numbers are 1 for ICMP, 6 for TCP and 17 for UDP.`,
      ),
    );
  }
  const src = fieldOf(layer, 'ip.src')?.raw;
  const dst = fieldOf(layer, 'ip.dst')?.raw;
  if (src !== undefined && dst !== undefined) {
    const label = (a: number) => (context.label ? context.label(dotted(a)) : dotted(a));
    const others = [...(context.addresses ?? [])].sort((a, b) => a - b);
    // The right address, the other end (the classic mix-up), then the scenario's lowest others;
    // listed by address.
    const ask = (field: string, prompt: string, right: number, other: number, explain: string) => {
      const picks = [right];
      for (const a of [other, ...others]) if (picks.length < 3 && !picks.includes(a)) picks.push(a);
      picks.sort((a, b) => a - b);
      return { field, prompt, choices: picks.map(label), answer: picks.indexOf(right), explain };
    };
    questions.push(
      ask(
        'ip.src',
        'Source address: who sent this packet?',
        src,
        dst,
        `The source is ${label(src)}, the host that made the packet; routers on the way do not change it.`,
      ),
      ask(
        'ip.dst',
        'Destination address: where is it going?',
        dst,
        src,
        `The destination is ${label(dst)}; every router on the way reads it to choose the next link.`,
      ),
    );
  }
  const ttl = fieldOf(layer, 'ip.ttl')?.raw;
  const before = context.previousTtl;
  if (ttl !== undefined && before !== undefined && before !== null) {
    const who = context.forwarder ?? 'the node before this link';
    const values = [before + 1, before, before - 1, before - 2].filter((v) => v >= 0 && v <= 255);
    if (!values.includes(ttl)) values.push(ttl);
    questions.push(
      question(
        'ip.ttl',
        `Time to live: it reached ${who} with TTL ${before}. What TTL does it carry on this link?`,
        String(ttl),
        values.map(String),
        ttl === before - 1
          ? `${before} became ${ttl}: a router lowers the TTL by one before it forwards a packet (RFC 791, RFC 1812).`
          : ttl === before
            ? `Still ${ttl}: ${who} forwarded it without touching the IP header, as a switch does.`
            : `It went in with TTL ${before} and came out with ${ttl}.`,
        4,
        (a, b) => Number(b) - Number(a),
      ),
    );
  }
  return {
    id: 'ip',
    name: layer.name,
    role: 'the network header',
    summary: layer.summary,
    questions,
  };
}

function portText(port: number): string {
  const name = WELL_KNOWN.get(port);
  return name ? `${port} (${name})` : String(port);
}

function portWhy(port: number): string {
  const name = WELL_KNOWN.get(port);
  if (name) return `${port} is the well-known port of ${name} (IANA), where its server listens`;
  if (port >= 49152)
    return `${port} is an ephemeral port (49152–65535, RFC 6335) the client's system picked`;
  return `${port} is the port this program uses`;
}

function portQuestions(layer: PacketLayer, proto: 'tcp' | 'udp'): QuizQuestion[] {
  const src = fieldOf(layer, `${proto}.srcPort`)?.raw;
  const dst = fieldOf(layer, `${proto}.dstPort`)?.raw;
  if (src === undefined || dst === undefined) return [];
  const known = [...WELL_KNOWN.keys()];
  const ask = (which: 'src' | 'dst', right: number, other: number): QuizQuestion =>
    question(
      `${proto}.${which}Port`,
      which === 'src'
        ? 'Source port: which port did the sender send from?'
        : 'Destination port: which port is it addressed to?',
      portText(right),
      [right, other, ...known].map(portText),
      `${which === 'src' ? 'Source' : 'Destination'} port ${portWhy(right)}.`,
      4,
      (a, b) => parseInt(a, 10) - parseInt(b, 10),
    );
  return [ask('src', src, dst), ask('dst', dst, src)];
}

/** The flags of a TCP flags byte as a choice shows them: `SYN + ACK`. */
export function flagsText(byte: number): string {
  const set = FLAG_BITS.filter(([, bit]) => (byte & bit) !== 0).map(([name]) => name);
  set.sort((a, b) => FLAG_ORDER.indexOf(a) - FLAG_ORDER.indexOf(b));
  return set.length > 0 ? set.join(' + ') : 'none';
}

function flagsWhy(byte: number, dataLength: number): string {
  const has = (name: string) => FLAG_BITS.some(([n, bit]) => n === name && (byte & bit) !== 0);
  const ack = has('ACK');
  if (has('RST')) return 'RST: the sender resets the connection (RFC 9293, section 3.5.2).';
  if (has('SYN'))
    return ack
      ? 'SYN + ACK: the second segment of the three-way handshake, the server accepting the connection and acknowledging its SYN (RFC 9293, section 3.5).'
      : 'SYN alone: the first segment of the three-way handshake, the client asking to open a connection (RFC 9293, section 3.5).';
  if (has('FIN'))
    return 'FIN: the sender has no more data to send and closes its direction of the connection (RFC 9293, section 3.6).';
  if (dataLength > 0)
    return `The segment carries ${dataLength} bytes of data${has('PSH') ? ' (PSH: hand them to the application now)' : ''}${ack ? ' and acknowledges what arrived so far' : ''}.`;
  return ack ? 'ACK alone, no data: it only acknowledges what arrived.' : 'No flag set.';
}

function tcpQuestions(layer: PacketLayer, dataLength: number): QuizQuestion[] {
  const questions = portQuestions(layer, 'tcp');
  const byte = fieldOf(layer, 'tcp.flags')?.raw;
  if (byte !== undefined) {
    const right = flagsText(byte);
    questions.push(
      question(
        'tcp.flags',
        'Flags: which control bits are set?',
        right,
        COMMON_FLAGS,
        flagsWhy(byte, dataLength),
      ),
    );
  }
  return questions;
}

function icmpQuestions(layer: PacketLayer): QuizQuestion[] {
  const type = fieldOf(layer, 'icmp.type')?.raw;
  if (type === undefined) return [];
  const text = (n: number) => {
    const name = ICMP_TYPES.find(([t]) => t === n)?.[1];
    return name ? `${n} (${name})` : String(n);
  };
  return [
    question(
      'icmp.type',
      'Type: which ICMP message is it?',
      text(type),
      ICMP_TYPES.map(([n]) => text(n)),
      `Type ${text(type)}: RFC 792 numbers echo request 8, echo reply 0, destination unreachable 3 and time exceeded 11.`,
    ),
  ];
}

function dataLayer(layer: PacketLayer, context: QuizContext): QuizLayer {
  const part = context.app ?? null;
  const questions: QuizQuestion[] = [];
  let name = layer.name;
  if (layer.id === 'data' && part) {
    name = `Application: ${part.protocol}`;
    questions.push(
      question(
        'app.protocol',
        'Application protocol: what does the data hold?',
        part.protocol,
        APP_PROTOCOLS,
        appWhy(part),
      ),
    );
    if (part.protocol !== 'TLS') {
      const kinds: Record<string, [string, string]> = {
        HTTP: ['request', 'response'],
        DNS: ['query', 'response'],
        FTP: ['command', 'reply'],
      };
      const pair = kinds[part.protocol] as [string, string];
      questions.push(
        question(
          'app.kind',
          `Is it a ${pair[0]} or a ${pair[1]}?`,
          part.kind,
          pair,
          `It is a ${part.kind}: ${part.name}.`,
          2,
        ),
      );
    }
  } else if (layer.id === 'data' && context.echo) {
    name = 'Application: Echo';
    questions.push(
      question(
        'app.protocol',
        'Application protocol: what does the data hold?',
        'Echo',
        APP_PROTOCOLS,
        'Echo: the pinger sends some bytes and the echo server sends the same bytes back (port 7, RFC 862).',
      ),
      question(
        'app.kind',
        'Is it a request or a reply?',
        context.echo.kind,
        ['request', 'reply'],
        context.echo.kind === 'request'
          ? 'A request: the client asks, carrying its request number.'
          : 'A reply: the server sends back what it received.',
        2,
      ),
    );
  }
  return {
    id: layer.id === 'data' ? 'app' : layer.id,
    name,
    role: layer.id === 'quote' ? 'what the ICMP message carries' : 'the data inside',
    summary: layer.summary,
    questions,
  };
}

function appWhy(part: AppPart): string {
  switch (part.protocol) {
    case 'HTTP':
      return `HTTP/1.1 (RFC 9112): the data starts with "${part.startLine}".`;
    case 'DNS':
      return `DNS (RFC 1035): a ${part.kind}${part.questions[0] ? ` for ${part.questions[0]}` : ''}.`;
    case 'FTP':
      return `FTP (RFC 959): "${part.lines[0] ?? ''}" on the control connection.`;
    case 'TLS':
      return `TLS records (RFC 8446): ${part.name}.`;
  }
}
