// What the embed's end-to-end tests share: course pages served from another origin than the
// built app (another port is another origin, so the module, its chunks and the documents come
// cross-origin), the script such a page uses to note every hs-* event, and axe-core run inside an
// embed's shadow tree.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';

/** A page's script that notes every event the embeds fire in `window.heard`. */
export const LISTEN_TO_EMBEDS = `<script>
      window.heard = [];
      for (const type of ['hs-ready', 'hs-step', 'hs-complete', 'hs-error'])
        document.addEventListener(type, (event) =>
          window.heard.push({ id: event.target.id, type, detail: event.detail }),
        );
    </script>`;

/** An event an embed fired, as the page noted it. */
export interface Heard {
  id: string;
  type: string;
  detail: Record<string, unknown>;
}

/** The events the page noted so far. */
export const heard = (page: Page) =>
  page.evaluate(() => (window as unknown as { heard: Heard[] }).heard);

/** What the host serves at a path: HTML unless another content type is given. */
export type HostedFile = string | { type: string; body: string };

/** Serves `files` by path on 127.0.0.1 (reached as localhost); anything else is a 404. */
export async function startHost(
  files: Record<string, HostedFile>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    // A browser asks every site for its icon; a course page need not have one.
    if (request.url === '/favicon.ico') return void response.writeHead(204).end();
    const file = files[request.url ?? ''];
    const { type, body } =
      file === undefined
        ? { type: 'text/html', body: 'not found' }
        : typeof file === 'string'
          ? { type: 'text/html', body: file }
          : file;
    response.writeHead(file === undefined ? 404 : 200, { 'content-type': type });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Puts axe-core in the page (once before axeIn). */
export async function addAxe(page: Page): Promise<void> {
  await page.addScriptTag({ path: AXE_PATH });
}

/** axe-core's serious and critical violations inside the element `selector` (its shadow tree too). */
export async function axeIn(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(async (selector) => {
    type Axe = {
      run: (context: { include: string[][] }) => Promise<{
        violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
      }>;
    };
    const results = await (window as unknown as { axe: Axe }).axe.run({ include: [[selector]] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) => `${v.impact} ${v.id} (${v.nodes.map((n) => JSON.stringify(n.target)).join('; ')})`,
      );
  }, selector);
}
