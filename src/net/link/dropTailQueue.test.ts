import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DropTailQueue } from './dropTailQueue.ts';
import { ipv4Header, type Packet } from '../wire/packet.ts';

function packet(id: number): Packet {
  return {
    id,
    ip: ipv4Header({ src: 1, dst: 2 }),
    transport: { kind: 'raw', protocol: 253 },
    payload: new Uint8Array(0),
  };
}

describe('DropTailQueue', () => {
  it('is FIFO and counts packets and bytes', () => {
    const q = new DropTailQueue();
    expect(q.offer(packet(1), 100)).toBe(true);
    expect(q.offer(packet(2), 50)).toBe(true);
    expect([q.packets, q.bytes]).toEqual([2, 150]);
    expect(q.poll()?.id).toBe(1);
    expect([q.packets, q.bytes]).toEqual([1, 50]);
    expect(q.poll()?.id).toBe(2);
    expect(q.poll()).toBeUndefined();
  });

  it('refuses a packet that would exceed the packet limit', () => {
    const q = new DropTailQueue({ packets: 2 });
    expect([1, 2, 3].map((id) => q.offer(packet(id), 10))).toEqual([true, true, false]);
  });

  it('refuses a packet that would exceed the byte limit, but takes a later one that fits', () => {
    const q = new DropTailQueue({ bytes: 250 });
    // 100 + 100 = 200 <= 250; 200 + 100 = 300 > 250 refused; 200 + 50 = 250 <= 250 accepted.
    expect([100, 100, 100, 50].map((size, i) => q.offer(packet(i), size))).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(q.bytes).toBe(250);
  });

  it('clear returns the waiting packets oldest first and empties the queue', () => {
    const q = new DropTailQueue();
    [1, 2, 3].forEach((id) => q.offer(packet(id), 1));
    q.poll();
    expect(q.clear().map((p) => p.id)).toEqual([2, 3]);
    expect([q.packets, q.bytes]).toEqual([0, 0]);
  });

  it('rejects a negative or fractional limit', () => {
    expect(() => new DropTailQueue({ packets: -1 })).toThrow(RangeError);
    expect(() => new DropTailQueue({ bytes: 1.5 })).toThrow(RangeError);
  });

  it('never exceeds its limits and preserves order (property)', () => {
    const op = fc.oneof(fc.integer({ min: 1, max: 1500 }), fc.constant(-1));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.array(op, { maxLength: 3000 }),
        (maxPackets, maxBytes, ops) => {
          const q = new DropTailQueue({ packets: maxPackets, bytes: maxBytes });
          const model: { id: number; size: number }[] = [];
          ops.forEach((size, id) => {
            if (size < 0) {
              expect(q.poll()?.id).toBe(model.shift()?.id);
            } else {
              const bytes = model.reduce((sum, m) => sum + m.size, 0);
              const fits = model.length < maxPackets && bytes + size <= maxBytes;
              expect(q.offer(packet(id), size)).toBe(fits);
              if (fits) model.push({ id, size });
            }
            expect(q.packets).toBe(model.length);
            expect(q.bytes).toBe(model.reduce((sum, m) => sum + m.size, 0));
          });
        },
      ),
    );
  });
});
