// End-to-end, in Debian's Chromium: the Share / Embed dialog. Opened by keyboard from its button,
// it shows the share link and the two embed snippets for the document as edited; the options
// change both snippets as they are set, a height out of range is said next to the field, Copy
// puts a snippet on the clipboard, and the iframe snippet's fragment, given to index.html, opens
// the same scenario. With a lesson open the snippets may name the lesson instead. Escape closes
// the dialog and focus goes back to its button.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { appSession, shot, showTab } from './appSession.ts';

const session = appSession();

/** The test id of the element that has focus. */
function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

/** Opens the dialog from its button with the keyboard and waits for the link. */
async function openByKeyboard(page: Page): Promise<void> {
  await page.getByTestId('share').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('share-link').waitFor();
}

/** The HTML attribute text `value` decoded (the snippets escape & < > " '). */
function unescape(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('the Share / Embed dialog', () => {
  it(
    'writes the link and both snippets, follows the options, and its iframe opens the scenario',
    { timeout: 120_000 },
    async () => {
      const page = await session.openApp({
        viewport: { width: 1366, height: 768 },
        bypassCSP: true,
      });
      const origin = new URL(page.url()).origin;
      // An edit, so that the snippets carry the document as it stands, not as shipped.
      await showTab(page, 'Edit');
      const until = page.getByTestId('property-panel').getByLabel('until', { exact: true });
      await until.fill('9s');
      await until.press('Enter');
      await expect.poll(() => page.getByTestId('undo').isEnabled()).toBe(true);

      await openByKeyboard(page);
      const dialog = page.getByTestId('share-dialog');
      expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
      expect(await page.getByRole('dialog', { name: 'Share or embed this scenario' }).count()).toBe(
        1,
      );
      // Focus starts on the dialog's title, inside the dialog.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('share-title');

      const link = await page.getByTestId('share-link').inputValue();
      expect(link).toMatch(/#s1\.[A-Za-z0-9_-]+$/);
      const element = page.getByTestId('embed-element');
      const iframe = page.getByTestId('embed-iframe');

      // The element snippet: the module next to index.html, the element, the document inline.
      const lines = (await element.inputValue()).split('\n');
      expect(lines[0]).toBe(`<script type="module" src="${origin}/handshake-sim.js"></script>`);
      const id =
        /^<handshake-sim scenario="#(hs-scenario-[0-9a-f]{8})" view="both" controls height="480"><\/handshake-sim>$/.exec(
          lines[1]!,
        )?.[1];
      expect(id).toBeDefined();
      const inline = (await element.inputValue()).split(
        `<script type="application/json" id="${id}">`,
      )[1]!;
      expect(inline.endsWith('</script>')).toBe(true);
      const doc = JSON.parse(inline.slice(0, -'</script>'.length)) as {
        name: string;
        until: string;
      };
      expect([doc.name, doc.until]).toEqual(['Ping over one link', '9s']);

      // The iframe snippet: embed.html with the link's own fragment.
      const fragment = link.slice(link.indexOf('#'));
      expect(await iframe.inputValue()).toBe(
        `<iframe src="${origin}/embed.html?view=both&amp;controls=1${fragment}" title="Handshake: Ping over one link" width="100%" height="480" style="border:0" loading="lazy"></iframe>`,
      );

      // Options by keyboard: the view, controls off, autoplay on, a height and a seed.
      await page.getByTestId('embed-view').focus();
      await page.getByTestId('embed-view').selectOption('ladder');
      await page.getByLabel('Controls (run, play, pause)').focus();
      await page.keyboard.press('Space');
      await page.getByLabel('Play on load').focus();
      await page.keyboard.press('Space');
      await page.getByTestId('embed-height').fill('640');
      await page.getByTestId('embed-seed').fill('7');
      expect((await element.inputValue()).split('\n')[1]).toBe(
        `<handshake-sim scenario="#${id}" view="ladder" autoplay height="640" seed="7"></handshake-sim>`,
      );
      expect(await iframe.inputValue()).toContain(
        `embed.html?view=ladder&amp;controls=0&amp;autoplay=1&amp;seed=7${fragment}"`,
      );
      expect(await iframe.inputValue()).toContain('height="640"');

      // A height out of range is said next to the field; the snippets keep the last one read.
      const height = page.getByTestId('embed-height');
      await height.fill('50');
      expect(await page.getByTestId('embed-height-problem').textContent()).toBe(
        'A whole number from 200 to 2,000; the snippets keep 640.',
      );
      expect(await height.getAttribute('aria-invalid')).toBe('true');
      expect(await height.getAttribute('aria-describedby')).toBe('share-height-problem');
      expect(await iframe.inputValue()).toContain('height="640"');
      await page.getByTestId('embed-seed').fill('x');
      await page.getByTestId('embed-seed-problem').waitFor();
      await height.fill('480');
      await page.getByTestId('embed-seed').fill('');
      expect(await page.getByTestId('embed-height-problem').count()).toBe(0);
      expect(await page.getByTestId('embed-seed-problem').count()).toBe(0);
      expect(await iframe.inputValue()).toContain(
        `embed.html?view=ladder&amp;controls=0&amp;autoplay=1${fragment}"`,
      );
      expect(await axeViolations(page, 'share-dialog')).toEqual([]);
      await shot(page, 'share-embed-dialog');

      // Copy puts the snippet on the clipboard, and the live region says so.
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      await page.getByTestId('copy-iframe').click();
      await expect
        .poll(() => page.getByTestId('share-status').textContent())
        .toBe('Iframe snippet copied.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        await iframe.inputValue(),
      );

      // The iframe's fragment, given to index.html as a share link, opens the same scenario.
      const src = unescape(/src="([^"]+)"/.exec(await iframe.inputValue())![1]!);
      const other = await page
        .context()
        .browser()!
        .newContext({ viewport: { width: 1366, height: 768 } });
      try {
        const fresh = await other.newPage();
        await fresh.goto(`${origin}/index.html${new URL(src).hash}`);
        await fresh
          .getByTestId('scenario-name')
          .filter({ hasText: 'Ping over one link' })
          .waitFor();
        await fresh.getByRole('tab', { name: 'Edit', exact: true }).click();
        const shared = fresh.getByTestId('property-panel').getByLabel('until', { exact: true });
        await expect.poll(() => shared.inputValue()).toBe('9s');
      } finally {
        await other.close();
      }

      // Escape closes the dialog and focus goes back to the button.
      await page.getByTestId('embed-seed').focus();
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
      expect(await focused(page)).toBe('share');
      expect(session.errors).toEqual([]);
    },
  );

  it('selects the text to copy by hand when the clipboard refuses', async () => {
    // The app in a frame of another origin (localhost hosting 127.0.0.1) that grants it no
    // clipboard: the permissions policy's clipboard-write allows the top page's origin only, so
    // writeText is refused, as on a host page that embeds the app without allow="clipboard-write".
    // (bypassCSP: the host page is written over the app's own page, whose policy allows no frames.)
    const page = await session.openApp({ bypassCSP: true });
    const url = page.url();
    await page.goto(url.replace('127.0.0.1', 'localhost'));
    await page.setContent(`<iframe src="${url}" style="width:1200px;height:850px"></iframe>`);
    const frame = page.frameLocator('iframe');
    await frame.getByTestId('scenario-name').waitFor();
    await frame.getByTestId('share').focus();
    await page.keyboard.press('Enter');
    const field = frame.getByTestId('share-link');
    await field.waitFor();
    await frame.getByTestId('copy-link').click();
    await expect.poll(() => frame.getByTestId('share-status').textContent()).not.toBe('');
    expect(await frame.getByTestId('share-status').textContent()).toBe(
      'The clipboard refused: the text is selected. Press Ctrl+C to copy.',
    );
    const selected = await field.evaluate((input: HTMLInputElement) => ({
      focused: input === document.activeElement,
      text: input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0),
    }));
    expect(selected).toEqual({ focused: true, text: await field.inputValue() });
  });

  it('offers the open lesson by its key, with no inline scenario and no fragment', async () => {
    const page = await session.openApp();
    const origin = new URL(page.url()).origin;
    await page.goto(`${origin}/?lesson=01-clients-and-servers`);
    await page.getByTestId('lesson-step').waitFor();
    await openByKeyboard(page);
    await page.getByTestId('embed-lesson').check();
    expect(await page.getByTestId('embed-element').inputValue()).toBe(
      `<script type="module" src="${origin}/handshake-sim.js"></script>\n` +
        '<handshake-sim lesson="01-clients-and-servers" view="both" controls height="480"></handshake-sim>',
    );
    const iframe = await page.getByTestId('embed-iframe').inputValue();
    expect(iframe).toMatch(
      new RegExp(
        `^<iframe src="${origin}/embed\\.html\\?lesson=01-clients-and-servers&amp;view=both&amp;controls=1" title="Handshake: [^"]+" width="100%"`,
      ),
    );
    expect(iframe).not.toContain('#');
    // Back to the scenario: the inline document again.
    await page.getByTestId('embed-scenario').check();
    expect(await page.getByTestId('embed-element').inputValue()).toContain(
      '<script type="application/json" id="hs-scenario-',
    );
    expect(session.errors).toEqual([]);
  });
});
