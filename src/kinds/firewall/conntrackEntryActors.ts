// The adapter between a ConnectionTable and its entries' machines: pass `onReport` to the table
// and each report (a flow's new/reply/fin/close/expire, never a packet) becomes one event of that
// entry's conntrackEntryMachine, run by a FlatMachineActor on simulated time. Not wired into a
// node yet (issue 17): a node's firewall kind will own one of these beside its table.

import type { SimulatedClock } from '../../engine/xstateClock.ts';
import { FlatMachineActor } from '../../machines/flatMachineActor.ts';
import type { ConntrackEntry, ConntrackOptions, ConntrackReport } from './connectionTracking.ts';
import { conntrackEntryMachine, entryTimeouts } from './conntrackEntryMachine.ts';
import type { ConntrackEntryEvent, EndedBy } from './conntrackEntryMachine.ts';

/** The machine event of a report; undefined for `conntrack.new`, which starts a machine instead. */
export function entryEventOf(report: ConntrackReport): ConntrackEntryEvent | undefined {
  const { event, at } = report;
  switch (event.type) {
    case 'conntrack.new':
      return undefined;
    case 'conntrack.reply':
    case 'conntrack.expire':
      return { type: event.type, at };
    case 'conntrack.fin':
      return { type: event.type, direction: event.direction, at };
    case 'conntrack.close':
      return { type: event.type, reason: event.reason, at };
  }
}

type EntryActor = FlatMachineActor<typeof conntrackEntryMachine>;

export interface ConntrackActorsOptions {
  clock: SimulatedClock;
  /** The table's timeouts, so UDP and ICMP entries time out in the machine when in the table. */
  timeouts?: Partial<ConntrackOptions>;
  /**
   * Called when an entry's machine ends. For `timeout` on a TCP entry the table still holds it
   * (the table has no TCP timeouts): the host removes it there.
   */
  onEnd?: (entry: ConntrackEntry, endedBy: EndedBy) => void;
}

/** One machine per tracked flow, started on `conntrack.new` and dropped when it closes. */
export class ConntrackEntryActors {
  private readonly actors = new Map<ConntrackEntry, EntryActor>();
  private readonly machine: typeof conntrackEntryMachine;

  constructor(private readonly options: ConntrackActorsOptions) {
    // One provided machine for every entry (provide() per actor would cost a compile each).
    this.machine = conntrackEntryMachine.provide({
      actions: {
        forget: ({ context }) => {
          this.actors.delete(context.entry);
          this.options.onEnd?.(context.entry, context.endedBy ?? 'timeout');
        },
      },
    });
  }

  /** Give this to the ConnectionTable: it is called once per report, never per packet. */
  readonly onReport = (report: ConntrackReport): void => {
    const event = entryEventOf(report);
    if (event === undefined) {
      const input = {
        entry: report.entry,
        timeouts: entryTimeouts(report.entry.original.protocol, this.options.timeouts),
        at: report.at,
      };
      const actor = new FlatMachineActor(this.machine, { clock: this.options.clock, input });
      this.actors.set(report.entry, actor);
      actor.start();
      return;
    }
    this.actors.get(report.entry)?.send(event);
  };

  /** The running machine of `entry`, if it has one. */
  actorOf(entry: ConntrackEntry): EntryActor | undefined {
    return this.actors.get(entry);
  }

  /** How many entries have a running machine. */
  get size(): number {
    return this.actors.size;
  }

  /** Stops every machine (the table was emptied, as when the firewall crashed). */
  stopAll(): void {
    for (const actor of this.actors.values()) actor.stop();
    this.actors.clear();
  }
}
