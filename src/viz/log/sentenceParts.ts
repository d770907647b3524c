// Small pieces the event log's sentences share, here and in the kinds' own narration
// (src/kinds/*/…View.ts): errno names with their meaning, state names as words, durations.

import { formatDuration } from '../../engine/time.ts';
import { SOCKET_ERROR_TEXT, type SocketErrorCode } from '../../net/transport/socketTrace.ts';

/** An errno name with what it means: `ECONNREFUSED: nobody is listening on that port ...`. */
export function errorText(error: string): string {
  const meaning = SOCKET_ERROR_TEXT[error as SocketErrorCode] as string | undefined;
  return meaning ? `${error}: ${meaning}` : error;
}

/** camelCase state names as words (`waitingForIo` → `waiting for io`). */
export function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A duration for a sentence: `0 s` rather than `0 ns`. */
export function duration(ns: number): string {
  return ns === 0 ? '0 s' : formatDuration(ns);
}

/** `request 3` or `request 3 (retry 1)`, as the trace's message labels read. */
export function messageName(kind: 'request' | 'reply', seq: number, attempt: number): string {
  return attempt > 0 ? `${kind} ${seq} (retry ${attempt})` : `${kind} ${seq}`;
}
