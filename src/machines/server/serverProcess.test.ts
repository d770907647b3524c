// A server process on host B serving a line protocol ("a\n" is a request, answered "ok a\n";
// "bye" asks to close; "bad" costs no work) to clients on host A, each model against hand-worked
// timings, with the connection machine's states read back from the trace.

import { describe, expect, it } from 'vitest';
import { NS_PER_MS } from '../../engine/time.ts';
import { B, twoHosts, type TwoHosts } from '../../../tests/support/tcpNetwork.ts';
import { CpuScheduler } from '../cpu/cpuScheduler.ts';
import type { TcpConnection } from '../tcp/tcpConnection.ts';
import type { ConcurrencyConfig } from './serverConfig.ts';
import { ServerProcess } from './serverProcess.ts';
import type { ServerProtocol, ServerRequest } from './serverProtocol.ts';

const MS = NS_PER_MS;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const lineProtocol: ServerProtocol = {
  open() {
    let buffered = '';
    return {
      receive(bytes) {
        buffered += decoder.decode(bytes);
        const requests: ServerRequest[] = [];
        for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
          const line = buffered.slice(0, end);
          buffered = buffered.slice(end + 1);
          requests.push({
            label: line,
            work: line !== 'bad',
            serve(reply) {
              reply.write(encoder.encode(`ok ${line}\n`));
              reply.end({ status: 200, close: line === 'bye' });
            },
          });
        }
        return requests;
      },
    };
  },
  refusal: () => encoder.encode('busy\n'),
};

interface Setup {
  concurrency?: Partial<ConcurrencyConfig>;
  cpuMs?: number;
  ioMs?: number;
  cores?: number;
  keepAliveMs?: number;
  switchMs?: number;
}

function server(setup: Setup = {}) {
  const net = twoHosts({ link: { delay: 100_000 } }); // 0.1 ms each way
  const cpu = new CpuScheduler(net.sim, 'B', {
    cores: setup.cores ?? 1,
    contextSwitch: (setup.switchMs ?? 0) * MS,
  });
  const process = new ServerProcess(net.sim, net.b.tcp, cpu, lineProtocol, {
    node: 'B',
    app: 'web',
    port: 80,
    backlog: 16,
    concurrency: {
      model: 'threadPerConnection',
      limit: 64,
      overLimit: 'queue',
      queueLimit: 16,
      ...setup.concurrency,
    },
    service: {
      cpu: { kind: 'constant', value: (setup.cpuMs ?? 10) * MS },
      ...(setup.ioMs ? { io: { kind: 'constant', value: setup.ioMs * MS } } : {}),
    },
    keepAliveTimeout: (setup.keepAliveMs ?? 1000) * MS,
    priority: 0,
  });
  expect(process.start().ok).toBe(true);
  return { net, process };
}

/** A client on A: sends `lines` once connected, then does what `then` says; closes after the server. */
function client(net: TwoHosts, lines: string[], then: (c: TcpConnection) => void = () => {}) {
  const opened = net.a.tcp.connect(B, 80);
  if (!opened.ok) throw new Error(opened.error);
  const conn = opened.value;
  const got: string[] = [];
  conn.handlers.onConnect = () => {
    conn.send(encoder.encode(lines.map((l) => `${l}\n`).join('')));
    then(conn);
  };
  conn.handlers.onData = (bytes) => got.push(decoder.decode(bytes));
  conn.handlers.onEnd = () => {
    got.push('<FIN>');
    if (conn.state === 'CLOSE-WAIT') conn.close();
  };
  conn.handlers.onError = (error) => got.push(`<${error}>`);
  return { conn, got, name: () => `10.0.0.1:${conn.localPort}` };
}

/** The server-side states of the connection from `name`, as traced. */
function states(net: TwoHosts, name: string): string[] {
  return net.sim.trace
    .ofType('server.conn')
    .filter((r) => r.conn === name)
    .map((r) => r.state);
}

const latenciesMs = (net: TwoHosts) =>
  net.sim.trace.ofType('server.reply').map((r) => Math.round(r.latency / MS));

describe('ServerProcess', () => {
  it('a client that closes while its request is in work gets the reply, then the FIN', () => {
    const { net } = server();
    const c = client(net, ['a'], (conn) => conn.close());
    net.sim.run({ until: 100 * MS });
    expect(c.got.join('')).toBe('ok a\n<FIN>');
    const kinds = net.sim.trace.records
      .filter((r) => r.type === 'server.reply' || r.type === 'server.close')
      .map((r) => (r.type === 'server.close' ? `close:${r.reason}` : r.type));
    expect(kinds).toEqual(['server.reply', 'close:peerClosed']);
    expect(states(net, c.name())).toEqual(['accepted', 'reading', 'working', 'closing', 'closed']);
  });

  it('serves pipelined requests in order, then closes on "bye" (Connection: close)', () => {
    const { net } = server({ ioMs: 5 });
    const c = client(net, ['a', 'bad', 'b', 'bye', 'c']);
    // The server closes first, so its end of the connection is gone after TIME-WAIT (60 s).
    net.sim.run({ until: 61_000 * MS });
    expect(c.got.join('')).toBe('ok a\nok bad\nok b\nok bye\n<FIN>');
    expect(net.sim.trace.ofType('server.work').map((r) => r.req)).toEqual([1, 3, 4]);
    expect(net.sim.trace.ofType('server.close').map((r) => r.reason)).toEqual(['done']);
    expect(states(net, c.name())).toEqual([
      'accepted',
      'reading',
      'working',
      'waitingForIo',
      'working',
      'waitingForIo',
      'working',
      'waitingForIo',
      'closing',
      'closed',
    ]);
  });

  it('closes a connection left idle for the keep-alive timeout', () => {
    const { net } = server({ keepAliveMs: 50 });
    const c = client(net, ['a']);
    net.sim.run({ until: 200 * MS });
    const close = net.sim.trace.ofType('server.close');
    expect(close.map((r) => r.reason)).toEqual(['idle']);
    // Read at 0.502 ms: the client's ARP request and B's reply (64-byte frames, 0.1 ms + 512 ns
    // each way: 0.2001 ms), then SYN, SYN+ACK and the ACK with the request behind it (64-byte
    // frames too: 0.3015 ms and 512 ns more); replied at 10.502 ms, closed 50 ms later: 60.502.
    expect(Math.round((close[0]?.t ?? 0) / MS)).toBe(61);
    expect(c.got.join('')).toBe('ok a\n<FIN>');
  });

  it('an event loop runs one CPU part at a time, even on two cores: 10, 20, 30 ms', () => {
    const loop = server({ cores: 2, concurrency: { model: 'eventLoop', limit: 100 } });
    for (const line of ['a', 'b', 'c']) client(loop.net, [line]);
    loop.net.sim.run({ until: 100 * MS });
    expect(latenciesMs(loop.net)).toEqual([10, 20, 30]);
    // Threads share the two cores: 10, 10, 20 ms.
    const threads = server({ cores: 2 });
    for (const line of ['a', 'b', 'c']) client(threads.net, [line]);
    threads.net.sim.run({ until: 100 * MS });
    expect(latenciesMs(threads.net)).toEqual([10, 10, 20]);
  });

  it('a thread’s requests need no context switch between them; other threads’ do', () => {
    // One core, a 1 ms switch, three clients whose requests (10 ms of CPU each) arrive together.
    // Event loop: one thread runs all three, one after another, as one process: the first is the
    // core's first job (no switch), the next two are the same thread's: 0 switches, latencies
    // 10, 20, 30 ms.
    const loop = server({ switchMs: 1, concurrency: { model: 'eventLoop', limit: 100 } });
    for (const line of ['a', 'b', 'c']) client(loop.net, [line]);
    loop.net.sim.run({ until: 100 * MS });
    expect(loop.net.sim.trace.ofType('cpu.switch')).toHaveLength(0);
    expect(latenciesMs(loop.net)).toEqual([10, 20, 30]);
    // A thread per connection: t1 runs at once (10 ms), then a switch to t2 (1 ms) and its 10 ms,
    // then a switch to t3: latencies 10, 21, 32 ms, 2 switches.
    const threads = server({ switchMs: 1 });
    for (const line of ['a', 'b', 'c']) client(threads.net, [line]);
    threads.net.sim.run({ until: 100 * MS });
    expect(threads.net.sim.trace.ofType('cpu.switch').map((r) => r.job)).toEqual([
      'web/t2#2',
      'web/t3#3',
    ]);
    expect(latenciesMs(threads.net)).toEqual([10, 21, 32]);
    // One connection sending a, then b after its reply: its thread t1 runs both, no switch.
    const one = server({ switchMs: 1 });
    client(one.net, ['a'], (conn) => {
      const read = conn.handlers.onData;
      conn.handlers.onData = (bytes) => {
        read?.(bytes);
        if (decoder.decode(bytes) === 'ok a\n') conn.send(encoder.encode('b\n'));
      };
    });
    one.net.sim.run({ until: 100 * MS });
    expect(one.net.sim.trace.ofType('cpu.dispatch').map((r) => r.job)).toEqual([
      'web/t1#1',
      'web/t1#2',
    ]);
    expect(one.net.sim.trace.ofType('cpu.switch')).toHaveLength(0);
  });

  it('an event loop overlaps I/O and drops the work of a connection reset while it waited', () => {
    const { net } = server({ ioMs: 100, concurrency: { model: 'eventLoop', limit: 100 } });
    client(net, ['a']);
    const reset = client(net, ['b'], (conn) => net.sim.schedule(5 * MS, () => conn.abort()));
    client(net, ['c']);
    net.sim.run({ until: 300 * MS });
    // b's CPU part never runs: a's 10 ms, then c's; each then waits 100 ms for its I/O.
    expect(net.sim.trace.ofType('cpu.dispatch').map((d) => d.job)).toEqual([
      'web/loop#1',
      'web/loop#3',
    ]);
    expect(latenciesMs(net)).toEqual([110, 120]);
    expect(states(net, reset.name())).toEqual([
      'accepted',
      'reading',
      'working',
      'abandoned',
      'closed',
    ]);
  });

  it('a worker pool queues connections for its workers and refuses past its queue', () => {
    const { net } = server({
      concurrency: { model: 'workerPool', limit: 1, queueLimit: 1, overLimit: 'refuse' },
    });
    const done = (conn: TcpConnection) => {
      const read = conn.handlers.onData;
      conn.handlers.onData = (bytes) => {
        read?.(bytes);
        conn.close();
      };
    };
    const first = client(net, ['a'], done);
    const second = client(net, ['b'], done);
    const third = client(net, ['c']);
    net.sim.run({ until: 61_000 * MS });
    expect(net.sim.trace.ofType('server.refuse').map((r) => r.reason)).toEqual(['pool queue full']);
    expect(third.got.join('')).toBe('busy\n<FIN>');
    expect(states(net, third.name())).toEqual(['accepted', 'refused', 'closed']);
    expect(net.sim.trace.ofType('server.wait').map((w) => `${w.conn} ${w.where}`)).toEqual([
      `${second.name()} pool`,
    ]);
    // The second waits for w1 until the first client closes (reply at 10.3 ms, FIN back 0.1 ms
    // later), then is served: 10 ms of CPU after its wait.
    expect(states(net, second.name())).toEqual([
      'accepted',
      'working',
      'reading',
      'closing',
      'closed',
    ]);
    expect(first.got.join('')).toBe('ok a\n<FIN>');
    expect(net.sim.trace.ofType('server.accept').map((a) => a.worker)).toEqual(['w1', 'w1']);
  });

  it('a reset in the middle of a request: the worker finishes it before the next connection', () => {
    const { net } = server({ concurrency: { model: 'workerPool', limit: 1, queueLimit: 4 } });
    const reset = client(net, ['a'], (conn) => net.sim.schedule(5 * MS, () => conn.abort()));
    client(net, ['b']);
    net.sim.run({ until: 100 * MS });
    const accepts = net.sim.trace.ofType('server.accept');
    const replies = net.sim.trace.ofType('server.reply');
    // The abandoned request is still worked on and "answered" at 10.3 ms; only then is w1 free.
    expect(replies.map((r) => r.req)).toEqual([1, 2]);
    expect(accepts[1]?.t).toBe(replies[0]?.t);
    expect(states(net, reset.name())).toEqual([
      'accepted',
      'reading',
      'working',
      'abandoned',
      'closed',
    ]);
  });

  it('single: after a reset mid-request the next connection waits until the thread is free', () => {
    const { net } = server({ concurrency: { model: 'single' } });
    client(net, ['a'], (conn) => net.sim.schedule(5 * MS, () => conn.abort()));
    const next = client(net, ['b']);
    net.sim.run({ until: 100 * MS });
    const replies = net.sim.trace.ofType('server.reply');
    expect(replies.map((r) => r.req)).toEqual([1, 2]);
    expect(net.sim.trace.ofType('server.accept')[1]?.t).toBe(replies[0]?.t);
    // It waits in the kernel's accept queue, not taken early with no thread to serve it.
    expect(new Set(net.sim.trace.ofType('server.wait').map((w) => w.where))).toEqual(
      new Set(['backlog']),
    );
    expect(states(net, next.name()).slice(0, 3)).toEqual(['accepted', 'reading', 'working']);
    expect(next.got.join('')).toBe('ok b\n');
  });
});
