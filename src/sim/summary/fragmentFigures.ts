// What each node did about packet sizes in a run: datagrams it cut into fragments (and how many
// fragments), datagrams it put back together or gave up on, packets it dropped as too big with
// Don't Fragment set, and the path MTUs it learned. Folded from ip.fragment, ip.reassemble,
// ip.reassemblyTimeout, ip.drop and ip.pmtu; only nodes that did any of it are listed.

import type { TraceFold } from '../../engine/traceFold.ts';
import '../../net/ip/ipTrace.ts';

/** One node's fragmentation, reassembly and path MTU figures. */
export interface FragmentFigures {
  node: string;
  /** Datagrams it cut into fragments, sending or forwarding them. */
  fragmented: number;
  /** The fragments it made of them. */
  fragments: number;
  /** Datagrams it rebuilt from their fragments. */
  reassembled: number;
  /** Datagrams whose fragments waited the reassembly timeout in vain. */
  timedOut: number;
  /** Packets dropped as too big for the next link with Don't Fragment set. */
  tooBig: number;
  /** The path MTUs it learned, by destination (dotted), the latest of each. */
  pathMtus: { dst: string; mtu: number }[];
}

/** Folds every node's figures; `order` lists the nodes in document order. */
export function fragmentFigures(order: readonly string[]): TraceFold<FragmentFigures[]> {
  const byNode = new Map<string, FragmentFigures>();
  const of = (node: string): FragmentFigures => {
    let f = byNode.get(node);
    if (!f) {
      f = {
        node,
        fragmented: 0,
        fragments: 0,
        reassembled: 0,
        timedOut: 0,
        tooBig: 0,
        pathMtus: [],
      };
      byNode.set(node, f);
    }
    return f;
  };
  const rank = new Map(order.map((node, i) => [node, i]));
  return {
    types: ['ip.fragment', 'ip.reassemble', 'ip.reassemblyTimeout', 'ip.drop', 'ip.pmtu'],
    add(record) {
      switch (record.type) {
        case 'ip.fragment': {
          const f = of(record.node);
          f.fragmented++;
          f.fragments += record.fragments.length;
          break;
        }
        case 'ip.reassemble':
          of(record.node).reassembled++;
          break;
        case 'ip.reassemblyTimeout':
          of(record.node).timedOut++;
          break;
        case 'ip.drop':
          if (record.reason === 'fragmentationNeeded') of(record.node).tooBig++;
          break;
        case 'ip.pmtu': {
          const { pathMtus } = of(record.node);
          const known = pathMtus.find((p) => p.dst === record.dst);
          if (known) known.mtu = record.mtu;
          else pathMtus.push({ dst: record.dst, mtu: record.mtu });
          break;
        }
      }
    },
    result: () =>
      [...byNode.values()]
        .map((f) => ({ ...f, pathMtus: f.pathMtus.map((p) => ({ ...p })) }))
        .sort((a, b) => (rank.get(a.node) ?? Infinity) - (rank.get(b.node) ?? Infinity)),
  };
}

/**
 * `ip         r1: 3 datagrams cut into 9 fragments, 1 too big with DF; path MTU 576 to
 * 10.0.3.20`, the parts it has.
 */
export function fragmentLine(f: FragmentFigures): string {
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const parts: string[] = [];
  if (f.fragmented > 0) {
    parts.push(`${plural(f.fragmented, 'datagram')} cut into ${plural(f.fragments, 'fragment')}`);
  }
  if (f.reassembled > 0) parts.push(`${plural(f.reassembled, 'datagram')} reassembled`);
  if (f.timedOut > 0) parts.push(`${plural(f.timedOut, 'reassembly', 'reassemblies')} timed out`);
  if (f.tooBig > 0) parts.push(`${plural(f.tooBig, 'packet')} too big with DF`);
  const paths = f.pathMtus.map((p) => `path MTU ${p.mtu} to ${p.dst}`).join(', ');
  return `ip         ${f.node}: ${[parts.join(', '), paths].filter(Boolean).join('; ')}`;
}
