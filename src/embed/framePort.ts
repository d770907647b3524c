// The iframe entry's postMessage API. Only the page that framed the embed may drive it: a message
// counts when it comes from the parent window and from an allowed origin (those the `origin`
// parameter lists, else the framing page's own, from location.ancestorOrigins or the referrer),
// and the embed's events go to those origins only, never to "*".
//
// Host to embed: { handshake: 'play' | 'pause' } | { handshake: 'seek', t } | { handshake:
// 'load', doc }, each with an optional `id`. Embed to host: { handshake: 'event', type:
// 'hs-ready' | 'hs-step' | 'hs-complete' | 'hs-error', detail } and, for each command,
// { handshake: 'reply', id, ok, error? }.

import { EMBED_EVENTS } from './HandshakeSimElement.ts';

/** What the port drives: the element's methods. */
export interface DrivenElement {
  play(): void;
  pause(): void;
  seek(t: number | string): void;
  load(doc: unknown): Promise<void>;
}

/** The origins allowed to drive the embed: the `origin` parameters, else the framing page's. */
export function allowedOrigins(
  params: URLSearchParams,
  ancestors: readonly string[],
  referrer: string,
): string[] {
  const listed = params
    .getAll('origin')
    .flatMap((value) => value.split(/[\s,]+/))
    .filter((origin) => /^https?:\/\/[^/\s]+$/.test(origin));
  if (listed.length > 0) return listed;
  const framing = ancestors[0] ?? originOf(referrer);
  return framing && framing !== 'null' ? [framing] : [];
}

function originOf(address: string): string | null {
  try {
    return address ? new URL(address).origin : null;
  } catch {
    return null;
  }
}

type Command =
  | { handshake: 'play' | 'pause'; id?: unknown }
  | { handshake: 'seek'; t: number | string; id?: unknown }
  | { handshake: 'load'; doc: unknown; id?: unknown };

/** What is wrong with a message that claims to be a command, or null when it is one. */
export function commandProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return 'a command is an object';
  const command = (data as { handshake?: unknown }).handshake;
  if (command === 'play' || command === 'pause') return null;
  if (command === 'seek')
    return 't' in data ? null : 'seek needs t: simulated seconds, or a duration like "2ms"';
  if (command === 'load') return 'doc' in data ? null : 'load needs doc: a scenario document';
  return `${JSON.stringify(command)} is not a command: play, pause, seek or load`;
}

/** Connects the element in this frame to the page that framed it. */
export function connectFramePort(
  frame: Window,
  element: HTMLElement & DrivenElement,
  params: URLSearchParams,
): void {
  const parent = frame.parent;
  if (parent === frame) return; // not in a frame: no one to talk to
  const origins = allowedOrigins(
    params,
    Array.from(frame.location.ancestorOrigins ?? []),
    frame.document.referrer,
  );
  const post = (message: unknown) => {
    for (const origin of origins) parent.postMessage(message, origin);
  };
  for (const type of Object.values(EMBED_EVENTS)) {
    element.addEventListener(type, (event) =>
      post({ handshake: 'event', type, detail: (event as CustomEvent).detail }),
    );
  }
  frame.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== parent || !origins.includes(event.origin)) return;
    const data = event.data as unknown;
    if (typeof data !== 'object' || data === null || !('handshake' in data)) return;
    const id = (data as { id?: unknown }).id ?? null;
    const reply = (ok: boolean, error?: string) =>
      parent.postMessage({ handshake: 'reply', id, ok, ...(error ? { error } : {}) }, event.origin);
    const problem = commandProblem(data);
    if (problem) return reply(false, problem);
    const command = data as Command;
    try {
      if (command.handshake === 'play') element.play();
      else if (command.handshake === 'pause') element.pause();
      else if (command.handshake === 'seek') element.seek(command.t);
      else {
        element.load((command as Extract<Command, { handshake: 'load' }>).doc).then(
          () => reply(true),
          (error: unknown) => reply(false, error instanceof Error ? error.message : String(error)),
        );
        return;
      }
      reply(true);
    } catch (error) {
      reply(false, error instanceof Error ? error.message : String(error));
    }
  });
}
