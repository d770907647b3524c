// The figures of a node that crashed in a run: how often it crashed and restarted, how long it
// was down, and how many packets reached it (or its own stack tried to send) while it was down.
// Folded from its node.crash, node.restart and ip.drop records, and sim.end.

import type { TraceFold } from '../../engine/traceFold.ts';
import '../../net/ip/ipTrace.ts';

/** What crashing did to a node over a run. */
export interface NodeFailureFigures {
  node: string;
  crashes: number;
  restarts: number;
  /** Time spent crashed, ns (up to the end of the run when it never came back). */
  downNs: number;
  /** Packets dropped because it was down. */
  droppedWhileDown: number;
}

/** Folds `node`'s crash and restart records (the caller routes its records here). */
export function nodeFailureFigures(node: string): TraceFold<NodeFailureFigures> {
  const figures = { node, crashes: 0, restarts: 0, downNs: 0, droppedWhileDown: 0 };
  let since = -1;
  let end = 0;
  return {
    types: ['node.crash', 'node.restart', 'ip.drop', 'sim.end'],
    add(record) {
      end = record.t;
      switch (record.type) {
        case 'node.crash':
          figures.crashes++;
          since = record.t;
          break;
        case 'node.restart':
          figures.restarts++;
          if (since >= 0) figures.downNs += record.t - since;
          since = -1;
          break;
        case 'ip.drop':
          if (record.reason === 'nodeDown') figures.droppedWhileDown++;
          break;
      }
    },
    result: () => ({ ...figures, downNs: figures.downNs + (since >= 0 ? end - since : 0) }),
  };
}

/** `node       web: crashed 1 time, restarted 1 time, down 3 s, 12 packets dropped meanwhile`. */
export function nodeFailureLine(f: NodeFailureFigures, duration: (ns: number) => string): string {
  const times = (n: number) => `${n} time${n === 1 ? '' : 's'}`;
  return (
    `node       ${f.node}: crashed ${times(f.crashes)}, restarted ${times(f.restarts)}, ` +
    `down ${duration(f.downNs)}, ${f.droppedWhileDown} packet${f.droppedWhileDown === 1 ? '' : 's'} dropped meanwhile`
  );
}
