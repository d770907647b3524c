// The figures of a link, folded from its link.* and queue.* records: per direction, packets and
// bytes that started transmission, packets delivered (a duplicate twice), lost on the wire,
// dropped at the queue, the longest queue, and on a link that damages packets, those damaged.

import type { TraceFold } from '../../engine/traceFold.ts';
import type { Nanos } from '../../engine/time.ts';
import '../../net/link/linkTrace.ts';

/** What one direction of a link did. */
export interface DirectionFigures {
  /** Packets that started transmission. */
  sent: number;
  /** Bytes on the wire of those packets. */
  bytesSent: number;
  /** Packets that arrived at the far end (duplicates count twice). */
  delivered: number;
  /** Packets lost on the wire (random loss, or the link went down under them). */
  lost: number;
  /** Packets dropped at the queue (full, or the link down). */
  queueDrops: number;
  /** Most packets waiting at once. */
  maxQueue: number;
  /** On a link with `corrupt`: packets damaged on the wire (they arrive, and are dropped there). */
  damaged?: number;
}

/** A link's settings and what each direction did. */
export interface LinkFigures {
  link: string;
  a: string;
  b: string;
  latency: Nanos;
  bandwidth: number;
  /** The share of packets lost on the wire, in the long run (burst loss: the model's rate). */
  loss: number;
  /** With burst loss: the mean length of a visit to the Bad state, in packets (1 / r). */
  burst?: number;
  /** With corruption: the probability that a packet is damaged on the wire. */
  corrupt?: number;
  /** From a to b, then from b to a. */
  directions: [DirectionFigures, DirectionFigures];
}

const zero = (): DirectionFigures => ({
  sent: 0,
  bytesSent: 0,
  delivered: 0,
  lost: 0,
  queueDrops: 0,
  maxQueue: 0,
});

/**
 * Folds the records of one link (the caller routes them here by `link`). `aNode` is the node at
 * its `a` end: records sent from it, or received by the other end, belong to direction a-to-b.
 */
export function linkFigures(
  settings: Omit<LinkFigures, 'directions'>,
  aNode: string,
): TraceFold<LinkFigures> {
  const ab = zero();
  const ba = zero();
  if (settings.corrupt !== undefined) ab.damaged = ba.damaged = 0;
  const from = (node: string): DirectionFigures => (node === aNode ? ab : ba);
  return {
    types: ['link.txBegin', 'link.rx', 'link.lost', 'link.corrupt', 'queue.drop', 'queue.length'],
    add(record) {
      switch (record.type) {
        case 'link.txBegin': {
          const d = from(record.node);
          d.sent++;
          d.bytesSent += record.bytes;
          break;
        }
        case 'link.rx':
          // Recorded by the receiving end: a delivery at b travelled from a.
          (record.node === aNode ? ba : ab).delivered++;
          break;
        case 'link.lost':
          from(record.node).lost++;
          break;
        case 'link.corrupt': {
          const d = from(record.node);
          d.damaged = (d.damaged ?? 0) + 1;
          break;
        }
        case 'queue.drop':
          from(record.node).queueDrops++;
          break;
        case 'queue.length': {
          const d = from(record.node);
          d.maxQueue = Math.max(d.maxQueue, record.packets);
          break;
        }
      }
    },
    result: () => ({ ...settings, directions: [{ ...ab }, { ...ba }] }),
  };
}
