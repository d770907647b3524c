// The encapsulation quiz's questions about the header inside IPv4: TCP's and UDP's ports (RFC 9293,
// RFC 768; well-known ports from IANA's registry, ephemeral ones RFC 6335's range), TCP's control
// bits (RFC 9293 section 3.1) and ICMP's type (RFC 792). Every right answer is the field's value
// in the dissection.

import type { PacketLayer } from '../packet/packetFieldModel.ts';
import type { QuizQuestion } from './encapsulationQuiz.ts';
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

function portWhy(port: number): string {
  const name = WELL_KNOWN.get(port);
  if (name) return `${port} is the well-known port of ${name} (IANA), where its server listens`;
  if (port >= 49152)
    return `${port} is an ephemeral port (49152–65535, RFC 6335) the client's system picked`;
  return `${port} is the port this program uses`;
}

export function portQuestions(layer: PacketLayer, proto: 'tcp' | 'udp'): QuizQuestion[] {
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

export function tcpQuestions(layer: PacketLayer, dataLength: number): QuizQuestion[] {
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

export function icmpQuestions(layer: PacketLayer): QuizQuestion[] {
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
