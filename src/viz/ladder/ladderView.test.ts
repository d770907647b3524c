// The ladder's layout on hand-made ladders: a time window cuts arrows at its edges and leaves out
// those outside it, a drag picks a window, culling keeps what is scrolled into view, runs become
// bars, labels are shortened to the room between the lifelines and never overprint.
import { describe, expect, it } from 'vitest';
import { ladderArrow } from '../../../tests/support/ladderArrows.ts';
import type { Ladder } from './ladder.ts';
import { boxesIntersect } from './ladderLabels.ts';
import { runSimulationFile, recordsOfType } from '../../../tests/support/vizTestRuns.ts';
import { buildLadder } from './ladder.ts';
import {
  brushWindow,
  itemsWithin,
  ladderView,
  type PlacedArrow,
  type PlacedItem,
  type PlacedRun,
} from './ladderView.ts';
import { recordList } from '../../engine/traceRecords.ts';

const MS = 1_000_000;

const arrow = ladderArrow;
const one: Ladder = { endpoints: ['a', 'b'], arrows: [arrow('1', 0, 0, 10 * MS)] };
// width 564: the axis takes 64, so the lifelines are at 64 + 0.2 * 500 = 164 and 64 + 0.8 * 500 = 464.
const WIDTH = 564;
const arrows = (items: PlacedItem[]) => items.filter((i): i is PlacedArrow => i.kind === 'arrow');
const labels = (items: PlacedItem[]) =>
  items
    .flatMap((i) => (i.kind === 'arrow' ? [i.label, i.reason] : [i.label]))
    .filter((l) => l !== null);

describe('a time window', () => {
  it('maps the window onto the height and draws an arrow inside it whole', () => {
    // 0..20 ms onto y 20..220: the arrow (0 → 10 ms) runs from y 20 to y 120.
    const view = ladderView(one, 30 * MS, { width: WIDTH, fitHeight: 200, window: [0, 20 * MS] });
    expect(view.lanes).toEqual([164, 464]);
    expect(view.domain).toEqual([0, 20 * MS]);
    expect(arrows(view.items)[0]).toMatchObject({
      x1: 164,
      y1: 20,
      x2: 464,
      y2: 120,
      end: 'arrived',
      cutEnd: false,
    });
  });

  it('cuts an arrow at the window’s top edge', () => {
    // 5..20 ms onto 20..220 (40/3 px per ms): the arrow would start at y -46.7 and end at 86.7,
    // so it enters the window halfway along, at x 314.
    const view = ladderView(one, 30 * MS, {
      width: WIDTH,
      fitHeight: 200,
      window: [5 * MS, 20 * MS],
    });
    const [a] = arrows(view.items);
    expect(a!.x1).toBeCloseTo(314);
    expect(a!.y1).toBeCloseTo(20);
    expect(a!.x2).toBeCloseTo(464);
    expect(a!.y2).toBeCloseTo(86.667, 2);
  });

  it('cuts an arrow at the bottom edge, with no head there', () => {
    // 0..5 ms onto 20..220: the arrow's end (10 ms) would be at y 420; cut at 220, halfway.
    const view = ladderView(one, 30 * MS, { width: WIDTH, fitHeight: 200, window: [0, 5 * MS] });
    expect(arrows(view.items)[0]).toMatchObject({
      x1: 164,
      y1: 20,
      x2: 314,
      y2: 220,
      cutEnd: true,
    });
  });

  it('leaves out arrows that end before the window or start after it', () => {
    const view = ladderView(one, 30 * MS, {
      width: WIDTH,
      fitHeight: 200,
      window: [12 * MS, 20 * MS],
    });
    expect(view.items).toEqual([]);
    expect(view.counts.packets).toBe(0);
  });
});

describe('brushWindow', () => {
  const view = ladderView(one, 30 * MS, { width: WIDTH, fitHeight: 200, window: [0, 20 * MS] });

  it('turns a drag into the times under it, either way up, within the window', () => {
    // y 70 is 50 px of 200 into 0..20 ms: 5 ms; y 120 is 10 ms.
    expect(brushWindow(view, 120, 70)).toEqual([5 * MS, 10 * MS]);
    expect(brushWindow(view, 70, 120)).toEqual([5 * MS, 10 * MS]);
    expect(brushWindow(view, 0, 300)).toEqual([0, 20 * MS]);
  });

  it('takes a drag under 4 px for a click', () => {
    expect(brushWindow(view, 100, 103)).toBeNull();
  });
});

describe('itemsWithin', () => {
  it('keeps the items that reach into the rows asked for', () => {
    // Arrows at 0 → 1 ms and 50 → 51 ms over 0..100 ms onto 20..1020: y 20..30 and 520..530.
    const ladder: Ladder = {
      endpoints: ['a', 'b'],
      arrows: [arrow('1', 0, 0, 1 * MS), arrow('2', 1, 50 * MS, 51 * MS)],
    };
    const view = ladderView(ladder, 100 * MS, {
      width: WIDTH,
      fitHeight: 1000,
      window: [0, 100 * MS],
    });
    const keys = (y0: number, y1: number) =>
      arrows(itemsWithin(view, y0, y1)).map((a) => a.arrow.key);
    expect(keys(0, 100)).toEqual(['1']);
    expect(keys(400, 600)).toEqual(['2']);
    expect(keys(200, 300)).toEqual([]);
    expect(keys(0, 2000)).toEqual(['1', '2']);
  });
});

describe('runs and labels', () => {
  const data = (key: string, sent: number) =>
    arrow(key, 0, sent, sent + 10 * MS, { data: true, payload: 1460, label: `ACK len=1460` });
  const ladder: Ladder = {
    endpoints: ['a', 'b'],
    arrows: [data('1', 0), data('2', 1 * MS), data('3', 2 * MS)],
  };

  it('draws a run as one labelled band from its first to its last segment', () => {
    // 0..20 ms onto 20..220: the first segment 20 → 120, the last 40 → 140.
    const view = ladderView(ladder, 30 * MS, {
      width: WIDTH,
      fitHeight: 200,
      window: [0, 20 * MS],
    });
    expect(view.items).toHaveLength(1);
    const run = view.items[0] as PlacedRun;
    expect(run.kind).toBe('run');
    expect(run.points).toBe('164,20 464,120 464,140 164,40');
    expect(run.label?.text).toBe('3 data segments (4,380 bytes)');
    expect(run.acks).toBeNull();
    expect(view.counts.packets).toBe(3);
    const open = ladderView(ladder, 30 * MS, {
      width: WIDTH,
      fitHeight: 200,
      window: [0, 20 * MS],
      expanded: new Set(['run:1']),
    });
    expect(arrows(open.items).map((a) => a.arrow.key)).toEqual(['1', '2', '3']);
  });

  it('draws the ACKs a run took in as a second band coming back', () => {
    // Data 0 → 10, 2 → 12, 4 → 14 ms from a; ACKs 1 → 11 and 3 → 13 ms from b. 0..20 ms onto
    // 20..220 (10 px a ms): data from y 20 → 120 to 60 → 160 left to right, ACKs from 30 → 130
    // to 50 → 150 right to left.
    const ackAt = (key: string, sent: number, n: number) =>
      arrow(key, 1, sent, sent + 10 * MS, { pureAck: true, ack: n });
    const mixed: Ladder = {
      endpoints: ['a', 'b'],
      arrows: [
        data('1', 0),
        ackAt('2', 1 * MS, 1461),
        data('3', 2 * MS),
        ackAt('4', 3 * MS, 2921),
        data('5', 4 * MS),
      ],
    };
    const view = ladderView(mixed, 30 * MS, { width: WIDTH, fitHeight: 200, window: [0, 20 * MS] });
    expect(view.items).toHaveLength(1);
    const run = view.items[0] as PlacedRun;
    expect(run.points).toBe('164,20 464,120 464,160 164,60');
    expect(run.acks?.points).toBe('464,30 164,130 164,150 464,50');
    expect(run.label?.text).toBe('3 data segments (4,380 bytes), 2 ACKs');
    expect(view.counts.packets).toBe(5);
    // Too narrow for the whole label (420 px: 213.6 px between lifelines, 30 characters): the short one.
    const narrow = ladderView(mixed, 30 * MS, { width: 420, fitHeight: 200, window: [0, 20 * MS] });
    expect((narrow.items[0] as PlacedRun).label?.text).toBe('3 segments, 2 ACKs');
  });

  it('shortens a label to the room between the lifelines: the message alone, else cut', () => {
    // 300 px between the lifelines less 2 px each side, at 6.7 px a character and one spare: 43.
    const long = arrow('1', 1, 0, 10 * MS, {
      label: 'ACK PSH seq=1 ack=174 len=502',
      message: 'TLS ServerHello, ChangeCipherSpec',
    });
    const view = ladderView({ endpoints: ['a', 'b'], arrows: [long] }, 30 * MS, { width: WIDTH });
    expect(arrows(view.items)[0]!.label?.text).toBe('TLS ServerHello, ChangeCipherSpec');
    const plain = arrow('1', 0, 0, 10 * MS, { label: 'x'.repeat(60) });
    const cut = ladderView({ endpoints: ['a', 'b'], arrows: [plain] }, 30 * MS, { width: WIDTH });
    expect(arrows(cut.items)[0]!.label?.text).toBe(`${'x'.repeat(42)}…`);
    const box = arrows(cut.items)[0]!.label!.box;
    expect(box.x).toBeGreaterThanOrEqual(164);
    expect(box.x + box.width).toBeLessThanOrEqual(464);
  });

  it('puts the selected arrow’s label first when two want the same place', () => {
    // Two arrows sent together the same way: their labels want the same boxes at every fraction.
    const twins: Ladder = {
      endpoints: ['a', 'b'],
      arrows: [arrow('1', 0, 0, 0.1 * MS), arrow('2', 0, 0, 0.1 * MS)],
    };
    const plain = ladderView(twins, 30 * MS, { width: WIDTH, window: [0, 30 * MS] });
    expect(arrows(plain.items).map((a) => a.label !== null)).toEqual([true, false]);
    const chosen = ladderView(twins, 30 * MS, { width: WIDTH, window: [0, 30 * MS], first: '2' });
    expect(arrows(chosen.items).map((a) => a.label !== null)).toEqual([false, true]);
  });

  it('never lets two labels of the TCP bulk transfer overprint, fitted or zoomed', () => {
    const { scenario, records } = runSimulationFile('tcp-bulk-transfer.json');
    const conn = recordsOfType(records, 'socket.state').find((r) => r.node === 'laptop')!.conn;
    const bulk = buildLadder(recordList(records), scenario.nodes, {
      kind: 'connection',
      node: 'laptop',
      conn,
    });
    if ('error' in bulk) throw new Error(bulk.error);
    const end = bulk.arrows.at(-1)!.arrived!;
    for (const options of [{ fitHeight: 440 }, { pxPerMs: 2 }, { pxPerMs: 20 }]) {
      const view = ladderView(bulk, end, { width: 640, ...options });
      const boxes = labels(view.items).map((l) => l.box);
      expect(boxes.length).toBeGreaterThan(10);
      const overlaps: [number, number][] = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          if (boxesIntersect(boxes[i]!, boxes[j]!)) overlaps.push([i, j]);
        }
      }
      expect(overlaps).toEqual([]);
    }
  });
});

describe('the whole run', () => {
  it('ends where the last packet does, not at a later time shown', () => {
    // One arrow 0 → 10 ms seen at 30 s: the diagram spans 0..10 ms, the arrow fills the height.
    const view = ladderView(one, 30_000 * MS, { width: WIDTH, fitHeight: 200 });
    expect(view.domain).toEqual([0, 10 * MS]);
    expect(arrows(view.items)[0]).toMatchObject({ y1: 20, y2: 220 });
    // Still on its way at 4 ms: the diagram ends at the time shown.
    expect(ladderView(one, 4 * MS, { width: WIDTH, fitHeight: 200 }).domain).toEqual([0, 4 * MS]);
  });
});
