// A hand-made ladder arrow for the ladder's unit tests: a pure ACK from `from`, sent and arrived
// at the times given (ns), with any field changed by `more`.
import type { LadderArrow } from '../../src/viz/ladder/index.ts';

export function ladderArrow(
  key: string,
  from: 0 | 1,
  sent: number,
  arrived: number | null,
  more: Partial<LadderArrow> = {},
): LadderArrow {
  return {
    key,
    pkt: Number(key),
    link: 'lan',
    from,
    sent,
    arrived,
    lost: null,
    label: 'ACK seq=1 ack=1 len=0',
    title: '',
    message: null,
    retransmit: null,
    duplicate: false,
    refused: null,
    payload: 0,
    data: false,
    pureAck: false,
    conn: 'a:1|b:2',
    ack: 1,
    ...more,
  };
}
