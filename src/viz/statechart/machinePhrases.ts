// The machines' words in every language the page speaks: each state's name and description and
// each transition's label as the statecharts show them, keyed by the English the machines carry
// (`meta.label`, `description`, the charts' own event words). A glossary rather than keys, since
// the words come from machines in other layers; `machineWord` gives the text in a language, the
// text itself where it has no translation. TCP's RFC 9293 words (ESTABLISHED, rcv SYN / snd ACK)
// stay as they are and are not listed. English is the source; the German is in machinePhrases.de.ts.

import { ENGLISH, Phrasebook, type Language } from '../../engine/language.ts';
import { MACHINE_DE } from './machinePhrases.de.ts';

export const MACHINE_EN = {
  'retries run out': 'retries run out',
  'retries run out / snd RST': 'retries run out / snd RST',
  accepted: 'accepted',
  reading: 'reading',
  working: 'working',
  'waiting for I/O': 'waiting for I/O',
  abandoned: 'abandoned',
  refused: 'refused',
  closing: 'closing',
  closed: 'closed',
  'Taken from the accept queue; waiting for a thread.':
    'Taken from the accept queue; waiting for a thread.',
  'Its thread waits for the next request and reads it.':
    'Its thread waits for the next request and reads it.',
  'A request’s CPU part: on the CPU, or ready for it.':
    'A request’s CPU part: on the CPU, or ready for it.',
  'The CPU part is done; the request waits for its I/O.':
    'The CPU part is done; the request waits for its I/O.',
  'The client is gone, but its request is finished for nobody.':
    'The client is gone, but its request is finished for nobody.',
  'Refused over the server’s limits: a “busy” answer, then FIN.':
    'Refused over the server’s limits: a “busy” answer, then FIN.',
  'The server closed its side and waits for the connection to be gone.':
    'The server closed its side and waits for the connection to be gone.',
  'The connection is gone.': 'The connection is gone.',
  'thread takes it, more queued': 'thread takes it, more queued',
  'thread takes it, client closed': 'thread takes it, client closed',
  'thread takes it': 'thread takes it',
  'over the limit': 'over the limit',
  gone: 'gone',
  'part of a request': 'part of a request',
  'keep-alive timeout': 'keep-alive timeout',
  'request read': 'request read',
  'CPU part done': 'CPU part done',
  'reply written, close asked': 'reply written, close asked',
  'reply written, more queued': 'reply written, more queued',
  'reply written, client closed': 'reply written, client closed',
  'reply written': 'reply written',
  'dropped unrun': 'dropped unrun',
  idle: 'idle',
  switching: 'switching',
  running: 'running',
  'No job to run.': 'No job to run.',
  'Saving one process’s context and loading the next one’s (a context switch).':
    'Saving one process’s context and loading the next one’s (a context switch).',
  'Running a job’s CPU burst.': 'Running a job’s CPU burst.',
  'job of another process': 'job of another process',
  'job given': 'job given',
  switched: 'switched',
  preempted: 'preempted',
  'burst done': 'burst done',
  'time slice over': 'time slice over',
  'next job, another process': 'next job, another process',
  'next job, same process': 'next job, same process',
  'waiting to start': 'waiting to start',
  'awaiting the reply': 'awaiting the reply',
  pausing: 'pausing',
  done: 'done',
  'The pinger has not sent its first request yet.':
    'The pinger has not sent its first request yet.',
  'A request has gone; waiting for its reply, or for the timeout.':
    'A request has gone; waiting for its reply, or for the timeout.',
  'Waiting for the interval before the next request.':
    'Waiting for the interval before the next request.',
  'Every request has been sent and answered or given up.':
    'Every request has been sent and answered or given up.',
  'start time': 'start time',
  'reply came': 'reply came',
  'no reply, try again': 'no reply, try again',
  'no reply, give up': 'no reply, give up',
  'interval over': 'interval over',
  'all sent': 'all sent',
  'next at once': 'next at once',
  serving: 'serving',
  'No request to answer.': 'No request to answer.',
  'Working on a request for its service time; others wait in its queue.':
    'Working on a request for its service time; others wait in its queue.',
  'request came': 'request came',
  'answered, more waiting': 'answered, more waiting',
  answered: 'answered',
  connecting: 'connecting',
  sending: 'sending',
  failed: 'failed',
  'The transfer has not started yet.': 'The transfer has not started yet.',
  'Opening a TCP connection to the receiver.': 'Opening a TCP connection to the receiver.',
  'Writing the bytes into the connection.': 'Writing the bytes into the connection.',
  'Closing the connection once the receiver has every byte.':
    'Closing the connection once the receiver has every byte.',
  'Every byte sent.': 'Every byte sent.',
  'The connection failed.': 'The connection failed.',
  connected: 'connected',
  'all written': 'all written',
  'connection failed': 'connection failed',
  starting: 'starting',
  listening: 'listening',
  receiving: 'receiving',
  'Opening its listening socket.': 'Opening its listening socket.',
  'Listening, with no connection open.': 'Listening, with no connection open.',
  'Reading and discarding the bytes of its open connections.':
    'Reading and discarding the bytes of its open connections.',
  'Its socket failed.': 'Its socket failed.',
  'connection came': 'connection came',
  'last one closed': 'last one closed',
  'socket failed': 'socket failed',
  exited: 'exited',
  'No connection to serve.': 'No connection to serve.',
  'Waiting for a request on its connection, and reading it.':
    'Waiting for a request on its connection, and reading it.',
  'Working on a request: running on the CPU, or ready and waiting for a core.':
    'Working on a request: running on the CPU, or ready and waiting for a core.',
  'The request waits for its I/O (a disk, a database).':
    'The request waits for its I/O (a disk, a database).',
  'The thread has ended.': 'The thread has ended.',
  'given a connection': 'given a connection',
  'request to work on': 'request to work on',
  'thread ends': 'thread ends',
  'connection gone': 'connection gone',
  'I/O done, more work': 'I/O done, more work',
  'looking up': 'looking up',
  'logging in': 'logging in',
  visiting: 'visiting',
  thinking: 'thinking',
  'The user has not started yet.': 'The user has not started yet.',
  'Looking up the server’s address (DNS, or at once for an address).':
    'Looking up the server’s address (DNS, or at once for an address).',
  'Sending the login form and waiting for the answer.':
    'Sending the login form and waiting for the answer.',
  'Loading a page and its objects, or sending its queries, and reading the answers.':
    'Loading a page and its objects, or sending its queries, and reading the answers.',
  'Reading what came, before the next visit (the think time).':
    'Reading what came, before the next visit (the think time).',
  'All visits made; its connections closed.': 'All visits made; its connections closed.',
  'A lookup, a login or a visit failed; the user stops.':
    'A lookup, a login or a visit failed; the user stops.',
  'address found, has an account': 'address found, has an account',
  'address found': 'address found',
  'logged in': 'logged in',
  'visit over, more to come': 'visit over, more to come',
  'next visit at once': 'next visit at once',
  'last visit over': 'last visit over',
  'think time over': 'think time over',
  'something failed': 'something failed',
  'sending a command': 'sending a command',
  transferring: 'transferring',
  quitting: 'quitting',
  'The session has not started yet.': 'The session has not started yet.',
  'Opening the control connection and waiting for the server’s greeting.':
    'Opening the control connection and waiting for the server’s greeting.',
  'Sending USER and PASS.': 'Sending USER and PASS.',
  'Sending the next command on the control connection.':
    'Sending the next command on the control connection.',
  'A file goes over a data connection.': 'A file goes over a data connection.',
  'Sending QUIT and waiting for the connection to close.':
    'Sending QUIT and waiting for the connection to close.',
  'The session is over.': 'The session is over.',
  'A command or a connection failed.': 'A command or a connection failed.',
  greeted: 'greeted',
  'logged in, nothing to do': 'logged in, nothing to do',
  'transfer starts': 'transfer starts',
  'done, next command': 'done, next command',
  'last command done': 'last command done',
  'last transfer done': 'last transfer done',
  // The mail client (src/kinds/mail/mailClientMachine.ts).
  waiting: 'waiting',
  fetching: 'fetching',
  'Nothing to send or fetch until the next job comes due.':
    'Nothing to send or fetch until the next job comes due.',
  'Handing a message to its SMTP server: EHLO, MAIL FROM, RCPT TO, DATA, QUIT.':
    'Handing a message to its SMTP server: EHLO, MAIL FROM, RCPT TO, DATA, QUIT.',
  'Fetching its mail from its POP3 server: USER, PASS, STAT, LIST, RETR, DELE, QUIT.':
    'Fetching its mail from its POP3 server: USER, PASS, STAT, LIST, RETR, DELE, QUIT.',
  'message due': 'message due',
  'fetch due': 'fetch due',
  'sent, next message': 'sent, next message',
  'sent, a fetch waits': 'sent, a fetch waits',
  sent: 'sent',
  'fetched, a message waits': 'fetched, a message waits',
  'fetched, another fetch due': 'fetched, another fetch due',
  fetched: 'fetched',
  // The DHCP client of an interface (src/kinds/dhcp/dhcpClientMachine.ts); its RFC 2131 words stay.
  'No address: the client is about to look for a DHCP server.':
    'No address: the client is about to look for a DHCP server.',
  'A DISCOVER has gone out; waiting for a server’s OFFER.':
    'A DISCOVER has gone out; waiting for a server’s OFFER.',
  'It asked for the offered address; waiting for the server’s ACK or NAK.':
    'It asked for the offered address; waiting for the server’s ACK or NAK.',
  'It holds a lease: the interface has its address until T1.':
    'It holds a lease: the interface has its address until T1.',
  'Past T1: it asks its own server to extend the lease.':
    'Past T1: it asks its own server to extend the lease.',
  'Past T2: its server did not answer, so it asks any server.':
    'Past T2: its server did not answer, so it asks any server.',
  'no answer': 'no answer',
  'lease expired': 'lease expired',
} as const;

export const machinePhrases = new Phrasebook(MACHINE_EN, { de: MACHINE_DE });

/** A machine's word (a state name, a description, a transition label) in `language`. */
export function machineWord(text: string, language: Language = ENGLISH): string {
  if (language === ENGLISH || !Object.hasOwn(MACHINE_EN, text)) return text;
  return machinePhrases.in(language).say(text as keyof typeof MACHINE_EN);
}
