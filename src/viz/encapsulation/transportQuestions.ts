// The encapsulation quiz's questions about the header inside IPv4: TCP's and UDP's ports (RFC 9293,
// RFC 768; well-known ports from IANA's registry, ephemeral ones RFC 6335's range), TCP's control
// bits (RFC 9293 section 3.1) and ICMP's type (RFC 792). Every right answer is the field's value
// in the dissection. Words from quizPhrases.ts, in the language asked for.

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { PacketLayer } from '../dissect/packetFieldModel.ts';
import type { QuizQuestion } from './encapsulationQuiz.ts';
import { quizPhrases } from './quizPhrases.ts';
import { fieldOf, question } from './quizQuestion.ts';

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

function portText(port: number): string {
  const name = WELL_KNOWN.get(port);
  return name ? `${port} (${name})` : String(port);
}

/** Why a port is the one it is: a well-known port, an ephemeral one, or the program's own. */
function portWhy(which: 'src' | 'dst', port: number, language: Language): string {
  const words = quizPhrases.in(language);
  const name = WELL_KNOWN.get(port);
  const p = String(port);
  if (name) return words.say(`port.${which}.wellKnown`, { port: p, name });
  if (port >= 49152) return words.say(`port.${which}.ephemeral`, { port: p });
  return words.say(`port.${which}.other`, { port: p });
}

export function portQuestions(
  layer: PacketLayer,
  proto: 'tcp' | 'udp',
  language: Language = ENGLISH,
): QuizQuestion[] {
  const src = fieldOf(layer, `${proto}.srcPort`)?.raw;
  const dst = fieldOf(layer, `${proto}.dstPort`)?.raw;
  if (src === undefined || dst === undefined) return [];
  const known = [...WELL_KNOWN.keys()];
  const ask = (which: 'src' | 'dst', right: number, other: number): QuizQuestion =>
    question(
      `${proto}.${which}Port`,
      quizPhrases.in(language).say(`port.${which}.prompt`),
      portText(right),
      [right, other, ...known].map(portText),
      portWhy(which, right, language),
      4,
      (a, b) => parseInt(a, 10) - parseInt(b, 10),
    );
  return [ask('src', src, dst), ask('dst', dst, src)];
}

/** The flags of a TCP flags byte as a choice shows them: `SYN + ACK` (`none` in the language). */
export function flagsText(byte: number, language: Language = ENGLISH): string {
  const set = FLAG_BITS.filter(([, bit]) => (byte & bit) !== 0).map(([name]) => name);
  set.sort((a, b) => FLAG_ORDER.indexOf(a) - FLAG_ORDER.indexOf(b));
  return set.length > 0 ? set.join(' + ') : quizPhrases.in(language).say('flags.none');
}

function flagsWhy(byte: number, dataLength: number, language: Language): string {
  const words = quizPhrases.in(language);
  const has = (name: string) => FLAG_BITS.some(([n, bit]) => n === name && (byte & bit) !== 0);
  const ack = has('ACK');
  if (has('RST')) return words.say('flags.rst');
  if (has('SYN')) return words.say(ack ? 'flags.synAck' : 'flags.syn');
  if (has('FIN')) return words.say('flags.fin');
  if (dataLength > 0) {
    const key = has('PSH')
      ? ack
        ? 'flags.dataPshAck'
        : 'flags.dataPsh'
      : ack
        ? 'flags.dataAck'
        : 'flags.data';
    // The count as it is (a byte count, as the dissection writes it).
    return words.say(key, { count: String(dataLength) });
  }
  return words.say(ack ? 'flags.ackOnly' : 'flags.noFlag');
}

export function tcpQuestions(
  layer: PacketLayer,
  dataLength: number,
  language: Language = ENGLISH,
): QuizQuestion[] {
  const questions = portQuestions(layer, 'tcp', language);
  const byte = fieldOf(layer, 'tcp.flags')?.raw;
  if (byte !== undefined) {
    const right = flagsText(byte, language);
    questions.push(
      question(
        'tcp.flags',
        quizPhrases.in(language).say('flags.prompt'),
        right,
        COMMON_FLAGS,
        flagsWhy(byte, dataLength, language),
      ),
    );
  }
  return questions;
}

export function icmpQuestions(layer: PacketLayer, language: Language = ENGLISH): QuizQuestion[] {
  const words = quizPhrases.in(language);
  const type = fieldOf(layer, 'icmp.type')?.raw;
  if (type === undefined) return [];
  const text = (n: number) => {
    const name = ICMP_TYPES.find(([t]) => t === n)?.[1];
    return name ? `${n} (${name})` : String(n);
  };
  return [
    question(
      'icmp.type',
      words.say('icmp.type.prompt'),
      text(type),
      ICMP_TYPES.map(([n]) => text(n)),
      words.say('icmp.type.explain', { type: text(type) }),
    ),
  ];
}
