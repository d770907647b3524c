// The encapsulation quiz's words: what each hidden layer is, the questions, the choices that are
// words (`request`, `reply`), and why the right answer is right. English here (the source of the
// keys), German in quizPhrases.de.ts. A question starts with the field's name as Wireshark shows
// it (`Protocol: …`, `Source port: …`), which the quiz repeats beside the answer. The reveal's
// sentences are the page's (RevealWords in quizProgress.ts).

import { Phrasebook } from '../../engine/language.ts';
import { QUIZ_DE } from './quizPhrases.de.ts';

export const QUIZ_EN = {
  // What a layer is before it is revealed.
  'role.network': 'the network header',
  'role.transport': 'the transport header',
  'role.icmp': 'the header inside IPv4',
  'role.quote': 'what the ICMP message carries',
  'role.data': 'the data inside',
  // IPv4.
  'ip.protocol.prompt': 'Protocol: what does the IPv4 header say it carries?',
  'ip.protocol.explain':
    "Protocol {right}: IANA's protocol numbers are 1 for ICMP, 6 for TCP and 17 for UDP.",
  'ip.src.prompt': 'Source address: who sent this packet?',
  'ip.src.explain':
    'The source is {address}, the host that made the packet; routers on the way do not change it.',
  'ip.dst.prompt': 'Destination address: where is it going?',
  'ip.dst.explain':
    'The destination is {address}; every router on the way reads it to choose the next link.',
  'ip.ttl.prompt':
    'Time to live: it reached {who} with TTL {before}. What TTL does it carry on this link?',
  'ip.ttl.promptUnnamed':
    'Time to live: it reached the node before this link with TTL {before}. What TTL does it carry on this link?',
  'ip.ttl.lowered':
    '{before} became {ttl}: a router lowers the TTL by one before it forwards a packet (RFC 791, RFC 1812).',
  'ip.ttl.same':
    'Still {ttl}: {who} forwarded it without touching the IP header, as a switch does.',
  'ip.ttl.sameUnnamed':
    'Still {ttl}: the node before this link forwarded it without touching the IP header, as a switch does.',
  'ip.ttl.other': 'It went in with TTL {before} and came out with {ttl}.',
  // Ports.
  'port.src.prompt': 'Source port: which port did the sender send from?',
  'port.dst.prompt': 'Destination port: which port is it addressed to?',
  'port.src.wellKnown':
    'Source port {port} is the well-known port of {name} (IANA), where its server listens.',
  'port.dst.wellKnown':
    'Destination port {port} is the well-known port of {name} (IANA), where its server listens.',
  'port.src.ephemeral':
    "Source port {port} is an ephemeral port (49152–65535, RFC 6335) the client's system picked.",
  'port.dst.ephemeral':
    "Destination port {port} is an ephemeral port (49152–65535, RFC 6335) the client's system picked.",
  'port.src.other': 'Source port {port} is the port this program uses.',
  'port.dst.other': 'Destination port {port} is the port this program uses.',
  // TCP's flags.
  'flags.prompt': 'Flags: which control bits are set?',
  'flags.none': 'none',
  'flags.rst': 'RST: the sender resets the connection (RFC 9293, section 3.5.2).',
  'flags.synAck':
    'SYN + ACK: the second segment of the three-way handshake, the server accepting the connection and acknowledging its SYN (RFC 9293, section 3.5).',
  'flags.syn':
    'SYN alone: the first segment of the three-way handshake, the client asking to open a connection (RFC 9293, section 3.5).',
  'flags.fin':
    'FIN: the sender has no more data to send and closes its direction of the connection (RFC 9293, section 3.6).',
  'flags.data': {
    one: 'The segment carries {count} byte of data.',
    other: 'The segment carries {count} bytes of data.',
  },
  'flags.dataPsh': {
    one: 'The segment carries {count} byte of data (PSH: hand them to the application now).',
    other: 'The segment carries {count} bytes of data (PSH: hand them to the application now).',
  },
  'flags.dataAck': {
    one: 'The segment carries {count} byte of data and acknowledges what arrived so far.',
    other: 'The segment carries {count} bytes of data and acknowledges what arrived so far.',
  },
  'flags.dataPshAck': {
    one: 'The segment carries {count} byte of data (PSH: hand them to the application now) and acknowledges what arrived so far.',
    other:
      'The segment carries {count} bytes of data (PSH: hand them to the application now) and acknowledges what arrived so far.',
  },
  'flags.ackOnly': 'ACK alone, no data: it only acknowledges what arrived.',
  'flags.noFlag': 'No flag set.',
  // ICMP.
  'icmp.type.prompt': 'Type: which ICMP message is it?',
  'icmp.type.explain':
    'Type {type}: RFC 792 numbers echo request 8, echo reply 0, destination unreachable 3 and time exceeded 11.',
  // The application's message.
  'app.name': 'Application: {protocol}',
  'app.protocol.prompt': 'Application protocol: what does the data hold?',
  'app.kind.http': 'Is it a request or a response?',
  'app.kind.dns': 'Is it a query or a response?',
  'app.kind.ftp': 'Is it a command or a reply?',
  'app.kind.mail': 'Is it a command or a reply?',
  'app.kind.echo': 'Is it a request or a reply?',
  'kind.request': 'request',
  'kind.response': 'response',
  'kind.query': 'query',
  'kind.command': 'command',
  'kind.reply': 'reply',
  'kindWhy.request': 'It is a request: {name}.',
  'kindWhy.response': 'It is a response: {name}.',
  'kindWhy.query': 'It is a query: {name}.',
  'kindWhy.command': 'It is a command: {name}.',
  'kindWhy.reply': 'It is a reply: {name}.',
  'why.http': 'HTTP/1.1 (RFC 9112): the data starts with "{line}".',
  'why.dns.query': 'DNS (RFC 1035): a query.',
  'why.dns.queryFor': 'DNS (RFC 1035): a query for {question}.',
  'why.dns.response': 'DNS (RFC 1035): a response.',
  'why.dns.responseFor': 'DNS (RFC 1035): a response for {question}.',
  'why.ftp': 'FTP (RFC 959): "{line}" on the control connection.',
  'why.smtp': 'SMTP (RFC 5321): "{line}", to or from port 25.',
  'why.pop3': 'POP3 (RFC 1939): "{line}", to or from port 110.',
  'why.mailText': '{protocol}: a piece of a message’s text, between the commands and replies.',
  'why.tls': 'TLS records (RFC 8446): {name}.',
  'why.echo':
    'Echo: the pinger sends some bytes and the echo server sends the same bytes back (port 7, RFC 862).',
  'why.echoRequest': 'A request: the client asks, carrying its request number.',
  'why.echoReply': 'A reply: the server sends back what it received.',
} as const;

/** The quiz's words in every language it speaks. */
export const quizPhrases = new Phrasebook(QUIZ_EN, { de: QUIZ_DE });

/** The quiz's words in one language. */
export type QuizWords = ReturnType<typeof quizPhrases.in>;
