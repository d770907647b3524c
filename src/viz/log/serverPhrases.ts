// The event log's sentences for the CPU scheduler and server processes (narrateServers.ts) and
// for the users of client apps (narrateUsers.ts). German in serverPhrases.de.ts.

import { Phrasebook } from '../../engine/language.ts';
import { SERVER_DE } from './serverPhrases.de.ts';

export const SERVER_EN = {
  'worker.idle': 'idle, waiting for a connection',
  'worker.reading': 'reading a request',
  'worker.working': 'working on the CPU',
  'worker.waitingForIo': 'waiting for I/O (disk or database)',
  'worker.exited': 'finished: the thread exits',
  'conn.accepted': 'taken from the accept queue, waiting for a thread',
  'conn.reading': 'waiting for a request',
  'conn.working': 'having a request worked on',
  'conn.waitingForIo': 'waiting for its request’s I/O',
  'conn.abandoned': 'abandoned by its client: the request in work is finished for nobody',
  'conn.refused': 'refused',
  'conn.closing': 'closing',
  'conn.closed': 'closed',
  'status.none': 'a reply',
  'status.code': 'status {code}',
  'cpu.arrive': 'CPU of {node}: {job} joins the ready queue, needing {burst} of CPU.',
  'cpu.switch': 'CPU of {node}: core {core} starts a context switch to {job}.',
  'cpu.dispatch': 'CPU of {node}: {job} runs on core {core} ({remaining} of its burst left).',
  'cpu.preempt.quantum':
    'CPU of {node}: {job} is preempted after its {ran} quantum; {left} of its burst remain, back to the ready queue.',
  'cpu.preempt.quantumEnded':
    'CPU of {node}: {job} is preempted its time quantum ran out; {left} of its burst remain, back to the ready queue.',
  'cpu.preempt.priority':
    'CPU of {node}: {job} is preempted: a job of higher priority is ready{early}; {left} of its burst remain, back to the ready queue.',
  'cpu.preempt.shorter':
    'CPU of {node}: {job} is preempted: a job with a shorter remaining time is ready{early}; {left} of its burst remain, back to the ready queue.',
  'cpu.preempt.early': ' as its context switch ends, before it has run',
  'cpu.block': 'CPU of {node}: {job} leaves core {core} to wait {io} for I/O.',
  'cpu.wake': 'CPU of {node}: {job}’s I/O is done.',
  'cpu.complete': 'CPU of {node}: {job} finishes on core {core}.',
  'server.accept': '{node}: {app} gives the connection from {peer} to worker {worker}.',
  'server.wait.pool':
    '{node}: every {app} worker is busy, so the connection from {peer} waits ({waiting} waiting).',
  'server.wait.backlog': {
    one: '{node}: {app} is at its limit; {count} connection waits in the kernel’s accept queue.',
    other: '{node}: {app} is at its limit; {count} connections wait in the kernel’s accept queue.',
  },
  'server.refuse': '{node}: {app} refuses the connection from {peer} ({reason}).',
  'server.request': '{node}: {app} receives request {req}, {label}.',
  'server.limit.client':
    '{node}: {peer} is over {app}’s rate limit (no token left in its bucket), so request {req} is answered {status} at once, without work.',
  'server.limit.all':
    '{node}: {app} is over its rate limit for all clients (no token left in the bucket), so request {req} from {peer} is answered {status} at once, without work.',
  'server.work': '{node}: worker {worker} starts {label} (request {req}).',
  'server.work.unlabelled': '{node}: worker {worker} starts request {req}.',
  'server.reply': '{node}: {app} answers {label} with {status}, {latency} after it arrived.',
  'server.reply.unlabelled':
    '{node}: {app} answers request {req} with {status}, {latency} after it arrived.',
  'server.close': '{node}: {app} closes the connection from {peer}{why}.',
  'server.close.idle': ' after it stayed idle too long',
  'server.close.peerClosed': ' because the client closed it',
  'server.conn': '{node}: the {app} connection from {peer} is {state}.',
  'server.worker': '{node}: {app} worker {worker} is {state}.',
  'user.waiting': 'waiting to start',
  'user.resolving': 'looking up the server’s address',
  'user.loggingIn': 'logging in',
  'user.visiting': 'visiting',
  'user.thinking': 'thinking before its next visit',
  'user.done': 'done with its visits',
  'user.failed': 'stopped by an error',
  'user.app': '{app} app',
  'user.user': '{app} user {user}',
  'user.state': '{node}’s {user} is now {state}.',
  'user.visit': '{node}’s {user} starts visit {visit}.',
  'retry.wait':
    '{node}’s {user}: request {req} for {target} failed ({reason}); it tries again in {delay}, try {attempt} of {attempts}.',
  'retry.waitAsked':
    '{node}’s {user}: request {req} for {target} failed ({reason}); it tries again in {delay}, as the server asked, try {attempt} of {attempts}.',
  'retry.giveUp': '{node}’s {user} gives up on {target} after {attempts} tries ({reason}).',
  'retry.recovered': '{node}’s {user} gets its answer for {target} on try {attempt}.',
} as const;

export const serverPhrases = new Phrasebook(SERVER_EN, { de: SERVER_DE });
