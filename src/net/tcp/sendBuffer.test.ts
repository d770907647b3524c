import { describe, expect, it } from 'vitest';
import { SendBuffer } from './sendBuffer.ts';
import { segmentLength } from './segment.ts';
import type { OutgoingSegment } from './segment.ts';

const PEER_ISS = 50_000;

function bytes(n: number, from = 0): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (from + i) & 0xff);
}

/** A buffer with ISS 1000 whose SYN was sent and acknowledged with `window`. */
function established(window: number, capacity = 100_000): SendBuffer {
  const send = new SendBuffer({ iss: 1000, capacity });
  send.sendSyn();
  send.onAck({ seq: PEER_ISS + 1, ack: 1001, window });
  return send;
}

function drain(send: SendBuffer, cwnd: number, mss: number): OutgoingSegment[] {
  const out: OutgoingSegment[] = [];
  for (let s = send.nextSegment(cwnd, mss); s; s = send.nextSegment(cwnd, mss)) out.push(s);
  return out;
}

const shape = (s: OutgoingSegment) => [s.seq, s.data.length, s.fin];

describe('SendBuffer', () => {
  it('puts the SYN at ISS and data from ISS + 1', () => {
    const send = new SendBuffer({ iss: 1000, capacity: 100 });
    expect([send.sndUna, send.sndNxt]).toEqual([1000, 1000]);
    send.write(bytes(10));
    expect(send.nextSegment(10_000, 1000)).toBeUndefined(); // no SYN yet
    const syn = send.sendSyn();
    expect(syn).toMatchObject({ seq: 1000, syn: true, fin: false });
    expect(segmentLength(syn)).toBe(1);
    expect([send.sndNxt, send.flightSize]).toEqual([1001, 1]);
    expect(send.nextSegment(10_000, 1000)).toBeUndefined(); // peer window still unknown (0)
    const result = send.onAck({ seq: PEER_ISS + 1, ack: 1001, window: 8000 });
    expect(result).toEqual({
      kind: 'advanced',
      newlyAcked: 1,
      dataBytesAcked: 0,
      synAcked: true,
      finAcked: false,
      windowChanged: true,
    });
    expect([send.sndUna, send.sndWnd, send.synAcked]).toEqual([1001, 8000, true]);
    expect(send.nextSegment(10_000, 1000)).toMatchObject({ seq: 1001, data: bytes(10) });
  });

  it('applies back-pressure at its capacity and frees space on ACKs', () => {
    const send = established(100, 10);
    expect(send.write(bytes(6))).toBe(6);
    expect(send.write(bytes(6, 6))).toBe(4);
    expect(send.freeSpace).toBe(0);
    expect(send.nextSegment(100, 100)?.data).toEqual(bytes(10));
    // ACK of 5 bytes: 1001 + 5 = 1006.
    expect(send.onAck({ seq: PEER_ISS + 1, ack: 1006, window: 100 }).dataBytesAcked).toBe(5);
    expect([send.freeSpace, send.bufferedBytes]).toEqual([5, 5]);
  });

  it('cuts full MSS segments and a final partial one, then the FIN', () => {
    const send = established(10_000);
    send.write(bytes(3500));
    // 3500 = 3 * 1000 + 500, from 1001: 1001, 2001, 3001, 4001.
    expect(drain(send, 10_000, 1000).map(shape)).toEqual([
      [1001, 1000, false],
      [2001, 1000, false],
      [3001, 1000, false],
      [4001, 500, false],
    ]);
    send.close();
    // FIN after 3500 bytes: 1000 + 1 + 3500 = 4501, alone.
    expect(send.finSeq).toBe(4501);
    expect(drain(send, 10_000, 1000).map(shape)).toEqual([[4501, 0, true]]);
    expect(send.sndNxt).toBe(4502);
    expect(drain(send, 10_000, 1000)).toEqual([]);
    const done = send.onAck({ seq: PEER_ISS + 1, ack: 4502, window: 10_000 });
    expect(done).toMatchObject({ newlyAcked: 3501, dataBytesAcked: 3500, finAcked: true });
    expect(send.finAcked).toBe(true);
  });

  it('piggybacks the FIN on the last data when the window has room for it', () => {
    const send = established(501);
    send.write(bytes(500));
    send.close();
    expect(drain(send, 10_000, 1000).map(shape)).toEqual([[1001, 500, true]]);
    // With exactly 500 bytes of window, the FIN waits for the window to open.
    const tight = established(500);
    tight.write(bytes(500));
    tight.close();
    expect(drain(tight, 10_000, 1000).map(shape)).toEqual([[1001, 500, false]]);
    tight.onAck({ seq: PEER_ISS + 1, ack: 1501, window: 500 });
    expect(drain(tight, 10_000, 1000).map(shape)).toEqual([[1501, 0, true]]);
  });

  it('sends min(cwnd, SND.WND) - FlightSize and prefers full segments', () => {
    const send = established(10_000);
    send.write(bytes(5000));
    // cwnd 2500: two 1000-byte segments, then 500 usable < MSS with data in flight: wait.
    expect(drain(send, 2500, 1000).map(shape)).toEqual([
      [1001, 1000, false],
      [2001, 1000, false],
    ]);
    send.onAck({ seq: PEER_ISS + 1, ack: 2001, window: 10_000 });
    // usable = 2001 + 2500 - 3001 = 1500: one more full segment.
    expect(drain(send, 2500, 1000).map(shape)).toEqual([[3001, 1000, false]]);
    // The peer window limits too: SND.WND 1200 < cwnd, usable = 2001 + 1200 - 4001 < 0.
    send.onAck({ seq: PEER_ISS + 1, ack: 2001, window: 1200 });
    expect(send.nextSegment(2500, 1000)).toBeUndefined();
  });

  it('sends less than an MSS when nothing is in flight, and nothing into a zero window', () => {
    const send = established(300);
    send.write(bytes(1000));
    expect(drain(send, 10_000, 1000).map(shape)).toEqual([[1001, 300, false]]);
    send.onAck({ seq: PEER_ISS + 1, ack: 1301, window: 0 });
    expect(send.nextSegment(10_000, 1000)).toBeUndefined();
  });

  it('classifies duplicate ACKs by RFC 5681', () => {
    const send = established(10_000);
    send.write(bytes(3000));
    drain(send, 10_000, 1000);
    const ack = { seq: PEER_ISS + 1, ack: 2001, window: 10_000 };
    expect(send.onAck(ack).kind).toBe('advanced');
    expect(send.onAck(ack).kind).toBe('duplicate');
    expect(send.onAck({ ...ack, dataLength: 10 }).kind).toBe('nothingNew'); // carries data
    expect(send.onAck({ ...ack, fin: true }).kind).toBe('nothingNew'); // FIN set
    expect(send.onAck({ ...ack, syn: true }).kind).toBe('nothingNew'); // SYN set
    const update = send.onAck({ ...ack, window: 9000 }); // window changed
    expect(update).toMatchObject({ kind: 'nothingNew', windowChanged: true });
    expect(send.onAck({ ...ack, window: 9000 }).kind).toBe('duplicate');
    expect(send.onAck({ ...ack, ack: 1501 }).kind).toBe('nothingNew'); // older than SND.UNA
    expect(send.onAck({ ...ack, ack: 9999 }).kind).toBe('unsent'); // beyond SND.MAX
    send.onAck({ ...ack, ack: 4001, window: 9000 });
    expect(send.onAck({ ...ack, ack: 4001, window: 9000 }).kind).toBe('nothingNew'); // none out
  });

  it('updates the window only from newer segments (SND.WL1, SND.WL2)', () => {
    const send = established(10_000);
    send.write(bytes(100));
    drain(send, 10_000, 1000);
    send.onAck({ seq: PEER_ISS + 5, ack: 1001, window: 4000 });
    expect(send.sndWnd).toBe(4000);
    // An older segment (SEG.SEQ < SND.WL1) must not change SND.WND.
    expect(send.onAck({ seq: PEER_ISS + 2, ack: 1101, window: 100 }).windowChanged).toBe(false);
    expect(send.sndWnd).toBe(4000);
  });

  it('rebuilds segments for retransmission without moving SND.NXT', () => {
    const send = established(10_000);
    send.write(bytes(2500));
    send.close();
    drain(send, 10_000, 1000); // 1001+1000, 2001+1000, 3001+500+FIN
    expect(send.segmentAt(1001, 1000)).toEqual({
      seq: 1001,
      data: bytes(1000),
      syn: false,
      fin: false,
    });
    expect(shape(send.segmentAt(3001, 1000))).toEqual([3001, 500, true]);
    expect(shape(send.segmentAt(2501, 1000))).toEqual([2501, 1000, true]); // re-cut: 1500..2499
    expect(send.segmentAt(2501, 1000).data).toEqual(bytes(1000, 1500));
    expect(shape(send.segmentAt(3501, 1000))).toEqual([3501, 0, true]); // the FIN alone
    expect(send.sndNxt).toBe(3502);
    expect(() => send.segmentAt(3502, 1000)).toThrow(/not outstanding/);
    expect(() => send.segmentAt(1000, 1000)).toThrow(/not outstanding/); // SYN already acked
    const fresh = new SendBuffer({ iss: 7, capacity: 10 });
    fresh.sendSyn();
    expect(fresh.segmentAt(7, 1000)).toMatchObject({ seq: 7, syn: true });
  });

  it('goes back N after a timeout and accepts ACKs up to SND.MAX', () => {
    const send = established(10_000);
    send.write(bytes(3000));
    drain(send, 10_000, 1000);
    send.rewind();
    expect([send.sndNxt, send.sndMax, send.flightSize, send.outstanding]).toEqual([
      1001, 4001, 0, 3000,
    ]);
    expect(shape(send.nextSegment(1000, 1000) as OutgoingSegment)).toEqual([1001, 1000, false]);
    // The receiver had everything: the ACK goes past SND.NXT but not past SND.MAX.
    expect(send.onAck({ seq: PEER_ISS + 1, ack: 4001, window: 10_000 }).newlyAcked).toBe(3000);
    expect(send.sndNxt).toBe(4001);
  });

  it('wraps sequence numbers and its storage', () => {
    const iss = 2 ** 32 - 3;
    const send = new SendBuffer({ iss, capacity: 8 });
    send.sendSyn();
    // The SYN is 2^32 - 3; data starts at 2^32 - 2, and byte 2 sits at sequence number 0.
    send.onAck({ seq: 1, ack: 2 ** 32 - 2, window: 100 });
    const stream = bytes(40);
    let written = 0;
    const got: number[] = [];
    while (got.length < stream.length) {
      written += send.write(stream.subarray(written));
      for (const s of drain(send, 100, 3)) {
        got.push(...s.data);
        send.onAck({ seq: 1, ack: (s.seq + s.data.length) >>> 0, window: 100 });
      }
    }
    expect(Uint8Array.from(got)).toEqual(stream);
    // 2^32 - 2 + 40 = 38 (mod 2^32).
    expect(send.sndUna).toBe(38);
  });

  it('refuses writes after close and a bad capacity', () => {
    const send = established(100);
    send.close();
    expect(() => send.write(bytes(1))).toThrow(/close/);
    expect(() => new SendBuffer({ iss: 0, capacity: 0 })).toThrow(/capacity/);
  });

  it('sends views of its own copy, which nothing changes later: not the app, not new writes', () => {
    const send = established(10_000, 3000);
    const app = bytes(2000);
    send.write(app);
    app.fill(0); // the app reuses its array: what was written must not change
    const [first, second] = drain(send, 10_000, 1000) as [OutgoingSegment, OutgoingSegment];
    expect(first.data).toEqual(bytes(1000));
    // Both acknowledged, their storage freed; new writes must not land in the sent bytes.
    send.onAck({ seq: PEER_ISS + 1, ack: 3001, window: 10_000 });
    send.write(new Uint8Array(3000).fill(0xee));
    drain(send, 10_000, 1000);
    expect(first.data).toEqual(bytes(1000));
    expect(second.data).toEqual(bytes(1000, 1000));
  });

  it('joins a segment that spans two writes into one payload', () => {
    const send = established(10_000);
    send.write(bytes(700));
    send.write(bytes(700, 700));
    expect(drain(send, 10_000, 1000).map((s) => s.data)).toEqual([bytes(1000), bytes(400, 1000)]);
  });
});

describe('SendBuffer.writeShared', () => {
  it('keeps views of the bytes, joins views that follow in memory, and sends them uncopied', () => {
    const shared = bytes(10_000);
    const send = established(100_000);
    expect(send.writeShared(shared.subarray(0, 3000))).toBe(3000);
    expect(send.writeShared(shared.subarray(3000, 5000))).toBe(2000);
    const segments = drain(send, 100_000, 1460);
    expect(segments.map((s) => s.data.length)).toEqual([1460, 1460, 1460, 620]);
    // Every segment, the one across the 3,000-byte seam included, is a view of `shared`.
    for (const s of segments) expect(s.data.buffer).toBe(shared.buffer);
    expect(segments[2]?.data).toEqual(shared.subarray(2920, 4380));
  });

  it('does not join views that are not adjacent, nor a copied block, and respects its capacity', () => {
    const shared = bytes(10_000);
    const send = established(100_000, 4000);
    send.writeShared(shared.subarray(0, 1000));
    send.writeShared(shared.subarray(2000, 3000)); // a gap in memory: a block of its own
    send.write(bytes(500, 7)); // copied: a block of its own after the shared ones
    expect(send.writeShared(shared.subarray(3000, 5000))).toBe(1500); // 4000 - 2500 held
    const data = drain(send, 100_000, 4000)[0]?.data;
    expect(data).toEqual(
      Uint8Array.from([
        ...shared.subarray(0, 1000),
        ...shared.subarray(2000, 3000),
        ...bytes(500, 7),
        ...shared.subarray(3000, 4500),
      ]),
    );
  });
});
