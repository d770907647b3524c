// The TCP header of the reset that answers a segment nobody wants (RFC 9293 section 3.10.7.1):
// if the segment has ACK, RST with seq = its ack; else RST+ACK with seq 0 and ack = its seq plus
// its length (SYN and FIN counted). Ports swapped, window 0, no options. Used by a TCP layer with
// no socket for the segment and by a firewall rule that rejects with a reset.
import { tcpFlags, type TcpHeader } from '../wire/packet.ts';
import { segmentLength } from './segment.ts';
import { seqAdd } from './seq.ts';

/** The reset answering the segment `offending` carrying `payload`. */
export function resetReply(offending: TcpHeader, payload: Uint8Array): TcpHeader {
  const length = segmentLength({
    seq: offending.seq,
    data: payload,
    syn: offending.flags.syn,
    fin: offending.flags.fin,
  });
  return {
    kind: 'tcp',
    srcPort: offending.dstPort,
    dstPort: offending.srcPort,
    seq: offending.flags.ack ? offending.ack : 0,
    ack: offending.flags.ack ? 0 : seqAdd(offending.seq, length),
    flags: tcpFlags({ rst: true, ack: !offending.flags.ack }),
    window: 0,
    urgentPointer: 0,
    options: [],
  };
}
