// The mail a node keeps: each mailbox's messages (what its SMTP server delivered, what its POP3
// server hands out and removes), found by node so that both servers of a node share it and it
// outlives a crash, as a spool on disk does. And when each message was first sent, by its
// Message-ID, so a client that fetches one can say how long it took (a simulator's bookkeeping:
// the message itself carries only its Date, to the second).

import { rootSimulator } from '../../engine/simulatorScope.ts';
import type { Simulator } from '../../engine/simulator.ts';

/** A message in a mailbox. */
export interface StoredMessage {
  messageId: string;
  from: string;
  subject: string;
  /** The message as delivered, with its Received fields. */
  bytes: Uint8Array;
}

/** One node's mailboxes, by local part (compared in lower case). */
export class MailStore {
  private readonly boxes = new Map<string, { password: string; messages: StoredMessage[] }>();

  /** Opens a mailbox (again after a restart: its messages stay). */
  open(user: string, password: string): void {
    const key = user.toLowerCase();
    const box = this.boxes.get(key);
    if (box) box.password = password;
    else this.boxes.set(key, { password, messages: [] });
  }

  /** Whether `user` has a mailbox here. */
  has(user: string): boolean {
    return this.boxes.has(user.toLowerCase());
  }

  /** Whether `password` opens `user`'s mailbox. */
  admits(user: string, password: string): boolean {
    return this.boxes.get(user.toLowerCase())?.password === password;
  }

  /** Appends a message to `user`'s mailbox (false when there is none). */
  deliver(user: string, message: StoredMessage): boolean {
    const box = this.boxes.get(user.toLowerCase());
    if (!box) return false;
    box.messages.push(message);
    return true;
  }

  /** `user`'s messages now, oldest first. */
  messages(user: string): readonly StoredMessage[] {
    return this.boxes.get(user.toLowerCase())?.messages ?? [];
  }

  /** Removes these messages from `user`'s mailbox. */
  remove(user: string, gone: ReadonlySet<StoredMessage>): void {
    const box = this.boxes.get(user.toLowerCase());
    if (box) box.messages = box.messages.filter((m) => !gone.has(m));
  }
}

interface SimulationMail {
  stores: Map<string, MailStore>;
  sent: Map<string, number>;
}
const bySimulation = new WeakMap<Simulator, SimulationMail>();

function mailOf(sim: Simulator): SimulationMail {
  const root = rootSimulator(sim);
  let mail = bySimulation.get(root);
  if (!mail) bySimulation.set(root, (mail = { stores: new Map(), sent: new Map() }));
  return mail;
}

/** The mail store of `node` (made on first use). */
export function mailStoreOf(sim: Simulator, node: string): MailStore {
  const { stores } = mailOf(sim);
  let store = stores.get(node);
  if (!store) stores.set(node, (store = new MailStore()));
  return store;
}

/** Notes that the message `messageId` was sent now (the first time counts). */
export function noteSent(sim: Simulator, messageId: string): void {
  const { sent } = mailOf(sim);
  if (!sent.has(messageId)) sent.set(messageId, sim.now());
}

/** When `messageId` was sent, or undefined when no client of this run sent it. */
export function sentAt(sim: Simulator, messageId: string): number | undefined {
  return mailOf(sim).sent.get(messageId);
}
