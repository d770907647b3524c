// The pinger's and the echo server's words for people in each language: their summary cards and
// their sentences in the event log ("Laptop sends request 1 to Echo server (192.168.1.20:7) in
// packet #1"). pingEchoPhrases.de.ts translates them.

import { Phrasebook } from '../../engine/language.ts';
import { PING_ECHO_DE } from './pingEchoPhrases.de.ts';

export const PING_ECHO_EN = {
  'pinger.kind': 'pinger on {node}',
  'pinger.sent': 'Sent',
  'pinger.retries': 'Retries',
  'pinger.replies': 'Replies',
  'pinger.lost': 'Lost (gave up)',
  'pinger.lateReplies': 'Late replies',
  'pinger.roundTrip': 'Round trip min / mean / max',
  'echo.kind': 'echo server on {node}',
  'echo.served': 'Served',
  'echo.longestQueue': 'Longest queue',
  // The trace's message labels.
  request: 'request {seq}',
  requestRetry: 'request {seq} (retry {attempt})',
  reply: 'reply {seq}',
  replyRetry: 'reply {seq} (retry {attempt})',
  state: '{node}’s {app} app is now {state}.',
  // Each app's phases, as words after "is now".
  'pinger.starting': 'starting',
  'pinger.awaitingReply': 'waiting for a reply',
  'pinger.pausing': 'pausing before the next request',
  'pinger.done': 'done',
  'echo.idle': 'idle, waiting for requests',
  'echo.serving': 'serving a request',
  'app.cannotSend': '{node} cannot send request {seq} to {to}.',
  'app.request': '{node} sends request {seq} to {to} in packet #{pkt}.',
  'app.requestAgain':
    '{node} sends request {seq} to {to} again (retry {attempt}) in packet #{pkt}.',
  'app.timeout': '{node} times out waiting for reply {seq}.',
  'app.timeoutRetry': '{node} times out waiting for reply {seq} and retries.',
  'app.giveUp': '{node} gives up on request {seq}: it counts as lost.',
  'app.reply': '{node} gets reply {seq}: the round trip took {time}.',
  'app.replyUntimed':
    '{node} gets {reply}, which answers an earlier attempt, so its round trip cannot be timed.',
  'app.lateReply': '{node} ignores {reply}: it came too late and is no longer awaited.',
  'app.receive': '{node} receives {request} from {client}.',
  'app.receiveQueued': {
    one: '{node} receives {request} from {client}; {count} request is ahead of it.',
    other: '{node} receives {request} from {client}; {count} requests are ahead of it.',
  },
  'app.serve': '{node} answers {request} from {client} in packet #{pkt}.',
  'app.serveUnsent': '{node} answers {request} from {client}, but the reply cannot be sent.',
} as const;

export const pingEchoPhrases = new Phrasebook(PING_ECHO_EN, { de: PING_ECHO_DE });
