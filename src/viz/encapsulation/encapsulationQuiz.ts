// The encapsulation quiz of the packet inspector ("Predict the headers"): a packet's layers are
// revealed one at a time from the outside (IPv4, then TCP, UDP or ICMP, then the application's
// message); before each is shown the learner predicts a few of its key fields. Every right answer
// is read from the packet's dissection (the fields the inspector shows) and the decoded
// application message, never written down here; the distractors are plausible values picked in a
// fixed order (no randomness), so the same packet always asks the same questions. Pure data:
// EncapsulationQuiz.svelte (src/ui/inspectors, through PacketQuiz.svelte) draws it, for the
// packet inspector and for the lesson step "encapsulation". The transport questions are in
// transportQuestions.ts. The quiz starts at IPv4: the Ethernet header of the frame (which the
// inspector shows) changes at every hop and is not asked about. Its words are in quizPhrases.ts,
// in the context's language (English by default).

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { AppPart } from '../packet/appParts.ts';
import type { PacketDissection, PacketLayer } from '../dissect/packetFieldModel.ts';
import { quizPhrases, type QuizWords } from './quizPhrases.ts';
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
  /** The language of the questions, choices and explanations (English by default). */
  language?: Language;
}

/** IANA's protocol numbers of the protocols the simulator carries (RFC 790, IANA registry). */
const PROTOCOLS: readonly [number, string][] = [
  [1, 'ICMP'],
  [6, 'TCP'],
  [17, 'UDP'],
];

const APP_PROTOCOLS = ['HTTP', 'DNS', 'FTP', 'TLS', 'Echo'];
/** The choices for a mail protocol's message: the mail protocols and those a learner confuses. */
const MAIL_PROTOCOLS = ['SMTP', 'POP3', 'HTTP', 'FTP', 'DNS'];

/** The quiz for a dissected packet: its layers from the outside in, each with its questions. */
export function encapsulationQuiz(
  dissection: PacketDissection,
  context: QuizContext = {},
): QuizLayer[] {
  const language = context.language ?? ENGLISH;
  const words = quizPhrases.in(language);
  const layers: QuizLayer[] = [];
  const dataLength = dissection.layers.find((l) => l.id === 'data')?.length ?? 0;
  for (const layer of dissection.layers) {
    switch (layer.id) {
      case 'ip':
        layers.push(ipLayer(layer, context, words));
        break;
      case 'tcp':
        layers.push(
          transport(layer, words.say('role.transport'), tcpQuestions(layer, dataLength, language)),
        );
        break;
      case 'udp':
        layers.push(
          transport(layer, words.say('role.transport'), portQuestions(layer, 'udp', language)),
        );
        break;
      case 'icmp':
        layers.push(transport(layer, words.say('role.icmp'), icmpQuestions(layer, language)));
        break;
      case 'data':
      case 'quote':
        layers.push(dataLayer(layer, context, words));
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

function ipLayer(layer: PacketLayer, context: QuizContext, words: QuizWords): QuizLayer {
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
        words.say('ip.protocol.prompt'),
        right,
        PROTOCOLS.map(([n]) => text(n)),
        words.say('ip.protocol.explain', { right }),
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
        words.say('ip.src.prompt'),
        src,
        dst,
        words.say('ip.src.explain', { address: label(src) }),
      ),
      ask(
        'ip.dst',
        words.say('ip.dst.prompt'),
        dst,
        src,
        words.say('ip.dst.explain', { address: label(dst) }),
      ),
    );
  }
  const ttl = fieldOf(layer, 'ip.ttl')?.raw;
  const before = context.previousTtl;
  if (ttl !== undefined && before !== undefined && before !== null) {
    const who = context.forwarder;
    const [b, t] = [String(before), String(ttl)];
    const values = [before + 1, before, before - 1, before - 2].filter((v) => v >= 0 && v <= 255);
    if (!values.includes(ttl)) values.push(ttl);
    questions.push(
      question(
        'ip.ttl',
        who === undefined
          ? words.say('ip.ttl.promptUnnamed', { before: b })
          : words.say('ip.ttl.prompt', { who, before: b }),
        t,
        values.map(String),
        ttl === before - 1
          ? words.say('ip.ttl.lowered', { before: b, ttl: t })
          : ttl === before
            ? who === undefined
              ? words.say('ip.ttl.sameUnnamed', { ttl: t })
              : words.say('ip.ttl.same', { ttl: t, who })
            : words.say('ip.ttl.other', { before: b, ttl: t }),
        4,
        (a, b) => Number(b) - Number(a),
      ),
    );
  }
  return {
    id: 'ip',
    name: layer.name,
    role: words.say('role.network'),
    summary: layer.summary,
    questions,
  };
}

/** The two kinds of message an application protocol has, as a choice says them. */
type MessageKind = 'request' | 'response' | 'query' | 'command' | 'reply';

const KIND_PAIRS = {
  HTTP: ['app.kind.http', ['request', 'response']],
  DNS: ['app.kind.dns', ['query', 'response']],
  FTP: ['app.kind.ftp', ['command', 'reply']],
  SMTP: ['app.kind.mail', ['command', 'reply']],
  POP3: ['app.kind.mail', ['command', 'reply']],
} as const;

function dataLayer(layer: PacketLayer, context: QuizContext, words: QuizWords): QuizLayer {
  const part = context.app ?? null;
  const questions: QuizQuestion[] = [];
  const kindText = (kind: MessageKind) => words.say(`kind.${kind}`);
  let name = layer.name;
  if (layer.id === 'data' && part) {
    name = words.say('app.name', { protocol: part.protocol });
    questions.push(
      question(
        'app.protocol',
        words.say('app.protocol.prompt'),
        part.protocol,
        APP_PROTOCOLS.includes(part.protocol) ? APP_PROTOCOLS : MAIL_PROTOCOLS,
        appWhy(part, words),
      ),
    );
    // A piece of a message's text is neither a command nor a reply: no question on its kind.
    if (part.protocol !== 'TLS' && part.kind !== 'text') {
      const [prompt, pair] = KIND_PAIRS[part.protocol];
      questions.push(
        question(
          'app.kind',
          words.say(prompt),
          kindText(part.kind),
          pair.map(kindText),
          words.say(`kindWhy.${part.kind}`, { name: part.name }),
          2,
        ),
      );
    }
  } else if (layer.id === 'data' && context.echo) {
    name = words.say('app.name', { protocol: 'Echo' });
    questions.push(
      question(
        'app.protocol',
        words.say('app.protocol.prompt'),
        'Echo',
        APP_PROTOCOLS,
        words.say('why.echo'),
      ),
      question(
        'app.kind',
        words.say('app.kind.echo'),
        kindText(context.echo.kind),
        [kindText('request'), kindText('reply')],
        words.say(context.echo.kind === 'request' ? 'why.echoRequest' : 'why.echoReply'),
        2,
      ),
    );
  }
  return {
    id: layer.id === 'data' ? 'app' : layer.id,
    name,
    role: words.say(layer.id === 'quote' ? 'role.quote' : 'role.data'),
    summary: layer.summary,
    questions,
  };
}

function appWhy(part: AppPart, words: QuizWords): string {
  switch (part.protocol) {
    case 'HTTP':
      return words.say('why.http', { line: part.startLine });
    case 'DNS': {
      const question = part.questions[0];
      return question
        ? words.say(`why.dns.${part.kind}For`, { question })
        : words.say(`why.dns.${part.kind}`);
    }
    case 'FTP':
      return words.say('why.ftp', { line: part.lines[0] ?? '' });
    case 'SMTP':
    case 'POP3':
      return part.kind === 'text'
        ? words.say('why.mailText', { protocol: part.protocol })
        : words.say(part.protocol === 'SMTP' ? 'why.smtp' : 'why.pop3', {
            line: part.lines[0] ?? '',
          });
    case 'TLS':
      return words.say('why.tls', { name: part.name });
  }
}
