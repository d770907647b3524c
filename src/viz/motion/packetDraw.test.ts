// drawPackets on a recording fake context: one fill per colour, every dot's arc, labels on top;
// and the nearest packets, checked against sorting every distance.
import { describe, expect, it } from 'vitest';
import { drawPackets, nearestPackets, type DrawnPacket, type PacketContext } from './packetDraw.ts';

function recorder() {
  const calls: string[] = [];
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    lineJoin: 'miter',
    font: '',
    textBaseline: 'alphabetic',
    beginPath: () => calls.push('begin'),
    moveTo: () => calls.push('move'),
    arc: (x: number, y: number, r: number) => calls.push(`arc ${x},${y},${r}`),
    fill() {
      calls.push(`fill ${String(this.fillStyle)}`);
    },
    fillText: (text: string) => calls.push(`text ${text}`),
    strokeText: (text: string) => calls.push(`halo ${text}`),
  };
  return { ctx: ctx as unknown as PacketContext, calls };
}

describe('drawPackets', () => {
  it('fills once per colour, then draws the labels over the dots', () => {
    const packets: DrawnPacket[] = [
      { x: 1, y: 1, r: 2, color: 'red' },
      { x: 2, y: 2, r: 3, color: 'blue', label: 'TCP SYN' },
      { x: 3, y: 3, r: 4, color: 'red' },
    ];
    const { ctx, calls } = recorder();
    drawPackets(ctx, packets, { labelColor: 'black', haloColor: 'white' });
    expect(calls.filter((c) => c.startsWith('fill'))).toEqual(['fill red', 'fill blue']);
    expect(calls.filter((c) => c.startsWith('arc'))).toEqual([
      'arc 1,1,2',
      'arc 3,3,4',
      'arc 2,2,3',
    ]);
    expect(calls.slice(-2)).toEqual(['halo TCP SYN', 'text TCP SYN']);
    expect(ctx.fillStyle).toBe('black');
    expect(ctx.textBaseline).toBe('middle');
  });

  it('draws nothing for no packets', () => {
    const { ctx, calls } = recorder();
    drawPackets(ctx, []);
    expect(calls).toEqual([]);
  });
});

describe('nearestPackets', () => {
  it('finds the k nearest, nearest first', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 1000;
    const points = Array.from({ length: 2000 }, () => ({ x: random(), y: random() }));
    const d = (i: number) => (points[i]!.x - 500) ** 2 + (points[i]!.y - 400) ** 2;
    const sorted = points.map((_, i) => i).sort((a, b) => d(a) - d(b));
    expect(nearestPackets(points, 500, 400, 12)).toEqual(sorted.slice(0, 12));
    expect(nearestPackets(points.slice(0, 3), 500, 400, 12).length).toBe(3);
    expect(nearestPackets(points, 0, 0, 0)).toEqual([]);
  });
});
