import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ReceiveBuffer } from './receiveBuffer.ts';

const IRS = 5000; // data byte k has sequence number 5001 + k

/** Stream bytes k .. k+n-1 of a pattern that tells positions apart. */
function bytes(n: number, from = 0): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => ((from + i) * 7) & 0xff);
}

describe('ReceiveBuffer', () => {
  it('delivers in-order data and opens the window as the app reads', () => {
    const rx = new ReceiveBuffer({ irs: IRS, capacity: 1000 });
    expect([rx.rcvNxt, rx.window]).toEqual([5001, 1000]);
    expect(rx.receive(5001, bytes(100))).toEqual({
      acceptable: true,
      newBytes: 100,
      delivered: 100,
      outOfOrder: false,
      finReceived: false,
    });
    // RCV.NXT = 5001 + 100; window = 1000 - 100 unread.
    expect([rx.rcvNxt, rx.window, rx.readable]).toEqual([5101, 900, 100]);
    expect(rx.read(40)).toEqual(bytes(40));
    expect(rx.window).toBe(940); // 1000 - 60
    expect(rx.read()).toEqual(bytes(60, 40));
    expect(rx.read()).toEqual(new Uint8Array(0));
  });

  it('keeps out-of-order data and delivers it when the hole fills', () => {
    const rx = new ReceiveBuffer({ irs: IRS, capacity: 1000 });
    // Bytes 200..299 first: beyond RCV.NXT = 5001.
    const late = rx.receive(5201, bytes(100, 200));
    expect(late).toMatchObject({ newBytes: 100, delivered: 0, outOfOrder: true });
    expect(rx.outOfOrderRanges()).toEqual([[5201, 5301]]);
    expect(rx.window).toBe(1000); // out-of-order data does not move the right edge
    // Bytes 0..199 fill the hole: 200 new, 300 delivered.
    expect(rx.receive(5001, bytes(200))).toMatchObject({ newBytes: 200, delivered: 300 });
    expect(rx.outOfOrderRanges()).toEqual([]);
    expect(rx.read()).toEqual(bytes(300));
  });

  it('merges overlapping and adjacent intervals and counts only new bytes', () => {
    const rx = new ReceiveBuffer({ irs: IRS, capacity: 1000 });
    rx.receive(5301, bytes(100, 300)); // [300, 400)
    expect(rx.receive(5351, bytes(100, 350)).newBytes).toBe(50); // [350, 450): 50 new
    expect(rx.receive(5451, bytes(50, 450)).newBytes).toBe(50); // adjacent [450, 500)
    rx.receive(5101, bytes(50, 100)); // [100, 150), separate
    expect(rx.outOfOrderRanges()).toEqual([
      [5101, 5151],
      [5301, 5501],
    ]);
    expect(rx.outOfOrderBytes).toBe(250);
    // [120, 320) bridges both: 150..299 is new = 150 bytes.
    expect(rx.receive(5121, bytes(200, 120)).newBytes).toBe(150);
    expect(rx.outOfOrderRanges()).toEqual([[5101, 5501]]);
    expect(rx.receive(5001, bytes(100)).delivered).toBe(500);
    expect(rx.read()).toEqual(bytes(500));
  });

  it('trims data before RCV.NXT and refuses segments that are entirely old', () => {
    const rx = new ReceiveBuffer({ irs: IRS, capacity: 1000 });
    rx.receive(5001, bytes(100));
    // [50, 150): the first 50 bytes are duplicates.
    expect(rx.receive(5051, bytes(100, 50))).toMatchObject({ newBytes: 50, delivered: 50 });
    // [50, 150) again: its last byte 5150 < RCV.NXT 5151, not acceptable (the caller ACKs).
    expect(rx.receive(5051, bytes(100, 50)).acceptable).toBe(false);
    expect(rx.read()).toEqual(bytes(150));
  });

  it('trims to the window and applies the zero-window acceptability rules', () => {
    const rx = new ReceiveBuffer({ irs: IRS, capacity: 100 });
    // 150 bytes into a 100-byte window: bytes 0..99 kept.
    expect(rx.receive(5001, bytes(150))).toMatchObject({ newBytes: 100, delivered: 100 });
    expect(rx.window).toBe(0);
    expect(rx.receive(5101, bytes(10, 100)).acceptable).toBe(false); // data, RCV.WND = 0
    expect(rx.receive(5101, new Uint8Array(0)).acceptable).toBe(true); // SEG.SEQ = RCV.NXT
    expect(rx.receive(5102, new Uint8Array(0)).acceptable).toBe(false);
    expect(rx.read(50)).toEqual(bytes(50));
    // Window 50 from 5101: a segment beyond it, starting at 5151, is not acceptable.
    expect(rx.receive(5151, bytes(10, 150)).acceptable).toBe(false);
    expect(rx.receive(5141, bytes(20, 140))).toMatchObject({ newBytes: 10, outOfOrder: true });
  });

  it('caps the window at 65 535 bytes without window scaling', () => {
    const rx = new ReceiveBuffer({ irs: IRS, capacity: 100_000 });
    expect(rx.window).toBe(65_535);
    // 70 000 bytes: only the first 65 535 fit the advertised window.
    expect(rx.receive(5001, bytes(70_000)).newBytes).toBe(65_535);
    // Window = min(100 000 - 65 535, 65 535) = 34 465.
    expect(rx.window).toBe(34_465);
  });

  it('consumes an in-order FIN: RCV.NXT moves one past it and the stream ends', () => {
    const rx = new ReceiveBuffer({ irs: IRS, capacity: 100 });
    expect(rx.receive(5001, bytes(10), true)).toMatchObject({ delivered: 10, finReceived: true });
    expect(rx.rcvNxt).toBe(5012); // 5001 + 10 data + 1 FIN
    expect([rx.finReceived, rx.atEnd]).toEqual([true, false]);
    rx.read();
    expect(rx.atEnd).toBe(true);
    // The FIN again (5011, length 1) is old: not acceptable, so the caller re-ACKs it.
    expect(rx.receive(5011, new Uint8Array(0), true).acceptable).toBe(false);
  });

  it('holds an out-of-order FIN until the data before it arrives', () => {
    const rx = new ReceiveBuffer({ irs: IRS, capacity: 100 });
    expect(rx.receive(5011, bytes(5, 10), true)).toMatchObject({ finReceived: false });
    expect(rx.receive(5016, bytes(5, 15)).newBytes).toBe(0); // past the FIN: ignored
    expect(rx.receive(5001, bytes(10))).toMatchObject({ delivered: 15, finReceived: true });
    expect(rx.rcvNxt).toBe(5017); // 5001 + 15 + 1
    expect(rx.read()).toEqual(bytes(15));
  });

  it('drops a FIN that does not fit the window until the window opens', () => {
    const rx = new ReceiveBuffer({ irs: IRS, capacity: 10 });
    // 10 bytes fill the 10-byte window; the FIN at 5011 falls outside it.
    expect(rx.receive(5001, bytes(10), true)).toMatchObject({ delivered: 10, finReceived: false });
    expect(rx.rcvNxt).toBe(5011);
    rx.read();
    expect(rx.receive(5011, new Uint8Array(0), true).finReceived).toBe(true);
    expect(rx.rcvNxt).toBe(5012);
  });

  it('works across the sequence-number wrap', () => {
    const irs = 2 ** 32 - 10;
    const rx = new ReceiveBuffer({ irs, capacity: 64 });
    // Data starts at 2^32 - 9; byte 9 sits at sequence number 0.
    rx.receive(5, bytes(10, 14)); // bytes 14..23 first (2^32 - 9 + 14 = 5 mod 2^32)
    expect(rx.receive(2 ** 32 - 9, bytes(14)).delivered).toBe(24);
    expect(rx.rcvNxt).toBe(15); // 2^32 - 9 + 24 = 15 (mod 2^32)
    expect(rx.read()).toEqual(bytes(24));
  });

  it('accounts pieces in any order like a coverage bitmap', () => {
    const size = 300;
    const piece = fc.record({ at: fc.nat(size - 1), length: fc.integer({ min: 1, max: 60 }) });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const rx = new ReceiveBuffer({ irs: IRS, capacity: size });
        const covered = new Array<boolean>(size).fill(false);
        for (const { at, length } of pieces) {
          const n = Math.min(length, size - at);
          rx.receive(5001 + at, bytes(n, at));
          for (let k = at; k < at + n; k++) covered[k] = true;
          const prefix = covered.indexOf(false) === -1 ? size : covered.indexOf(false);
          const beyond = covered.slice(prefix).filter(Boolean).length;
          expect(rx.readable).toBe(prefix);
          expect(rx.outOfOrderBytes).toBe(beyond);
        }
        rx.receive(5001, bytes(size));
        expect(rx.read()).toEqual(bytes(size));
      }),
    );
  });

  it('refuses a bad capacity', () => {
    expect(() => new ReceiveBuffer({ irs: 0, capacity: -1 })).toThrow(/capacity/);
  });

  it('reads copies, and keeps unread bytes whole when more arrive before the app reads', () => {
    const rx = new ReceiveBuffer({ irs: IRS, capacity: 1000 });
    const payload = bytes(100);
    rx.receive(5001, payload);
    const first = rx.read(30);
    first.fill(0); // the app may change what it read; the segment's payload must not change
    expect(payload).toEqual(bytes(100));
    // 70 bytes unread; 100 more in order, then 50 out of order, then the hole fills.
    rx.receive(5101, bytes(100, 100));
    rx.receive(5251, bytes(50, 250));
    rx.receive(5201, bytes(50, 200));
    const rest = rx.read();
    expect(rest).toEqual(bytes(270, 30));
    first.fill(0xff); // reads share storage blocks, but each read's bytes are its own
    expect(rest).toEqual(bytes(270, 30));
  });
});

describe('ReceiveBuffer.discard', () => {
  it('consumes in-order bytes like read, without handing them out, and opens the window', () => {
    const rx = new ReceiveBuffer({ irs: IRS, capacity: 1000 });
    rx.receive(5001, bytes(100));
    expect(rx.discard(30)).toBe(30);
    expect([rx.readable, rx.window]).toEqual([70, 930]);
    rx.receive(5101, bytes(50, 100)); // more while some is unread
    expect(rx.discard()).toBe(120);
    expect([rx.readable, rx.window, rx.rcvNxt]).toEqual([0, 1000, 5151]);
    rx.receive(5151, bytes(10, 150));
    expect(rx.read()).toEqual(bytes(10, 150)); // reading goes on where discarding stopped
  });
});
