// The application messages of the first scenarios: numbered requests and their replies, carried
// whole over links. The network layer replaces them with real packets.

import type { LinkMessage } from '../net/link.ts';

/** A request or reply between a pinger and an echo server. */
export interface AppMessage extends LinkMessage {
  kind: 'request' | 'reply';
  from: string;
  to: string;
  seq: number;
  attempt: number;
}

/** Short label for the picture and the trace: `request 3`, `reply 3 (retry 1)`. */
export function messageLabel(kind: AppMessage['kind'], seq: number, attempt: number): string {
  return attempt > 0 ? `${kind} ${seq} (retry ${attempt})` : `${kind} ${seq}`;
}
