// The content a web server holds: pages (real HTML whose <img>, <link> and <script> tags name the
// objects a browser then fetches), objects of given sizes, and the default small site.

import { utf8 } from '../../net/app/http/httpMessage.ts';
import { objectBytes } from './objectBytes.ts';

/** One resource as a scenario describes it. */
export interface SiteResourceSpec {
  path: string;
  /** Body size in bytes (pages are padded to it; ignored when `text` is given). */
  size?: number;
  /** Media type; guessed from the extension when absent. */
  type?: string;
  /** The exact body, as text. */
  text?: string;
  /** Objects a page references (same server), fetched by a browser after the page. */
  references?: string[];
}

/** A resource ready to serve. */
export interface SiteResource {
  path: string;
  type: string;
  body: Uint8Array;
  references: string[];
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css',
  js: 'text/javascript',
  png: 'image/png',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
};

/** The default site: a home page with three objects and an about page. */
export const DEFAULT_SITE: SiteResourceSpec[] = [
  { path: '/index.html', size: 2000, references: ['/style.css', '/logo.png', '/app.js'] },
  { path: '/style.css', size: 800 },
  { path: '/logo.png', size: 5000 },
  { path: '/app.js', size: 3000 },
  { path: '/about.html', size: 1200 },
];

/** The media type of a path from its extension. */
export function mediaType(path: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return TYPES[ext] ?? 'application/octet-stream';
}

/** The HTML tag that makes a browser fetch `path`. */
function tagFor(path: string): string {
  const type = mediaType(path);
  if (type === 'text/css') return `<link rel="stylesheet" href="${path}">`;
  if (type === 'text/javascript') return `<script src="${path}"></script>`;
  return `<img src="${path}" alt="">`;
}

/** A page's HTML: its references as tags, padded with text to `size` bytes. */
export function pageHtml(spec: SiteResourceSpec): string {
  const title = spec.path.replace(/^\//, '') || 'index';
  const head = `<!doctype html>\n<html><head><title>${title}</title></head><body>\n`;
  const tags = (spec.references ?? []).map((r) => `${tagFor(r)}\n`).join('');
  const tail = '</body></html>\n';
  const filler = 'Handshake serves this page. ';
  let body = '';
  const missing = (spec.size ?? 0) - head.length - tags.length - tail.length - 8;
  if (missing > 0)
    body = `<p>${filler.repeat(Math.ceil(missing / filler.length)).slice(0, missing)}</p>\n`;
  return head + tags + body + tail;
}

/** Builds the served resources from their specs. */
export function buildSite(specs: readonly SiteResourceSpec[]): Map<string, SiteResource> {
  const site = new Map<string, SiteResource>();
  for (const spec of specs) {
    const type = spec.type ?? mediaType(spec.path);
    const body =
      spec.text !== undefined
        ? utf8(spec.text)
        : type.startsWith('text/html')
          ? utf8(pageHtml(spec))
          : objectBytes(spec.path, type, spec.size ?? 1000);
    site.set(spec.path, { path: spec.path, type, body, references: spec.references ?? [] });
  }
  return site;
}

/** The same-server objects an HTML page references, in document order (what a browser fetches). */
export function referencedObjects(html: string): string[] {
  const found: string[] = [];
  const pattern = /<(?:img|script)\b[^>]*\bsrc="([^"]+)"|<link\b[^>]*\bhref="([^"]+)"/gi;
  for (const match of html.matchAll(pattern)) {
    const path = match[1] ?? match[2] ?? '';
    if (path.startsWith('/') && !found.includes(path)) found.push(path);
  }
  return found;
}
