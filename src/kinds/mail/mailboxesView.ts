// The mailboxes of a node at a moment, for the node inspector: each mailbox its SMTP server has
// (from the document), and the messages in it at time t, read from the trace (mail.deliver puts
// one in, mail.remove takes it out). What the servers keep is never read: the view is the trace's.

import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import { asRecords, recordsOfTypes } from '../../engine/traceRecords.ts';
import type { ScenarioNode } from '../../sim/index.ts';
import './mailTrace.ts';

/** A message in a mailbox, as the inspector lists it. */
export interface MailboxMessage {
  messageId: string;
  from: string;
  subject: string;
  bytes: number;
}

/** One mailbox and its messages, oldest first. */
export interface MailboxContents {
  mailbox: string;
  messages: MailboxMessage[];
}

/** The mailboxes the node's SMTP servers have (local parts, in lower case), in document order. */
export function mailboxesOf(node: ScenarioNode): string[] {
  const boxes: string[] = [];
  for (const app of node.apps ?? [])
    if (app.type === 'smtpServer')
      for (const box of app.mailboxes ?? []) {
        const name = box.user.toLowerCase();
        if (!boxes.includes(name)) boxes.push(name);
      }
  return boxes;
}

/** The node's mail.deliver and mail.remove records, in trace order. */
export function mailboxRecords(
  records: TraceRecords | readonly TraceRecord[],
  node: string,
): TraceRecord<'mail.deliver' | 'mail.remove'>[] {
  const own: TraceRecord<'mail.deliver' | 'mail.remove'>[] = [];
  for (const r of recordsOfTypes(asRecords(records), ['mail.deliver', 'mail.remove']))
    if (r.node === node) own.push(r);
  return own;
}

/** Each of `mailboxes` with its messages at `time` (ns): delivered by then and not yet removed. */
export function mailboxesAt(
  mailboxes: readonly string[],
  own: readonly TraceRecord<'mail.deliver' | 'mail.remove'>[],
  time: number,
): MailboxContents[] {
  const contents = new Map(mailboxes.map((m) => [m, [] as MailboxMessage[]]));
  for (const r of own) {
    if (r.t > time) break;
    const box = contents.get(r.mailbox) ?? [];
    contents.set(r.mailbox, box);
    if (r.type === 'mail.deliver') {
      const { messageId, from, subject, bytes } = r;
      box.push({ messageId, from, subject, bytes });
    } else {
      const at = box.findIndex((m) => m.messageId === r.messageId);
      if (at >= 0) box.splice(at, 1);
    }
  }
  return [...contents].map(([mailbox, messages]) => ({ mailbox, messages }));
}
