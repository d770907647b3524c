// The event log's own words (src/engine/language.ts): the run, app and socket sentences of
// narrate.ts, what an unknown record's fields are called, errno meanings and message names
// (sentenceParts.ts), and the log's labels for people (filters, conversations, the live region).
// German in narratePhrases.de.ts; the packet, TCP and server sentences have their own phrasebooks.

import { Phrasebook } from '../../engine/language.ts';
import { NARRATE_DE } from './narratePhrases.de.ts';

export const NARRATE_EN = {
  'sim.start': 'The simulation of “{scenario}” starts with seed {seed}.',
  // English says “events” even for one (as it always has); other languages choose.
  'sim.end': { other: 'The run ends because {why}, after {count} events.' },
  'stop.empty': 'nothing was left to do',
  'stop.until': 'it reached the time limit',
  'stop.maxEvents': 'it hit the event limit (the run may be unbounded)',
  'stop.stopped': 'it was stopped',
  'app.state': '{node}’s {app} app is now {state}.',
  'app.error': '{node}’s {app} app: {op} fails with {error}.',
  'socket.bind': '{node} opens a {protocol} socket on port {port}.',
  'socket.release': '{node} closes its {protocol} socket on port {port}.',
  'socket.error': '{node}: {op} on socket “{socket}” fails with {error}.',
  'unknown.packet': 'packet #{pkt}',
  'unknown.bytes': { other: '{key} {count} bytes' },
  'unknown.node': 'node {name}',
  'errno.EADDRINUSE': 'the port is already in use',
  'errno.EADDRNOTAVAIL': 'no free port is left, or the address is not this node’s',
  'errno.ECONNREFUSED':
    'nobody is listening on that port (the peer answered with RST or ICMP port unreachable)',
  'errno.ECONNRESET': 'the peer reset the connection',
  'errno.ETIMEDOUT': 'the peer did not answer in time',
  'errno.ENOTCONN': 'the socket is not connected',
  'errno.EISCONN': 'the socket is already connected',
  'errno.EPIPE': 'the connection is closed for sending',
  'errno.EBADF': 'the socket is closed',
  'errno.EINVAL': 'the call does not fit the socket’s state or its arguments are wrong',
  'errno.EMSGSIZE': 'the datagram is too large',
  'errno.EHOSTUNREACH': 'no route to the host',
  'errno.EAGAIN': 'the buffer is full; try again when it drains',
  'message.request': 'request {seq}',
  'message.reply': 'reply {seq}',
  'message.retry': '{message} (retry {attempt})',
  'filter.tcp': 'TCP',
  'filter.udp': 'UDP',
  'filter.icmp': 'ICMP',
  'filter.app': 'Applications',
  'filter.link': 'Links and queues',
  'group.packets': 'Packets',
  'group.drops': 'Drops, losses and timeouts',
  'group.states': 'State changes',
  'group.errors': 'Errors',
  'live.many': '{count} new events up to {time}; the latest: {latest}',
  'conversation.tcp': 'TCP',
  'conversation.udp': 'UDP',
  'conversation.icmp': 'ICMP echo',
  'conversation.id': '{protocol}, id {id}',
} as const;

export const narratePhrases = new Phrasebook(NARRATE_EN, { de: NARRATE_DE });
