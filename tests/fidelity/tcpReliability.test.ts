// Property: TCP delivers every byte exactly once, in order and intact, and both ends close with the
// FIN handshake, over a link that loses, duplicates and reorders packets (DESIGN.md section 8).
// Re-run with another fast-check seed: TCP_PROPERTY_SEED=123 npx vitest run <this file>
// (TCP_PROPERTY_RUNS=n changes the number of runs per property).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NS_PER_MS, NS_PER_S } from '../../src/engine/time.ts';
import type { TcpConnection } from '../../src/machines/tcp/tcpConnection.ts';
import { B, twoHosts, type TwoHosts } from '../support/tcpNetwork.ts';
import { carriesIp } from '../../src/net/link/linkRecords.ts';

const FC_SEED = Number(process.env.TCP_PROPERTY_SEED ?? 9293);
const RUNS = Number(process.env.TCP_PROPERTY_RUNS ?? 200);
const PORT = 80;
/**
 * fast-check shrinks a failure to a smaller case; a hung case can cost seconds per try, so the
 * whole property (runs and shrinking) stops after this long and reports the smallest case so far.
 */
const TIME_LIMIT_MS = 45_000;
/** Generous bounds: a run that is still going after these has hung. */
const UNTIL = 6 * 3600 * NS_PER_S;
const MAX_EVENTS = 3_000_000;

/** One write of the application: `size` bytes, `gapMs` after the previous write. */
interface Write {
  size: number;
  gapMs: number;
}

/** What one side sends: the stream's length, a seed for its bytes, and how the app writes it. */
interface Stream {
  length: number;
  dataSeed: number;
  writes: Write[];
}

interface Case {
  simSeed: number;
  link: {
    loss: number;
    duplicate: number;
    reorder: { probability: number; extraDelay: number };
    delay: number;
    bandwidth: number;
    queue?: { packets: number };
  };
  sendBuffer: number;
  issA: number;
  issB: number;
  /**
   * When B closes: `afterPeer` once A's FIN arrived (B is the passive closer), `whenDone` as soon
   * as it has written everything (the FINs may cross: a simultaneous close).
   */
  closeB: 'afterPeer' | 'whenDone';
  /** How long B's application takes to accept the connection once it is queued. */
  acceptDelayMs: number;
  aToB: Stream;
  bToA: Stream;
}

/** Deterministic bytes for a stream (xorshift32), so a failure can be rebuilt from its case. */
function streamBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed | 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

/**
 * A probability in [0, 0.3], uniform in steps of 0.001 (fast-check's default bias towards
 * extremes would make nearly every run lossless), or exactly 0 one time in four.
 */
const probability = fc.oneof(
  { arbitrary: fc.noBias(fc.integer({ min: 0, max: 300 })).map((n) => n / 1000), weight: 3 },
  { arbitrary: fc.constant(0), weight: 1 },
);
/** Initial sequence numbers, often just below 2^32 so the sequence space wraps mid-transfer. */
const iss = fc.oneof(
  fc.nat({ max: 0xffff_ffff }),
  fc.integer({ min: 0xffff_0000, max: 0xffff_ffff }),
);
const writes = fc.array(
  fc.record({
    size: fc.oneof(fc.integer({ min: 1, max: 1460 }), fc.integer({ min: 1, max: 40_000 })),
    gapMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })),
  }),
  { minLength: 1, maxLength: 12 },
);
const stream = (maxLength: number): fc.Arbitrary<Stream> =>
  fc.record({
    length: fc.oneof(
      fc.integer({ min: 0, max: 3000 }),
      fc.noBias(fc.integer({ min: 0, max: maxLength })),
    ),
    dataSeed: fc.integer(),
    writes,
  });
const noStream: Stream = { length: 0, dataSeed: 1, writes: [{ size: 1, gapMs: 0 }] };

const caseArb = (bidirectional: boolean, maxLength: number): fc.Arbitrary<Case> =>
  fc.record({
    simSeed: fc.nat(),
    link: fc.record(
      {
        loss: probability,
        duplicate: probability,
        reorder: fc.record({
          probability,
          extraDelay: fc.noBias(fc.integer({ min: 0, max: 30 * NS_PER_MS })),
        }),
        delay: fc.noBias(fc.integer({ min: 100_000, max: 60 * NS_PER_MS })),
        bandwidth: fc.constantFrom(1e6, 10e6, 100e6, 1e9),
        queue: fc.record({ packets: fc.integer({ min: 2, max: 100 }) }),
      },
      { requiredKeys: ['loss', 'duplicate', 'reorder', 'delay', 'bandwidth'] },
    ),
    sendBuffer: fc.constantFrom(2048, 16 * 1024, 64 * 1024, 256 * 1024),
    issA: iss,
    issB: iss,
    closeB: bidirectional
      ? fc.constantFrom<Case['closeB']>('afterPeer', 'whenDone')
      : fc.constant<Case['closeB']>('afterPeer'),
    // Bytes that arrive before the accept wait in B's receive buffer; a long wait closes the
    // window, so A must probe it (persist timer) if B's window update is lost.
    acceptDelayMs: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 50 }),
      fc.integer({ min: 1000, max: 8000 }),
    ),
    aToB: stream(maxLength),
    bToA: bidirectional ? stream(maxLength) : fc.constant(noStream),
  });

/** One side's application: writes its stream as the case says, records what it reads. */
class App {
  readonly bytes: Uint8Array;
  received: Uint8Array[] = [];
  ends = 0;
  closes = 0;
  errors: string[] = [];
  written = 0;
  allWritten = false;
  private next = 0;
  private waiting = false;

  constructor(
    private readonly net: TwoHosts,
    private readonly spec: Stream,
    /** Called once every byte is handed to the socket. */
    private readonly done: () => void,
  ) {
    this.bytes = streamBytes(spec.length, spec.dataSeed);
  }

  attach(connection: TcpConnection): void {
    const h = connection.handlers;
    h.onData = (bytes) => this.received.push(bytes.slice());
    h.onEnd = () => this.ends++;
    h.onClose = () => this.closes++;
    h.onError = (error) => this.errors.push(error);
    h.onDrain = () => {
      if (this.waiting) {
        this.waiting = false;
        this.write(connection);
      }
    };
  }

  /** Starts writing: each write after its gap; a full send buffer waits for onDrain. */
  start(connection: TcpConnection): void {
    this.schedule(connection);
  }

  private schedule(connection: TcpConnection): void {
    if (this.written >= this.bytes.length) {
      if (!this.allWritten) {
        this.allWritten = true;
        this.done();
      }
      return;
    }
    const w = this.spec.writes[this.next++ % this.spec.writes.length] as Write;
    this.net.sim.schedule(w.gapMs * NS_PER_MS, () => this.write(connection, w.size));
  }

  private pending = 0;

  private write(connection: TcpConnection, size?: number): void {
    if (size !== undefined) this.pending = Math.min(size, this.bytes.length - this.written);
    while (this.pending > 0) {
      if (connection.writable === 0) {
        this.waiting = true; // onDrain resumes
        return;
      }
      const result = connection.send(
        this.bytes.subarray(this.written, this.written + this.pending),
      );
      if (!result.ok) {
        this.errors.push(`send: ${result.error}`);
        return;
      }
      this.written += result.value;
      this.pending -= result.value;
    }
    this.schedule(connection);
  }

  /** Everything it read, joined. */
  joined(): Uint8Array {
    const total = this.received.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const chunk of this.received) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

/** The first index where two byte arrays differ, or -1. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/** Runs one case and checks every promise of the property; throws with a readable message. */
function runCase(c: Case): void {
  const net = twoHosts({
    seed: c.simSeed,
    link: c.link,
    issA: [c.issA],
    issB: [c.issB],
    // Losses up to 30% in both directions: raise the give-up limits so that the property is about
    // delivery, not about how long TCP keeps trying (7 SYNs all failing happens at 0.51^7 ~ 1%).
    // TIME-WAIT (2 MSL = 10 min) outlasts the longest RTO (60 s), so the passive closer's FIN
    // retransmissions always find the active closer still in TIME-WAIT to acknowledge them.
    tcp: { synRetries: 40, retries: 40, msl: 300 * NS_PER_S, sendBuffer: c.sendBuffer },
  });
  let connB: TcpConnection | undefined;
  // B closes once it has written everything and (unless `whenDone`) has seen A's FIN.
  const closeB = (): void => {
    if (appB.allWritten && (c.closeB === 'whenDone' || appB.ends > 0)) connB?.close();
  };
  const appB: App = new App(net, c.bToA, closeB);

  const listener = net.b.tcp.listen(PORT);
  if (!listener.ok) throw new Error(`listen: ${listener.error}`);
  listener.value.onConnection = (l) => {
    net.sim.schedule(c.acceptDelayMs * NS_PER_MS, () => {
      const accepted = l.accept();
      if (!accepted.ok) throw new Error(`accept: ${accepted.error}`);
      connB = accepted.value;
      appB.attach(connB);
      const onEnd = connB.handlers.onEnd;
      connB.handlers.onEnd = () => {
        onEnd?.();
        closeB();
      };
      appB.start(connB);
    });
  };
  const opened = net.a.tcp.connect(B, PORT);
  if (!opened.ok) throw new Error(`connect: ${opened.error}`);
  const connA = opened.value;
  // A closes as soon as it has written everything.
  const appA = new App(net, c.aToB, () => connA.close());
  appA.attach(connA);
  connA.handlers.onConnect = () => appA.start(connA);

  const run = net.sim.run({ until: UNTIL, maxEvents: MAX_EVENTS });
  const trace = net.sim.trace;

  // Time never goes backwards.
  for (let i = 1; i < trace.length; i++) {
    if (trace.timeAt(i) < trace.timeAt(i - 1))
      throw new Error(
        `trace time goes back at record ${i}: ${trace.timeAt(i - 1)} -> ${trace.timeAt(i)}`,
      );
  }

  const states = trace.ofType('socket.state').filter((r) => r.conn !== `*:${PORT}`);
  const statesOf = (node: string) => states.filter((r) => r.node === node).map((r) => r.state);
  const aStates = statesOf('A');
  const bStates = statesOf('B');
  const finished =
    aStates.at(-1) === 'CLOSED' &&
    bStates.at(-1) === 'CLOSED' &&
    appA.closes === 1 &&
    appB.closes === 1;
  const gotB = appB.joined();
  const gotA = appA.joined();
  if (!finished) {
    throw new Error(
      `transfer did not finish (run stopped: ${run.reason} at ${run.now} ns after ${run.events} events): ` +
        `A ${aStates.join('>')}, B ${bStates.join('>')}; ` +
        `B read ${gotB.length}/${appA.bytes.length} bytes (A wrote ${appA.written}), ` +
        `A read ${gotA.length}/${appB.bytes.length} (B wrote ${appB.written}); ` +
        `errors A [${appA.errors.join(',')}] B [${appB.errors.join(',')}]`,
    );
  }

  // No error anywhere: not in the apps' handlers, not in the trace.
  expect(appA.errors).toEqual([]);
  expect(appB.errors).toEqual([]);
  expect(trace.ofType('socket.error').map((r) => `${r.t} ${r.node} ${r.op} ${r.error}`)).toEqual(
    [],
  );
  // Each side saw the end of the other's stream exactly once.
  expect(appB.ends).toBe(1);
  expect(appA.ends).toBe(1);

  // Every byte exactly once, in order and intact, in both directions.
  for (const [what, got, sent] of [
    ['A to B', gotB, appA.bytes],
    ['B to A', gotA, appB.bytes],
  ] as const) {
    const at = firstDifference(got, sent);
    if (at >= 0)
      throw new Error(
        `${what}: received ${got.length} of ${sent.length} bytes, first difference at byte ${at}`,
      );
  }

  // A clean close: the FIN handshake. The only RSTs allowed answer a stray segment (a duplicated
  // or late ACK) that reaches a side whose connection is already CLOSED (RFC 9293 3.10.7.1);
  // no connection itself sends RST.
  const current = new Map<string, string>();
  const badRst: string[] = [];
  for (let i = 0; i < trace.length; i++) {
    const r = trace.get(i);
    if (r.type === 'socket.state' && r.conn !== `*:${PORT}`) current.set(r.node, r.state);
    else if (
      r.type === 'link.txBegin' &&
      carriesIp(r) &&
      r.packet.transport.kind === 'tcp' &&
      r.packet.transport.flags.rst &&
      current.get(r.node) !== 'CLOSED'
    )
      badRst.push(`${r.node} sent RST at ${r.t} ns in ${current.get(r.node) ?? 'no state'}`);
  }
  expect(badRst).toEqual([]);
  // A side that closed before the peer's FIN arrived (FIN-WAIT-1) is an active closer: it ends
  // through TIME-WAIT, for at least 2 MSL (restarted by each retransmitted FIN it acknowledges).
  // The other is the passive closer: CLOSE-WAIT, LAST-ACK, CLOSED.
  for (const node of ['A', 'B']) {
    const records = states.filter((r) => r.node === node);
    const path = records.map((r) => r.state);
    if (path.includes('FIN-WAIT-1')) {
      expect(path.slice(-2), `${node}: ${path.join('>')}`).toEqual(['TIME-WAIT', 'CLOSED']);
      const timeWait = records.at(-2)?.t ?? 0;
      expect((records.at(-1)?.t ?? 0) - timeWait).toBeGreaterThanOrEqual(600 * NS_PER_S);
    } else {
      expect(path.slice(-3), `${node}: ${path.join('>')}`).toEqual([
        'CLOSE-WAIT',
        'LAST-ACK',
        'CLOSED',
      ]);
    }
  }
  // Unless B may close early, A (which closes as soon as it has written) is the active closer.
  if (c.closeB === 'afterPeer') expect(aStates).toContain('TIME-WAIT');
}

describe('TCP reliability over a lossy, duplicating, reordering link (property)', () => {
  it('A sends to B: every byte once, in order, intact; FIN handshake; no errors', () => {
    fc.assert(
      fc.property(caseArb(false, 200_000), (c) => runCase(c)),
      { seed: FC_SEED, numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it('A and B send to each other at once: both streams arrive whole; FIN handshake', () => {
    fc.assert(
      fc.property(caseArb(true, 120_000), (c) => runCase(c)),
      { seed: FC_SEED + 1, numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });
});
