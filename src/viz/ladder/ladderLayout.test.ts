// The ladder laid out once per time span and cut at each moment: the span drawn grows in R10 steps
// (1, 1.25, 1.6, 2, 2.5, 3.2, 4, 5, 6.4, 8 a decade) and never past the ladder's end; settled items
// are the very objects of the layout at every moment; a run on its way counts only what was sent;
// moving labels never land on settled ones; the counts are those of the arrows sent; a view too
// crowded to read says so; layouts are kept for the spans seen last.
import { describe, expect, it } from 'vitest';
import { ladderArrow } from '../../../tests/support/ladderArrows.ts';
import { runSimulationFile, recordsOfType } from '../../../tests/support/vizTestRuns.ts';
import { buildLadder, type Ladder } from './ladder.ts';
import { boxesIntersect } from './ladderLabels.ts';
import { layoutLadder } from './ladderLayout.ts';
import {
  crowding,
  densePaths,
  ladderDomain,
  LadderLayouts,
  ladderView,
  layoutOptions,
  roundSpanUp,
  viewAt,
  type PlacedItem,
  type PlacedRun,
} from './ladderView.ts';
import { recordList } from '../../engine/traceRecords.ts';

const MS = 1_000_000;

const arrow = ladderArrow;
const data = (key: string, sent: number) =>
  arrow(key, 0, sent, sent + 10 * MS, { data: true, payload: 1460, label: 'ACK len=1460' });

describe('roundSpanUp', () => {
  it('rounds a span up to the next R10 step of its decade', () => {
    expect(roundSpanUp(4 * MS)).toBe(4 * MS);
    expect(roundSpanUp(4.1 * MS)).toBe(5 * MS);
    expect(roundSpanUp(1.3 * MS)).toBe(1.6 * MS);
    expect(roundSpanUp(7_000)).toBe(8_000);
    expect(roundSpanUp(9 * MS)).toBe(10 * MS);
    expect(roundSpanUp(1_000_000_001)).toBe(1.25e9);
  });
});

describe('ladderDomain', () => {
  // Two arrows: 0 → 10 ms, and 30 → 100 ms.
  const two: Ladder = {
    endpoints: ['a', 'b'],
    arrows: [arrow('1', 0, 0, 10 * MS), arrow('2', 1, 30 * MS, 100 * MS)],
  };

  it('fits the run so far, its end rounded up, never past the ladder’s end', () => {
    // At 41 ms the second arrow is on its way: the run so far ends at 41 ms, drawn to 50 ms.
    expect(ladderDomain(two, 41 * MS, {}).domain).toEqual([0, 50 * MS]);
    // At 45 ms still 50 ms: one layout serves both moments.
    expect(ladderDomain(two, 45 * MS, {}).domain).toEqual([0, 50 * MS]);
    // At 90 ms: 100 ms would be the step, and so is the end of the ladder.
    expect(ladderDomain(two, 90 * MS, {}).domain).toEqual([0, 100 * MS]);
    // At 81 ms the step (100) is the end too; at 70 ms the step is 80 ms.
    expect(ladderDomain(two, 70 * MS, {}).domain).toEqual([0, 80 * MS]);
    // After the end: the ladder's end exactly.
    expect(ladderDomain(two, 5_000 * MS, {}).domain).toEqual([0, 100 * MS]);
  });

  it('takes the whole ladder when zoomed, the page growing with time, and a window as chosen', () => {
    expect(ladderDomain(two, 41 * MS, { pxPerMs: 2 })).toEqual({
      domain: [0, 100 * MS],
      grows: true,
    });
    expect(ladderDomain(two, 41 * MS, { window: [5 * MS, 20 * MS] })).toEqual({
      domain: [5 * MS, 20 * MS],
      grows: false,
    });
  });

  it('grows the zoomed page to where the run so far ends', () => {
    // 3 px a ms from 0: at 41 ms the page ends 123 px below the top (20), plus 24 below; once
    // everything arrived (100 ms), at 300 px, however late the time shown.
    const view = ladderView(two, 41 * MS, { width: 564, pxPerMs: 3 });
    expect(view.height).toBeCloseTo(20 + 123 + 24);
    expect(ladderView(two, 200 * MS, { width: 564, pxPerMs: 3 }).height).toBeCloseTo(20 + 300 + 24);
    // Never under 120 px: at 10 ms, 30 px would be too short a page.
    expect(ladderView(two, 10 * MS, { width: 564, pxPerMs: 3 }).height).toBeCloseTo(20 + 120 + 24);
  });
});

describe('a layout cut at each moment', () => {
  const run: Ladder = {
    endpoints: ['a', 'b'],
    arrows: [data('1', 0), data('2', 1 * MS), data('3', 2 * MS), arrow('4', 1, 40 * MS, 41 * MS)],
  };
  const options = { width: 564, fitHeight: 200, window: [0, 50 * MS] as [number, number] };
  const layout = layoutLadder(run, layoutOptions(options, { domain: [0, 50 * MS], grows: false }));

  it('counts only what was sent of a run on its way', () => {
    // At 1.5 ms two segments of 1,460 bytes are out, both still on their way.
    const early = viewAt(layout, 1.5 * MS);
    const bar = early.items[0] as PlacedRun;
    expect(bar.kind).toBe('run');
    expect(bar.run.label).toBe('2 data segments (2,920 bytes)');
    expect(bar.flight).toBe(true);
    expect(early.counts).toEqual({ packets: 2, lost: 0, resent: 0 });
    const late = viewAt(layout, 45 * MS);
    expect((late.items[0] as PlacedRun).run.label).toBe('3 data segments (4,380 bytes)');
    expect(late.counts.packets).toBe(4);
  });

  it('reuses the settled items themselves from one moment to the next', () => {
    const a = viewAt(layout, 42 * MS);
    const b = viewAt(layout, 47 * MS);
    expect(a.items).toHaveLength(2);
    expect(b.items[0]).toBe(a.items[0]);
    expect(b.items[1]).toBe(a.items[1]);
    // Still on its way at 40.5 ms: drawn again, its head halfway across.
    const moving = viewAt(layout, 40.5 * MS).items[1]!;
    expect(moving).not.toBe(a.items[1]);
    expect(moving.kind === 'arrow' && moving.end).toBe('flight');
  });
});

describe('the TCP bulk transfer, moment by moment', () => {
  const { scenario, records } = runSimulationFile('tcp-bulk-transfer.json');
  const conn = recordsOfType(records, 'socket.state').find((r) => r.node === 'laptop')!.conn;
  const bulk = buildLadder(recordList(records), scenario.nodes, {
    kind: 'connection',
    node: 'laptop',
    conn,
  });
  if ('error' in bulk) throw new Error(bulk.error);
  const end = bulk.arrows.at(-1)!.arrived!;
  const labelsOf = (items: PlacedItem[]) =>
    items
      .flatMap((i) => (i.kind === 'arrow' ? [i.label, i.reason] : [i.label]))
      .filter((l) => l !== null);

  it('never overprints, in flight or settled, and counts what an independent tally does', () => {
    for (const f of [0.01, 0.1, 0.33, 0.5, 0.77, 1]) {
      const time = bulk.arrows[0]!.sent + f * (end - bulk.arrows[0]!.sent);
      const view = ladderView(bulk, time, { width: 640, fitHeight: 440 });
      const boxes = labelsOf(view.items).map((l) => l.box);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++)
          expect(boxesIntersect(boxes[i]!, boxes[j]!)).toBe(false);
      }
      const sent = bulk.arrows.filter((a) => a.sent <= time);
      expect(view.counts).toEqual({
        packets: sent.length,
        lost: sent.filter((a) => a.arrived === null && a.lost !== null && a.lost.t <= time).length,
        resent: sent.filter((a) => a.retransmit !== null).length,
      });
      // Whatever is on its way ends at the line of the time shown.
      for (const item of view.items) {
        if (item.kind === 'arrow' && item.end === 'flight' && !item.cutEnd)
          expect(item.y2).toBeCloseTo(view.nowY);
      }
    }
  });

  it('says when the fitted diagram is too crowded to read', () => {
    const whole = ladderView(bulk, end, { width: 640, fitHeight: 440 });
    // Hundreds of items in 440 px: under 3 px each.
    expect(whole.items.length).toBeGreaterThan(147);
    // Fewer items than pixels: still drawn one by one.
    expect(whole.items.length).toBeLessThan(440);
    expect(crowding(whole)).toEqual({ items: whole.items.length, px: 440, oneByOne: true });
    // The first 50 ms alone, 440 px: a handful of items.
    const start = bulk.arrows[0]!.sent;
    expect(
      crowding(
        ladderView(bulk, end, { width: 640, fitHeight: 440, window: [start, start + 50 * MS] }),
      ),
    ).toBeNull();
  });
});

describe('LadderLayouts', () => {
  const one: Ladder = { endpoints: ['a', 'b'], arrows: [arrow('1', 0, 0, 10 * MS)] };
  const make = () => layoutLadder(one, { domain: [0, 20 * MS], width: 564 });

  it('keeps the layouts of the spans seen last, and forgets them all for a new base', () => {
    const kept = new LadderLayouts(2);
    const base = {};
    const a = kept.get(base, 'a', make);
    expect(kept.get(base, 'a', make)).toBe(a);
    const b = kept.get(base, 'b', make);
    kept.get(base, 'a', make); // a is now the most recent
    kept.get(base, 'c', make); // b, the least recent, goes
    expect(kept.get(base, 'a', make)).toBe(a);
    expect(kept.get(base, 'b', make)).not.toBe(b);
    expect(kept.get({}, 'a', make)).not.toBe(a);
  });
});

describe('densePaths', () => {
  it('draws each arrow as a line by direction, each band as a closed shape, each loss as a cross', () => {
    // 0..20 ms onto 20..220, lifelines at 164 and 464 (width 564): an arrow 0 → 10 ms from the
    // left (164,20 → 464,120); one from the right at 5 ms lost on the link at 10 ms, halfway
    // across (464,70 → 314,120); a run of three segments 12, 13, 14 ms → +5 ms.
    const lost = arrow('2', 1, 5 * MS, null, {
      lost: { t: 10 * MS, reason: 'lost', node: 'a', link: 'lan' },
    });
    const seg = (key: string, sent: number) =>
      arrow(key, 0, sent, sent + 5 * MS, { data: true, payload: 100, conn: 'c' });
    const ladder: Ladder = {
      endpoints: ['a', 'b'],
      arrows: [
        arrow('1', 0, 0, 10 * MS),
        lost,
        seg('3', 12 * MS),
        seg('4', 13 * MS),
        seg('5', 14 * MS),
      ],
    };
    const view = ladderView(ladder, 30 * MS, { width: 564, fitHeight: 200, window: [0, 20 * MS] });
    expect(densePaths(view.items)).toEqual({
      right: 'M164 20L464 120',
      left: 'M464 70L314 120',
      // 12 ms → 17 ms is y 140 → 190; 14 ms → 19 ms is 160 → 210.
      bands: 'M164 140L464 190L464 210L164 160Z',
      crosses: 'M310 116L318 124M310 124L318 116',
    });
  });
});
