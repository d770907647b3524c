// Fetches the documents an embed is asked for: a scenario or lesson file at a URL (relative to the
// host page, http or https only, within a size and time limit) or the text of a script element on
// the page (`#id`). Every failure is a sentence naming the attribute and what went wrong, to show
// in the element's box; nothing read here is ever run or inserted as HTML.

import type { DocumentSource } from './embedOptions.ts';
import { quoted } from './embedOptions.ts';

/** Largest document an embed reads (the app's own limit for a file). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** How long a fetch may take before the embed says so, in ms. */
export const FETCH_TIMEOUT_MS = 15_000;

export type LoadedDocument =
  | {
      ok: true;
      text: string;
      /** Where it came from, as a message names it. */ from: string;
      url: URL | null;
    }
  | { ok: false; message: string };

/** Where an embed looks for documents: its page's elements and address, and how it fetches. */
export interface DocumentContext {
  /** The element's root (its document, or a shadow root it sits in). */
  root: { getElementById(id: string): Element | null };
  /** The address relative URLs are read against (the host page's base URI). */
  base: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Reads a document from where `source` says; `what` names it in messages ("the scenario"). */
export async function loadDocument(
  source: DocumentSource,
  what: string,
  context: DocumentContext,
): Promise<LoadedDocument> {
  const loaded =
    source.kind === 'inline'
      ? inlineDocument(source.id, what, context)
      : await fetchDocument(source.url, what, context);
  // A sentence: "The scenario at … could not be loaded: …".
  return loaded.ok
    ? loaded
    : { ok: false, message: loaded.message.charAt(0).toUpperCase() + loaded.message.slice(1) };
}

function inlineDocument(id: string, what: string, context: DocumentContext): LoadedDocument {
  const element = context.root.getElementById(id);
  if (!element)
    return { ok: false, message: `${what}: the page has no element with id ${quoted(id)}` };
  if (element.localName !== 'script')
    return {
      ok: false,
      message: `${what}: #${id} is a <${element.localName}>, not a <script type="application/json"> holding the document`,
    };
  const text = element.textContent ?? '';
  if (text.length > MAX_DOCUMENT_BYTES)
    return { ok: false, message: `${what}: #${id} holds over ${MAX_DOCUMENT_BYTES} characters` };
  return { ok: true, text, from: `#${id}`, url: null };
}

async function fetchDocument(
  address: string,
  what: string,
  context: DocumentContext,
): Promise<LoadedDocument> {
  let url: URL;
  try {
    url = new URL(address, context.base);
  } catch {
    return { ok: false, message: `${what}: ${quoted(address)} is not a URL` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {
      ok: false,
      message: `${what}: ${quoted(address)} is not an http or https address`,
    };
  const shown = quoted(url.href);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), context.timeoutMs ?? FETCH_TIMEOUT_MS);
  try {
    const response = await (context.fetch ?? fetch)(url, {
      signal: abort.signal,
      credentials: 'same-origin',
    });
    if (!response.ok)
      return {
        ok: false,
        message:
          `${what} at ${shown} could not be loaded: the server answered ${response.status} ${response.statusText}`.trim(),
      };
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_DOCUMENT_BYTES)
      return { ok: false, message: `${what} at ${shown} is over ${MAX_DOCUMENT_BYTES} bytes` };
    if ((response.headers.get('content-type') ?? '').includes('text/html'))
      return {
        ok: false,
        message: `${what} at ${shown} is a web page, not a document: is the address right?`,
      };
    const text = await response.text();
    if (text.length > MAX_DOCUMENT_BYTES)
      return { ok: false, message: `${what} at ${shown} is over ${MAX_DOCUMENT_BYTES} bytes` };
    return { ok: true, text, from: url.href, url };
  } catch (error) {
    const reason = abort.signal.aborted
      ? `no answer within ${Math.round((context.timeoutMs ?? FETCH_TIMEOUT_MS) / 100) / 10} s`
      : `${error instanceof Error ? error.message : String(error)} (is the address right, and does its server let other sites read it (CORS)?)`;
    return { ok: false, message: `${what} at ${shown} could not be loaded: ${reason}` };
  } finally {
    clearTimeout(timer);
  }
}
