// Property: a SendBuffer and a ReceiveBuffer (with Reno choosing cwnd) deliver every byte once, in
// order and intact, and end with the FIN, over a channel that loses, duplicates and reorders.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SendBuffer } from './sendBuffer.ts';
import type { OutgoingSegment } from './segment.ts';
import { ReceiveBuffer } from './receiveBuffer.ts';
import { RenoCongestion } from './renoCongestion.ts';
import { seqAdd } from './seq.ts';

type Packet =
  { to: 'receiver'; segment: OutgoingSegment } | { to: 'sender'; ack: number; window: number };

/** What the channel does next to the packet at `pick` (modulo the packets in flight). */
type Action = { op: 'deliver' | 'drop' | 'duplicate' | 'timeout'; pick: number };

const PEER_ISS = 777; // the receiver sends no data, so every ACK carries SEG.SEQ = 778
const STEP_LIMIT = 200_000;

interface Setup {
  iss: number;
  stream: Uint8Array;
  sendCapacity: number;
  receiveCapacity: number;
  mss: number;
  writeChunk: number;
  readChunk: number;
  script: Action[];
}

function run(setup: Setup): { received: Uint8Array; steps: number } {
  const { stream, mss } = setup;
  const send = new SendBuffer({ iss: setup.iss, capacity: setup.sendCapacity });
  const reno = new RenoCongestion({ smss: mss });
  const channel: Packet[] = [];
  // The handshake, without the channel: SYN out, receiver created, SYN acknowledged.
  send.sendSyn();
  const rx = new ReceiveBuffer({ irs: setup.iss, capacity: setup.receiveCapacity });
  send.onAck({ seq: PEER_ISS + 1, ack: rx.rcvNxt, window: rx.window });

  const received = new Uint8Array(stream.length);
  let readSoFar = 0;
  let written = 0;
  let step = 0;
  const appRead = (max: number): void => {
    const chunk = rx.read(max);
    // In order and intact: each chunk continues exactly where the last one stopped.
    expect(readSoFar + chunk.length).toBeLessThanOrEqual(stream.length);
    expect(chunk).toEqual(stream.subarray(readSoFar, readSoFar + chunk.length));
    received.set(chunk, readSoFar);
    readSoFar += chunk.length;
  };
  const ackNow = (): void => {
    channel.push({ to: 'sender', ack: rx.rcvNxt, window: rx.window });
  };

  while (!(send.finAcked && rx.finReceived)) {
    if (++step > STEP_LIMIT) throw new Error('no progress');
    if (!send.isClosed) {
      written += send.write(stream.subarray(written, written + setup.writeChunk));
      if (written === stream.length) send.close();
    }
    for (let s = send.nextSegment(reno.cwnd, mss); s; s = send.nextSegment(reno.cwnd, mss)) {
      channel.push({ to: 'receiver', segment: s });
    }
    if (channel.length === 0) {
      // Idle: retransmit the oldest unacknowledged range, or (nothing outstanding, so the
      // window must be closed) let the app read everything and send a window update.
      if (send.outstanding > 0) {
        channel.push({ to: 'receiver', segment: send.segmentAt(send.sndUna, mss) });
      } else {
        appRead(Infinity);
        ackNow();
      }
      continue;
    }
    const action = setup.script[step - 1] ?? { op: 'deliver', pick: 0 };
    const index = action.pick % channel.length;
    const packet = channel[index] as Packet;
    if (action.op === 'duplicate') {
      channel.push(packet);
      continue;
    }
    if (action.op === 'timeout') {
      reno.onTimeout(send.flightSize);
      send.rewind();
      continue;
    }
    channel.splice(index, 1);
    if (action.op === 'drop') continue;
    if (packet.to === 'receiver') {
      const { segment } = packet;
      rx.receive(segment.seq, segment.data, segment.fin);
      appRead(setup.readChunk);
      ackNow(); // every data segment is answered, acceptable or not
    } else {
      const result = send.onAck({ seq: PEER_ISS + 1, ack: packet.ack, window: packet.window });
      if (result.kind === 'advanced') reno.onAck(result.newlyAcked);
      if (result.kind === 'duplicate') {
        const event = reno.onDuplicateAck(send.flightSize);
        if (event?.cause === 'fastRetransmit') {
          channel.push({ to: 'receiver', segment: send.segmentAt(send.sndUna, mss) });
        }
      }
    }
  }
  appRead(Infinity);
  // The FIN ends the stream: right after the data, and RCV.NXT one past it.
  expect(send.finSeq).toBe(seqAdd(setup.iss, 1 + stream.length));
  expect(rx.rcvNxt).toBe(seqAdd(setup.iss, 2 + stream.length));
  expect(rx.atEnd).toBe(true);
  expect(rx.read()).toHaveLength(0);
  return { received: received.subarray(0, readSoFar), steps: step };
}

const action = fc.record({
  op: fc.constantFrom(
    ...(['deliver', 'deliver', 'deliver', 'deliver', 'drop', 'duplicate'] as const),
    ...(['deliver', 'deliver', 'deliver', 'drop', 'duplicate', 'timeout'] as const),
  ),
  pick: fc.nat(1000),
}) as fc.Arbitrary<Action>;

const setups = fc.record({
  iss: fc.oneof(fc.integer({ min: 2 ** 32 - 3000, max: 2 ** 32 - 1 }), fc.nat(2 ** 32 - 1)),
  stream: fc.oneof(
    fc.uint8Array({ maxLength: 20 }),
    fc.uint8Array({ maxLength: 6000, size: 'max' }),
  ),
  sendCapacity: fc.integer({ min: 1, max: 4000 }),
  receiveCapacity: fc.integer({ min: 1, max: 4000 }),
  mss: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 1500 })),
  writeChunk: fc.integer({ min: 1, max: 3000 }),
  readChunk: fc.integer({ min: 1, max: 3000 }),
  script: fc.oneof(
    fc.array(action, { maxLength: 40 }),
    fc.array(action, { maxLength: 600, size: 'max' }),
  ),
});

describe('SendBuffer + ReceiveBuffer over a lossy, duplicating, reordering channel', () => {
  it('delivers every byte exactly once, in order and intact, then the FIN', () => {
    fc.assert(
      fc.property(setups, (setup) => {
        const { received } = run(setup);
        expect(received).toEqual(setup.stream);
      }),
      { numRuns: 200 },
    );
  });

  it('finishes a clean transfer that wraps the sequence space', () => {
    const stream = Uint8Array.from({ length: 50_000 }, (_, i) => (i * 31) & 0xff);
    const { received } = run({
      iss: 2 ** 32 - 20_000,
      stream,
      sendCapacity: 16_384,
      receiveCapacity: 8192,
      mss: 1460,
      writeChunk: 4096,
      readChunk: 2048,
      script: [],
    });
    expect(received).toEqual(stream);
  });
});
