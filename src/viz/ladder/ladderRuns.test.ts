// Runs of data segments on hand-made ladders: consecutive data segments one way with no other arrow
// between become one bar with its count and bytes; an arrow the other way, a lost, resent,
// duplicated or named segment, or a run opened by the learner, keeps them arrows.
import { describe, expect, it } from 'vitest';
import type { LadderArrow } from './ladder.ts';
import { collapseRuns, runLabel, type LadderItem } from './ladderRuns.ts';

let next = 0;
/** A delivered segment: data (1460 bytes) unless told otherwise. */
function seg(from: 0 | 1, more: Partial<LadderArrow> = {}): LadderArrow {
  const pkt = ++next;
  return {
    key: String(pkt),
    pkt,
    link: 'lan',
    from,
    sent: pkt * 1000,
    arrived: pkt * 1000 + 20_000_000,
    lost: null,
    label: `ACK seq=${pkt} ack=1 len=1460`,
    title: '',
    message: null,
    retransmit: null,
    duplicate: false,
    refused: null,
    payload: 1460,
    data: true,
    ...more,
  };
}
const ack = (from: 0 | 1) => seg(from, { payload: 0, data: false, label: 'ACK len=0' });

/** Items written short: `run 3 (4380)` for a run, the arrow's key for an arrow. */
function shape(items: LadderItem[]): string[] {
  return items.map((i) => (i.kind === 'run' ? `run ${i.arrows.length} (${i.bytes})` : i.arrow.key));
}

describe('runLabel', () => {
  it('counts segments and bytes, thousands grouped', () => {
    expect(runLabel(12, 17_520)).toBe('12 data segments, 17,520 bytes');
    expect(runLabel(3, 4380)).toBe('3 data segments, 4,380 bytes');
    expect(runLabel(1, 1)).toBe('1 data segment, 1 byte');
    expect(runLabel(1000, 1_234_567)).toBe('1,000 data segments, 1,234,567 bytes');
  });
});

describe('collapseRuns', () => {
  it('makes three or more data segments in a row one run; an ACK between breaks it', () => {
    const d = [
      seg(0),
      seg(0),
      seg(0),
      ack(1),
      seg(0),
      seg(0),
      ack(1),
      seg(0),
      seg(0),
      seg(0),
      seg(0),
    ];
    const items = collapseRuns(d);
    expect(shape(items)).toEqual([
      'run 3 (4380)',
      d[3]!.key,
      d[4]!.key,
      d[5]!.key,
      d[6]!.key,
      'run 4 (5840)',
    ]);
    const [first] = items;
    expect(first).toMatchObject({ kind: 'run', id: `run:${d[0]!.key}`, from: 0 });
    expect(first!.kind === 'run' && first!.label).toBe('3 data segments, 4,380 bytes');
    expect(first!.kind === 'run' && first!.arrows).toEqual(d.slice(0, 3));
  });

  it('breaks runs where the direction changes, and counts each segment’s own bytes', () => {
    const d = [seg(0), seg(0, { payload: 100 }), seg(0), seg(1), seg(1), seg(1, { payload: 7 })];
    expect(shape(collapseRuns(d))).toEqual(['run 3 (3020)', 'run 3 (2927)']);
  });

  it('keeps lost, resent, duplicated and refused segments out of runs', () => {
    const lost = seg(0, { arrived: null, lost: { t: 5, reason: 'queue full', node: 'router' } });
    const d = [seg(0), seg(0), lost, seg(0), seg(0), seg(0), seg(0, { retransmit: 'timeout' })];
    expect(shape(collapseRuns(d))).toEqual([
      d[0]!.key,
      d[1]!.key,
      lost.key,
      'run 3 (4380)',
      d[6]!.key,
    ]);
    const dup = seg(0, { key: 'x#2', duplicate: true });
    const refused = seg(0, { refused: 'backlog full' });
    expect(shape(collapseRuns([dup, refused]))).toEqual(['x#2', refused.key]);
  });

  it('keeps a segment that starts an application message out of runs', () => {
    const d = [seg(0, { message: 'HTTP 200' }), seg(0), seg(0), seg(0)];
    expect(shape(collapseRuns(d))).toEqual([d[0]!.key, 'run 3 (4380)']);
  });

  it('leaves a run the learner opened as arrows, and other runs closed', () => {
    const d = [seg(0), seg(0), seg(0), ack(1), seg(0), seg(0), seg(0)];
    const items = collapseRuns(d, new Set([`run:${d[0]!.key}`]));
    expect(shape(items)).toEqual([d[0]!.key, d[1]!.key, d[2]!.key, d[3]!.key, 'run 3 (4380)']);
  });

  it('follows the minimum asked for', () => {
    const d = [seg(0), seg(0), ack(1)];
    expect(shape(collapseRuns(d, new Set(), 2))).toEqual(['run 2 (2920)', d[2]!.key]);
    expect(shape(collapseRuns(d))).toEqual([d[0]!.key, d[1]!.key, d[2]!.key]);
  });
});
