// Runs of data segments on hand-made ladders: consecutive data segments one way, with the pure ACKs
// coming back between them, become one bar with its counts and bytes; an arrow of another kind, a
// lost, resent, duplicated or named segment, a duplicate ACK, or a run opened by the learner keeps
// them arrows. Then the real TCP bulk transfer: a few bars, and every arrow drawn exactly once.
import { describe, expect, it } from 'vitest';
import { recordsOfType, runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { buildLadder, type LadderArrow } from './ladder.ts';
import {
  collapseRuns,
  duplicateAcks,
  runLabel,
  runShortLabel,
  type LadderItem,
} from './ladderRuns.ts';
import { recordList } from '../../engine/traceRecords.ts';

let next = 0;
/** A delivered segment of connection `c`: data (1460 bytes, ack=1) unless told otherwise. */
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
    pureAck: false,
    conn: 'c',
    ack: 1,
    ...more,
  };
}
/** A pure ACK acknowledging up to `n`. */
const ack = (from: 0 | 1, n: number, more: Partial<LadderArrow> = {}) =>
  seg(from, { payload: 0, data: false, pureAck: true, ack: n, label: `ACK ack=${n}`, ...more });

/** Items written short: `run 3+2 (4380)` for a run (segments + ACKs), the arrow's key for one. */
function shape(items: LadderItem[]): string[] {
  return items.map((i) =>
    i.kind === 'run' ? `run ${i.segments}+${i.acks} (${i.bytes})` : i.arrow.key,
  );
}
const keys = (arrows: readonly LadderArrow[]) => arrows.map((a) => a.key);

describe('runLabel', () => {
  it('counts segments, bytes and ACKs, thousands grouped', () => {
    expect(runLabel(214, 312_440, 107)).toBe('214 data segments (312,440 bytes), 107 ACKs');
    expect(runLabel(3, 4380)).toBe('3 data segments (4,380 bytes)');
    expect(runLabel(1, 1, 1)).toBe('1 data segment (1 byte), 1 ACK');
    expect(runLabel(1000, 1_234_567, 0)).toBe('1,000 data segments (1,234,567 bytes)');
    expect(runShortLabel(1000, 2)).toBe('1,000 segments, 2 ACKs');
    expect(runShortLabel(3)).toBe('3 segments');
  });
});

describe('duplicateAcks', () => {
  it('marks a pure ACK that repeats its sender’s last acknowledgment on the connection', () => {
    const a = [
      ack(1, 100), // first: nothing to repeat
      ack(1, 200),
      ack(1, 200), // dup
      seg(0, { ack: 200 }), // the other side's number is its own
      ack(1, 200), // dup again
      seg(1, { ack: 300 }), // data from side 1 carries ack=300...
      ack(1, 300), // ...so this says nothing new: dup
      ack(1, 300, { conn: 'other' }), // first of another connection
      ack(1, 400),
      ack(1, 400, { duplicate: true, key: 'x#2' }), // a link's second copy: not a new ACK
      ack(0, 200), // side 0's first pure ACK: 200 was side 0's last number, so dup
    ];
    expect([...duplicateAcks(a)]).toEqual([a[2]!.key, a[4]!.key, a[6]!.key, a[10]!.key]);
  });
});

describe('collapseRuns', () => {
  it('takes the ACKs coming back between data segments into the run', () => {
    // D a D a D a D: four data segments and the three ACKs between them, one bar.
    const d = [seg(0), ack(1, 1461), seg(0), ack(1, 2921), seg(0), ack(1, 4381), seg(0)];
    const items = collapseRuns(d);
    expect(shape(items)).toEqual(['run 4+3 (5840)']);
    const [run] = items;
    expect(run).toMatchObject({ kind: 'run', id: `run:${d[0]!.key}`, from: 0 });
    expect(run!.kind === 'run' && run!.label).toBe('4 data segments (5,840 bytes), 3 ACKs');
    expect(run!.kind === 'run' && keys(run!.arrows)).toEqual(keys(d));
  });

  it('ends a run at its last data segment: ACKs after it are drawn alone', () => {
    const d = [seg(0), ack(1, 1461), seg(0), seg(0), ack(1, 2921), ack(1, 4381)];
    expect(shape(collapseRuns(d))).toEqual(['run 3+1 (4380)', d[4]!.key, d[5]!.key]);
    // A segment of another kind (no data, not a pure ACK) ends the run; the ACK before it is alone.
    const e = [seg(0), seg(0), seg(0), ack(1, 9), seg(1, { data: false, payload: 0 }), seg(0)];
    expect(shape(collapseRuns(e))).toEqual(['run 3+0 (4380)', e[3]!.key, e[4]!.key, e[5]!.key]);
  });

  it('ends a run at a duplicate ACK, drawn alone, and starts a new one after it', () => {
    // D a(100) D a(200) D a(200) D D D: the third ACK repeats 200, so it is a duplicate.
    const d = [
      seg(0),
      ack(1, 100),
      seg(0),
      ack(1, 200),
      seg(0),
      ack(1, 200),
      seg(0),
      seg(0),
      seg(0),
    ];
    expect(shape(collapseRuns(d))).toEqual(['run 3+2 (4380)', d[5]!.key, 'run 3+0 (4380)']);
  });

  it('breaks on an ACK the same way as the data, and on another connection’s ACK', () => {
    const d = [seg(0), seg(0), ack(0, 5), seg(0), seg(0), seg(0)];
    expect(shape(collapseRuns(d))).toEqual([d[0]!.key, d[1]!.key, d[2]!.key, 'run 3+0 (4380)']);
    const e = [seg(0), seg(0), ack(1, 50, { conn: 'other' }), seg(0), seg(0), seg(0)];
    expect(shape(collapseRuns(e))).toEqual([e[0]!.key, e[1]!.key, e[2]!.key, 'run 3+0 (4380)']);
    // Data of another connection the same way does not join either.
    const f = [seg(0), seg(0), seg(0, { conn: 'other' }), seg(0), seg(0)];
    expect(shape(collapseRuns(f))).toEqual(keys(f));
  });

  it('keeps lost and link-duplicated ACKs out of runs, and they break them', () => {
    // D a D a(lost) D D D: the run so far has two data segments, too few for a bar.
    const lostAck = ack(1, 2921, {
      arrived: null,
      lost: { t: 5, reason: 'queue full', node: 'r' },
    });
    const d = [seg(0), ack(1, 1461), seg(0), lostAck, seg(0), seg(0), seg(0)];
    expect(shape(collapseRuns(d))).toEqual([
      d[0]!.key,
      d[1]!.key,
      d[2]!.key,
      lostAck.key,
      'run 3+0 (4380)',
    ]);
    const twice = ack(1, 4381, { key: 'y#2', duplicate: true });
    const e = [seg(0), seg(0), seg(0), twice, seg(0)];
    expect(shape(collapseRuns(e))).toEqual(['run 3+0 (4380)', 'y#2', e[4]!.key]);
  });

  it('breaks runs where the data changes direction, and counts each segment’s own bytes', () => {
    const d = [seg(0), seg(0, { payload: 100 }), seg(0), seg(1), seg(1), seg(1, { payload: 7 })];
    expect(shape(collapseRuns(d))).toEqual(['run 3+0 (3020)', 'run 3+0 (2927)']);
  });

  it('keeps lost, resent, duplicated and refused segments out of runs', () => {
    const lost = seg(0, { arrived: null, lost: { t: 5, reason: 'queue full', node: 'router' } });
    const d = [seg(0), seg(0), lost, seg(0), seg(0), seg(0), seg(0, { retransmit: 'timeout' })];
    expect(shape(collapseRuns(d))).toEqual([
      d[0]!.key,
      d[1]!.key,
      lost.key,
      'run 3+0 (4380)',
      d[6]!.key,
    ]);
    const dup = seg(0, { key: 'x#2', duplicate: true });
    const refused = seg(0, { refused: 'backlog full' });
    expect(shape(collapseRuns([dup, refused]))).toEqual(['x#2', refused.key]);
  });

  it('keeps a segment that starts an application message out of runs', () => {
    const d = [seg(0, { message: 'HTTP 200' }), seg(0), seg(0), seg(0)];
    expect(shape(collapseRuns(d))).toEqual([d[0]!.key, 'run 3+0 (4380)']);
  });

  it('leaves a run the learner opened as arrows, ACKs and all, and other runs closed', () => {
    const d = [seg(0), ack(1, 1461), seg(0), seg(0), seg(1), seg(0), seg(0), seg(0)];
    const items = collapseRuns(d, new Set([`run:${d[0]!.key}`]));
    expect(shape(items)).toEqual([
      d[0]!.key,
      d[1]!.key,
      d[2]!.key,
      d[3]!.key,
      d[4]!.key,
      'run 3+0 (4380)',
    ]);
  });

  it('follows the minimum asked for, counting data segments only', () => {
    const d = [seg(0), ack(1, 1461), seg(0), ack(1, 2921)];
    expect(shape(collapseRuns(d, new Set(), 2))).toEqual(['run 2+1 (2920)', d[3]!.key]);
    expect(shape(collapseRuns(d))).toEqual(keys(d));
  });
});

describe('the runs of the TCP bulk transfer', () => {
  const { scenario, records } = runSimulationFile('tcp-bulk-transfer.json');
  const conn = recordsOfType(records, 'socket.state').find((r) => r.node === 'laptop')!.conn;
  const bulk = buildLadder(recordList(records), scenario.nodes, {
    kind: 'connection',
    node: 'laptop',
    conn,
  });
  if ('error' in bulk) throw new Error(bulk.error);
  const items = collapseRuns(bulk.arrows);

  it('draws far fewer items than arrows: the steady state is a few bars', () => {
    // Data segments only, the ladder had 4 bars and 400 items for its 433 arrows.
    expect(bulk.arrows.length).toBeGreaterThan(420);
    const runs = items.filter((i) => i.kind === 'run');
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(6);
    expect(items.length).toBeLessThan(bulk.arrows.length / 2);
    // The first bar is the slow start up to the first loss: from relative seq 1 to the byte
    // before the first segment the router's queue dropped (77,381 in this run: 53 segments of
    // 1,460 bytes), with ACKs inside.
    const firstLost = bulk.arrows.find((a) => a.lost !== null)!;
    const seq = Number(/seq=(\d+)/.exec(firstLost.label)?.[1]);
    expect((seq - 1) % 1460).toBe(0);
    const [first] = runs;
    expect(first).toMatchObject({ segments: (seq - 1) / 1460, bytes: seq - 1 });
    expect(first!.kind === 'run' && first!.acks).toBeGreaterThan(0);
  });

  it('draws every arrow once: in exactly one bar, or alone', () => {
    const drawn = items.flatMap((i) => (i.kind === 'run' ? i.arrows : [i.arrow]));
    expect(keys(drawn)).toEqual(keys(bulk.arrows));
    expect(new Set(keys(drawn)).size).toBe(bulk.arrows.length);
  });

  it('leaves every loss, resend and duplicate ACK outside the bars', () => {
    const dups = duplicateAcks(bulk.arrows);
    // The fast retransmissions of this run are triggered by duplicate ACKs, so there are some.
    expect(dups.size).toBeGreaterThan(3);
    for (const run of items) {
      if (run.kind !== 'run') continue;
      for (const a of run.arrows) {
        expect(a.lost ?? a.retransmit ?? a.message, a.label).toBeNull();
        expect(dups.has(a.key), a.label).toBe(false);
        // Data one way, pure ACKs the other.
        expect(a.from === run.from ? a.data : a.pureAck, a.label).toBe(true);
      }
    }
  });
});
