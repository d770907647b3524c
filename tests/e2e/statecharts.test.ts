// End-to-end tests of the node inspector's statecharts in Debian's Chromium: one chart per machine
// (not one per user) with a picker of the instances, the picked one's state lit; state names that
// neither overlap nor spill out of their boxes or the SVG, at a wide and a narrow width; words
// from the machines' metadata, never code names like "dns.resolved"; apps named by program and
// role ("Web client http", "Web server web").
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { appSession, shot, SHOTS, runAndShow } from './appSession.ts';

const session = appSession();
const { openApp } = session;

/** Opens a built-in example, runs it with `seed`, pauses, and shows the moment `tick` (of 1000). */
async function openAndRun(page: Page, name: string, seed: number, tick: string): Promise<void> {
  await page.getByLabel('Open a built-in example').selectOption({ label: name });
  await expect.poll(() => page.getByTestId('scenario-name').textContent()).toBe(name);
  await runAndShow(page, seed, tick);
}

/** Shows node `id` in the Node tab, chosen with the inspector's own picker. */
async function showNode(page: Page, id: string): Promise<Locator> {
  await page.getByRole('tab', { name: 'Node' }).click();
  await page.getByTestId('node-picker').selectOption(id);
  const node = page.getByTestId('node-inspector');
  await node.getByRole('heading', { level: 2 }).waitFor();
  return node;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Each chart's SVG box, and each state's name and box as drawn (CSS px). */
async function chartGeometry(node: Locator) {
  return node.getByTestId('statechart-svg').evaluateAll((svgs) =>
    svgs.map((svg) => {
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      };
      return {
        svg: box(svg),
        states: [...svg.querySelectorAll('g.state')].map((g) => ({
          state: g.getAttribute('data-state') ?? '',
          rect: box(g.querySelector('rect') as Element),
          text: box(g.querySelector('text.state-name') as Element),
        })),
      };
    }),
  );
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const within = (inner: Box, outer: Box, slack = 0.5) =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  inner.x + inner.width <= outer.x + outer.width + slack &&
  inner.y + inner.height <= outer.y + outer.height + slack;

/** No state name overlaps another, spills out of its box, or is clipped by its SVG. */
async function expectReadableCharts(node: Locator): Promise<number> {
  const charts = await chartGeometry(node);
  expect(charts.length).toBeGreaterThan(0);
  for (const chart of charts) {
    expect(chart.svg.width).toBeGreaterThan(0);
    chart.states.forEach((a, i) => {
      expect(within(a.text, a.rect), `${a.state} inside its box`).toBe(true);
      expect(within(a.rect, chart.svg), `${a.state} inside the SVG`).toBe(true);
      for (const b of chart.states.slice(i + 1))
        expect(overlap(a.text, b.text), `${a.state} and ${b.state}`).toBe(false);
    });
  }
  return charts.length;
}

/** Every piece of text of the charts in `node`: lines of names and labels, titles, captions. */
async function chartTexts(node: Locator): Promise<string[]> {
  return node
    .getByTestId('statechart')
    .locator('tspan, title, figcaption p, figcaption li')
    .allTextContents();
}

/** Dotted event names, camelCase names and guards in brackets, as the machines' code spells them. */
const CODE_NAME = /\b[a-z]+\.[a-z][A-Za-z]*\b|\b[a-z]+[A-Z][a-z]+\w*\b|\[[a-zA-Z]+\]/;

describe('statecharts in the node inspector', () => {
  it('draws one chart per machine for a client with several users, with a picker of users', async () => {
    const page = await openApp();
    // Three offices of two users each; tick 300 of a 6 s run is 1.8 s, users busy and thinking.
    await openAndRun(page, 'A busy server with a worker pool', 5, '300');
    const node = await showNode(page, 'office1');
    const groups = node.getByTestId('app-statechart');
    await groups.first().waitFor();
    // Office 1 runs one web client with two users: one chart of the user machine, not two.
    expect(await groups.count()).toBe(1);
    expect(await groups.first().getAttribute('data-machine')).toBe('user');
    expect(await node.getByTestId('statechart').count()).toBe(1);
    // Named by program and role, never "Server" for the client.
    expect(await groups.first().getByRole('heading').textContent()).toBe('Web client http');
    expect(await node.textContent()).not.toMatch(/Server http/);

    const picker = groups.first().getByLabel('Show the state of');
    expect(await picker.locator('option').allTextContents()).toEqual(['user u1', 'user u2']);
    const shown = groups.first().getByTestId('instance-state');
    const svg = groups.first().getByTestId('statechart-svg');
    const lit = groups.first().locator('g.state.lit');
    const before = {
      text: await shown.textContent(),
      label: await svg.getAttribute('aria-label'),
      lit: await lit.getAttribute('data-state'),
    };
    expect(before.text).toMatch(/^user u1:/);
    await picker.selectOption({ label: 'user u2' });
    await expect.poll(() => shown.textContent()).toMatch(/^user u2:/);
    const after = {
      label: await svg.getAttribute('aria-label'),
      lit: await lit.getAttribute('data-state'),
    };
    expect(after.label).not.toBe(before.label);
    expect(after.label).toContain('user u2');
    // The lit box is the state the line above the chart names, in the chart's words.
    const litName = await groups.first().locator('g.state.lit text.state-name').textContent();
    expect(await shown.textContent()).toContain(litName?.trim() ?? '?');
    expect(after.lit).not.toBeNull();

    // The picker is a real select: the keyboard changes it.
    await picker.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => shown.textContent()).toMatch(/^user u1:/);

    await expectReadableCharts(node);
    const texts = await chartTexts(node);
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(text).not.toMatch(CODE_NAME);
    await shot(page, 'statecharts-users');
    await groups.first().screenshot({ path: join(SHOTS, 'statechart-user.png') });
    expect(session.errors).toEqual([]);
  });

  it('keeps every chart of a server readable at a wide and a narrow width', async () => {
    const page = await openApp();
    await openAndRun(page, 'A busy server with a worker pool', 5, '300');
    const node = await showNode(page, 'server');
    await node.getByTestId('server-connections').waitFor();
    await node.getByTestId('core-states').waitFor();
    // The server app is named by its program: a web server, not a client's users.
    expect(await node.getByTestId('processes').textContent()).toMatch(/Web server\s*web/);
    // The connection machine and the CPU core's, one chart each.
    expect(await expectReadableCharts(node)).toBe(2);
    for (const text of await chartTexts(node)) expect(text).not.toMatch(CODE_NAME);
    await shot(page, 'statecharts-server-wide');
    await node
      .getByTestId('server-connections')
      .screenshot({ path: join(SHOTS, 'statechart-connection-wide.png') });
    await page.setViewportSize({ width: 720, height: 900 });
    await page.getByRole('tab', { name: 'Node' }).click();
    await node.getByTestId('core-states').waitFor();
    expect(await expectReadableCharts(node)).toBe(2);
    await shot(page, 'statecharts-server-narrow');
    await node
      .getByTestId('core-states')
      .screenshot({ path: join(SHOTS, 'statechart-core-narrow.png') });
    expect(session.errors).toEqual([]);
  });
});
