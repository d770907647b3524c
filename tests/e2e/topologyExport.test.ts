// End-to-end, in Debian's Chromium: the topology picture exported as files. On the DNS example,
// with a node selected, Picture (SVG) downloads a standalone SVG that parses as XML in the SVG
// namespace, holds every node's label, carries its colours inline (no CSS variables, no page-only
// attributes, no zoom) and has a view box; Picture (PNG) downloads a PNG (its signature, RFC 2083
// section 3.1) whose IHDR size is twice the SVG's view box.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appSession } from './appSession.ts';
import { ROOT } from './reference.ts';

const session = appSession();

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('the topology export', () => {
  it(
    'downloads a standalone SVG with every node, and a PNG at twice its size',
    { timeout: 120_000 },
    async () => {
      const page = await session.openApp({ viewport: { width: 1366, height: 768 } });
      await page.getByLabel('Open a built-in example').selectOption({ label: 'Looking up a name' });
      await page.getByTestId('scenario-name').filter({ hasText: 'Looking up a name' }).waitFor();
      const doc = JSON.parse(readFileSync(join(ROOT, 'simulations/dns-lookup.json'), 'utf8')) as {
        nodes: { id: string; label: string }[];
        links: { id: string }[];
      };
      // Select a node and zoom in: neither belongs in the file.
      await page.locator('[data-testid="topology"] g[role="button"]').first().focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Zoom in' }).click();

      const [svgDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-svg').click(),
      ]);
      expect(svgDownload.suggestedFilename()).toBe('looking-up-a-name-topology.svg');
      const svgText = readFileSync((await svgDownload.path())!, 'utf8');
      const parsed = await page.evaluate((text) => {
        const xml = new DOMParser().parseFromString(text, 'image/svg+xml');
        const root = xml.documentElement;
        return {
          error: xml.getElementsByTagName('parsererror').length > 0,
          name: root.localName,
          namespace: root.namespaceURI,
          viewBox: root.getAttribute('viewBox'),
          texts: [...root.getElementsByTagName('text')].map((t) => t.textContent ?? ''),
          cardFill: root.querySelector('g > g > rect')?.getAttribute('style') ?? '',
          transforms: [...root.children].map((c) => c.getAttribute('transform')),
        };
      }, svgText);
      expect(parsed.error).toBe(false);
      expect(parsed.name).toBe('svg');
      expect(parsed.namespace).toBe('http://www.w3.org/2000/svg');
      expect(parsed.viewBox).toMatch(/^-?\d+ -?\d+ \d+ \d+$/);
      for (const node of doc.nodes) expect(parsed.texts).toContain(node.label);
      for (const link of doc.links) expect(parsed.texts).toContain(link.id);
      // Captions have a halo drawn under their letters (paint-order), else they read as blank.
      expect(svgText).toContain('paint-order: stroke');
      // The look travels inline, as colours, not the page's variables.
      expect(parsed.cardFill).toMatch(/fill: rgb/);
      expect(svgText).not.toContain('var(--');
      expect(svgText).not.toMatch(/ (data-testid|data-node|role|tabindex|aria-pressed|class)=/);
      // No zoom: the drawing's group has no transform.
      expect(parsed.transforms.every((t) => t === null)).toBe(true);

      const [pngDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-png').click(),
      ]);
      expect(pngDownload.suggestedFilename()).toBe('looking-up-a-name-topology.png');
      const png = readFileSync((await pngDownload.path())!);
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      // IHDR comes first: length, "IHDR", then width and height, big-endian.
      expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
      const [, , width, height] = parsed.viewBox!.split(' ').map(Number);
      expect(png.readUInt32BE(16)).toBe(width! * 2);
      expect(png.readUInt32BE(20)).toBe(height! * 2);
      expect(png.length).toBeGreaterThan(1000);
      expect(session.errors).toEqual([]);
    },
  );
});
