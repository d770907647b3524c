// End-to-end, in Debian's Chromium: the canvas editor builds a network with the mouse from an
// empty document (issue 14's must-show). Client, router and server are dragged from the palette,
// linked by dragging from a node's handle onto another, the client gets a web client aimed at the
// server; Run shows the HTTP exchange in the log. Every step undoes back to the empty canvas and
// redoes to the same document; the saved file reopens after a reload as the same document, and
// the share link opens the same topology in a fresh page. Then the keyboard: the palette, Delete,
// copy and paste, and a refused edit said in words. Nodes carry the scenario's warnings.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appSession, file, logTexts, runWithSeed, shot, showTab } from './appSession.ts';

const session = appSession();

const EMPTY = JSON.stringify({
  format: 'handshake/scenario@1',
  name: 'Built on the canvas',
  until: '5s',
  nodes: [],
  links: [],
});

async function openEmpty(page: Page): Promise<void> {
  await page.getByLabel('Open a scenario file (JSON)').setInputFiles(file('canvas.json', EMPTY));
  await page.getByText('from canvas.json').waitFor();
  await page.getByTestId('edit-canvas').click();
  await page.getByTestId('canvas').waitFor();
}

/** Drags the palette's `role` onto the canvas at (x, y) in canvas units (1 unit = 1 px). */
async function dropKind(page: Page, role: string, x: number, y: number): Promise<void> {
  const from = (await page.locator(`[data-role="${role}"]`).boundingBox())!;
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(canvas.x + x / 2, canvas.y + y / 2, { steps: 4 });
  await page.mouse.move(canvas.x + x, canvas.y + y, { steps: 4 });
  await page.mouse.up();
}

/** Drags from `from`'s link handle onto the middle of node `to`. */
async function link(page: Page, from: string, to: string): Promise<void> {
  const handle = (await page.locator(`[data-handle="${from}"]`).boundingBox())!;
  const target = (await page.locator(`[data-canvas-node="${to}"] .card`).boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 6 });
  await page.mouse.up();
}

async function status(page: Page): Promise<string> {
  return (await page.getByTestId('canvas-status').textContent())?.trim() ?? '';
}

/** Saves the document by the Save button and returns the file's text. */
async function save(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('save').click(),
  ]);
  return readFileSync((await download.path())!, 'utf8');
}

const nodeIds = (page: Page, where: string) =>
  page
    .locator(`[data-testid="${where}"] [data-node]`)
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-node')));

describe('the canvas editor', () => {
  it(
    'builds client, router and server with the mouse; runs HTTP; undo, redo, save, reopen, share',
    { timeout: 240_000 },
    async () => {
      const page = await session.openApp({ viewport: { width: 1600, height: 1000 } });
      await openEmpty(page);
      expect(await nodeIds(page, 'canvas')).toEqual([]);

      await dropKind(page, 'client', 160, 120);
      await expect.poll(() => status(page)).toBe('Add client c1.');
      await dropKind(page, 'router', 480, 120);
      await dropKind(page, 'server', 800, 120);
      await expect.poll(() => nodeIds(page, 'canvas')).toEqual(['c1', 'r1', 'srv1']);
      // Dropped on the grid where the mouse let go: the card (200 wide) centred at (480, 120).
      const box = (await page.locator('[data-canvas-node="r1"] .card').boundingBox())!;
      const origin = (await page.getByTestId('canvas').boundingBox())!;
      expect(Math.round(box.x + box.width / 2 - origin.x)).toBe(480);
      expect(Math.round(box.y + box.height / 2 - origin.y)).toBe(120);

      // Not linked yet: each node carries a warning marker that says so.
      const warning = page.locator('[data-warning="c1"]');
      expect(await warning.getAttribute('aria-label')).toBe(
        'Warning for c1: c1 is not linked to any other node, so nothing reaches it',
      );
      expect(await warning.isVisible()).toBe(true);

      await link(page, 'c1', 'r1');
      await expect.poll(() => status(page)).toBe('Link c1 to r1.');
      expect(await page.locator('[data-warning="c1"]').count()).toBe(0);
      await link(page, 'r1', 'srv1');
      await expect.poll(() => status(page)).toBe('Link r1 to srv1.');
      // The address plan: a /24 per link, the router .1, hosts from .10.
      const card = (id: string) => page.locator(`[data-canvas-node="${id}"]`).textContent();
      expect(await card('c1')).toContain('10.0.1.10/24');
      expect(await card('r1')).toContain('10.0.1.1/24');
      expect(await card('r1')).toContain('10.0.2.1/24');
      expect(await card('srv1')).toContain('10.0.2.10/24');

      // The client gets a web client; it aims at the server, as the property panel shows.
      await page.locator('[data-canvas-node="c1"] .card').click();
      await page.getByTestId('canvas-app-kind').selectOption('httpClient');
      await page.getByTestId('canvas-add-app').click();
      await expect.poll(() => status(page)).toBe('Add web client to c1.');
      await showTab(page, 'Edit');
      const panel = page.getByTestId('property-panel');
      await expect
        .poll(() => panel.getByRole('heading').first().textContent())
        .toBe('Node c1 (id c1)');
      await panel.locator('details > summary', { hasText: /^apps/ }).first().click();
      await panel
        .locator('details > summary', { hasText: /^1: httpClient/ })
        .first()
        .click();
      const webClient = panel
        .locator('details', {
          has: page.locator(':scope > summary', { hasText: /^1: httpClient/ }),
        })
        .first();
      expect(await webClient.getByLabel('server', { exact: true }).inputValue()).toBe('srv1');
      // The server serves the web on port 80.
      await page.locator('[data-canvas-node="srv1"] .card').click();
      await showTab(page, 'Edit'); // selecting a node brings its inspector forward
      await expect
        .poll(() => panel.getByRole('heading').first().textContent())
        .toBe('Node srv1 (id srv1)');
      await shot(page, 'canvas-editor-built');
      const built = await save(page);
      const doc = JSON.parse(built) as { nodes: { id: string; apps?: unknown[] }[] };
      expect(doc.nodes.find((n) => n.id === 'srv1')?.apps).toEqual([
        { type: 'httpServer', port: 80 },
      ]);

      // Run: the client's request and the server's response are in the log.
      await runWithSeed(page, 1);
      const texts = await logTexts(page);
      expect(texts.some((t) => /sends HTTP request GET \/index\.html/.test(t))).toBe(true);
      expect(texts.some((t) => /200 OK/.test(t))).toBe(true);

      // Undo every step back to the empty canvas (keyboard), then redo them all (buttons).
      await page.locator('h1').click();
      const undo = page.getByTestId('undo');
      let steps = 0;
      while (await undo.isEnabled()) {
        await page.keyboard.press('Control+z');
        steps++;
        expect(steps).toBeLessThan(20);
      }
      expect(steps).toBe(6); // three nodes placed, two links, one app
      expect(await nodeIds(page, 'canvas')).toEqual([]);
      const redo = page.getByTestId('redo');
      while (await redo.isEnabled()) await redo.click();
      expect(await nodeIds(page, 'canvas')).toEqual(['c1', 'r1', 'srv1']);
      expect(await save(page)).toBe(built);

      // Reload and open the saved file: the same document.
      await page.reload();
      await page.getByTestId('scenario-name').waitFor();
      await page
        .getByLabel('Open a scenario file (JSON)')
        .setInputFiles(file('built-on-the-canvas.json', built));
      await page.getByText('from built-on-the-canvas.json').waitFor();
      expect(await save(page)).toBe(built);

      // The share link opens the same topology in a fresh page.
      await page.getByTestId('share').click();
      const shared = await page.getByTestId('share-link').inputValue();
      const other = await page
        .context()
        .browser()!
        .newContext({ viewport: { width: 1366, height: 768 } });
      try {
        const fresh = await other.newPage();
        await fresh.goto(shared);
        await fresh
          .getByTestId('scenario-name')
          .filter({ hasText: 'Built on the canvas' })
          .waitFor();
        expect(await nodeIds(fresh, 'topology')).toEqual(['c1', 'r1', 'srv1']);
        expect(await save(fresh)).toBe(built);
      } finally {
        await other.close();
      }
      expect(session.errors).toEqual([]);
    },
  );

  it('works by keyboard: palette, link, delete, copy and paste, and says why an edit is refused', async () => {
    const page = await session.openApp({ viewport: { width: 1600, height: 1000 } });
    await openEmpty(page);
    const switchButton = page.locator('[data-role="switch"]');
    await switchButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page)).toBe('Add switch s1.');
    await page.locator('[data-role="client"]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => nodeIds(page, 'canvas')).toEqual(['s1', 'c1', 'c2']);

    // Link c2 to s1 from the toolbar.
    await page.locator('[data-canvas-node="c2"] g.node').focus();
    await page.keyboard.press('Escape'); // c2, placed last, was selected: select it alone anew
    await page.keyboard.press('Enter');
    await page.getByTestId('canvas-link-target').selectOption('s1');
    await page.getByTestId('canvas-link').click();
    await expect.poll(() => status(page)).toBe('Link c2 to s1.');

    // A web client on c1, which has no address yet: refused, with the reason.
    await page.locator('[data-canvas-node="c1"] g.node').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.getByTestId('canvas-app-kind').selectOption('httpClient');
    await page.getByTestId('canvas-add-app').click();
    const refused = page.getByTestId('canvas-status');
    await expect.poll(() => refused.getAttribute('role')).toBe('alert');
    expect(await status(page)).toMatch(/was refused: .*c1 has no address/);

    // Copy c2 and paste it: a fresh id and a fresh address; Delete removes the copy.
    await page.locator('[data-canvas-node="c2"] g.node').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => status(page)).toBe('Paste c3.');
    expect(await page.locator('[data-canvas-node="c3"]').textContent()).toContain('10.0.2.10/24');
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeIds(page, 'canvas')).toEqual(['s1', 'c1', 'c2']);

    // A rubber band around both clients selects them; Delete removes both and their link.
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    await page.mouse.move(canvas.x + 400, canvas.y + 10);
    await page.mouse.down();
    await page.mouse.move(canvas.x + 900, canvas.y + 150, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeIds(page, 'canvas')).toEqual(['s1']);
    expect(await page.locator('[data-testid="canvas"] [data-link]').count()).toBe(0);

    // s1 was added at the first free spot, (140, 80); dragged by (+93, +47) it lands on the grid
    // at (240, 120); the right arrow moves it one grid step (20) further.
    const centre = async () => {
      const box = (await page.locator('[data-canvas-node="s1"] .card').boundingBox())!;
      const origin = (await page.getByTestId('canvas').boundingBox())!;
      return [
        Math.round(box.x + box.width / 2 - origin.x),
        Math.round(box.y + box.height / 2 - origin.y),
      ];
    };
    expect(await centre()).toEqual([140, 80]);
    const now = (await page.getByTestId('canvas').boundingBox())!;
    await page.mouse.move(now.x + 140, now.y + 80);
    await page.mouse.down();
    await page.mouse.move(now.x + 233, now.y + 127, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => status(page)).toBe('Move s1.');
    expect(await centre()).toEqual([240, 120]);
    await page.keyboard.press('ArrowRight');
    await expect.poll(centre).toEqual([260, 120]);

    // Lay out: one command like any other.
    await page.getByTestId('canvas-layout').click();
    await expect.poll(() => status(page)).toBe('Lay out the nodes.');
    expect(await page.getByTestId('undo').getAttribute('title')).toBe(
      'Undo: Lay out the nodes (Ctrl+Z)',
    );
    expect(session.errors).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations (${colorScheme})`, async () => {
      // axe is injected as a script, which the page's CSP would refuse.
      const page = await session.openApp({
        viewport: { width: 1366, height: 768 },
        colorScheme,
        bypassCSP: true,
      });
      await openEmpty(page);
      await page.locator('[data-role="router"]').click();
      await page.locator('[data-role="client"]').click();
      await page.getByTestId('canvas-link-target').selectOption('r1');
      await page.getByTestId('canvas-link').click();
      await page.locator('[data-role="server"]').click(); // unlinked: a warning marker
      await page.locator('[data-warning="srv1"]').waitFor();
      await page.locator('[data-testid="canvas"] [data-link="l1"]').focus();
      await page.keyboard.press('Enter');
      await shot(page, `canvas-editor-axe-${colorScheme}`);
      await page.addScriptTag({
        path: createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
      });
      const violations = await page.evaluate(async () => {
        type Results = {
          violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
        };
        const axe = (window as unknown as { axe: { run: () => Promise<Results> } }).axe;
        return (await axe.run()).violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
      });
      expect(violations).toEqual([]);
      expect(session.errors).toEqual([]);
    });
  }
});
