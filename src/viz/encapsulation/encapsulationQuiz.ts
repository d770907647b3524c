// The encapsulation quiz of the packet inspector ("Predict the headers"): a packet's layers are
// revealed one at a time from the outside (IPv4, then TCP, UDP or ICMP, then the application's
// message); before each is shown the learner predicts a few of its key fields. Every right answer
// is read from the packet's dissection (the fields the inspector shows) and the decoded
// application message, never written down here; the distractors are plausible values picked in a
// fixed order (no randomness), so the same packet always asks the same questions. Pure data:
// EncapsulationQuiz.svelte (src/ui/inspectors, through PacketQuiz.svelte) draws it, for the
// packet inspector and for the lesson step "encapsulation". The transport questions are in
// transportQuestions.ts. There is no link layer: the simulator's packets are IPv4 datagrams
// (its captures are LINKTYPE_IPV4), so the quiz starts at IPv4.

import type { AppPart } from '../packet/appMessage.ts';
import type { PacketDissection, PacketLayer } from '../packet/packetFieldModel.ts';
import { fieldOf, question } from './quizQuestion.ts';
import { icmpQuestions, portQuestions, tcpQuestions } from './transportQuestions.ts';

export { flagsText } from './transportQuestions.ts';

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
