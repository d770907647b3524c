// End-to-end tests of the built app in Debian's Chromium: the default scenario, runs that agree
// with the CLI and the core byte for byte, keyboard use, bad and hostile files, and accessibility.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../src/engine/trace.ts';
import { formatSummaryLines, parseScenarioText } from '../../src/sim/index.ts';
import { MAX_LOG_ENTRIES } from '../../src/ui/appState.svelte.ts';
import { ROOT, cliRun, coreRun, coreRunOf, defaultScenarioJson } from './reference.ts';
import { appSession, shot } from './appSession.ts';

const session = appSession();
const { openApp } = session;

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs with `seed` by mouse and waits until the summary and the fingerprint are there. */
async function runWithSeed(page: Page, seed: number): Promise<void> {
  await page.getByLabel('Seed').fill(String(seed));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForRun(page, seed);
}

async function waitForRun(page: Page, seed: number): Promise<void> {
  await page
    .getByTestId('metric-seed')
    .filter({ hasText: String(seed) })
    .waitFor();
  await page.getByTestId('trace-sha256').waitFor({ state: 'attached' });
  await showWholeRun(page);
}

/** Pauses playback and moves the time to the end of the run (End), so the log shows it all. */
async function showWholeRun(page: Page): Promise<void> {
  const play = page.getByTestId('play');
  if ((await play.textContent())?.includes('Pause')) await play.click();
  await page.getByTestId('step').focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => {
    const time = document.querySelector<HTMLElement>('[data-testid="time"]');
    return time !== null && time.dataset.ns === time.dataset.endNs;
  });
}

async function text(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent()) ?? '';
}

/** The default scenario as a mutable document, to break or rename in a test. */
type Doc = {
  format: string;
  links: { b: string }[];
  nodes: { interfaces: { name: string; address?: string }[]; apps?: { peer?: string }[] }[];
};
function copyOfDefault(): Doc {
  return JSON.parse(JSON.stringify(defaultScenarioJson)) as Doc;
}

/** The part of axe-core's results these tests read. */
interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

function file(name: string, content: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') };
}

describe('the Handshake app', () => {
  it('opens on the default scenario with its topology drawn', async () => {
    const page = await openApp();
    expect(await text(page, 'scenario-name')).toBe(defaultScenarioJson.name);
    expect(await text(page, 'scenario-description')).toBe(defaultScenarioJson.description);
    const nodes = page.locator('[data-testid="topology"] [data-node]');
    expect(await nodes.count()).toBe(2);
    // Each card: the role as an icon and a word, the name, the id, and the interface addresses
    // as the document writes them ("wlan0", "192.168.1.10/24").
    const laptop = (await page.locator('[data-node="laptop"]').textContent()) ?? '';
    expect(laptop).toMatch(/client/);
    expect(laptop).toMatch(/Laptop/);
    expect(laptop).toMatch(/id laptop/);
    expect(laptop).toContain('wlan0 192.168.1.10/24');
    const server = (await page.locator('[data-node="server"]').textContent()) ?? '';
    expect(server).toMatch(/Echo server.*server/s);
    expect(server).toContain('eth0 192.168.1.20/24');
    expect(await page.locator('[data-node] path.icon').count()).toBe(2);
    // The link: "54Mbps", "20ms" and loss 0.2 in the document; no queue is set, so none is shown.
    const wifi = (await page.locator('[data-link="wifi"]').textContent()) ?? '';
    expect(await page.locator('[data-link="wifi"] text.id').textContent()).toBe('wifi');
    expect(wifi).toContain('54 Mbit/s · 20 ms · 20% loss');
    expect(wifi).not.toContain('queue');
    const picture = page.getByRole('img', { name: /2 nodes/ });
    expect(await picture.count()).toBe(1);
    expect(await picture.getAttribute('aria-label')).toContain(
      'Link wifi joins Laptop wlan0 (192.168.1.10/24) and Echo server eth0 (192.168.1.20/24): 54 Mbit/s, 20 ms, 20% loss.',
    );
    await expect(page.getByLabel('Seed').inputValue()).resolves.toBe('7');
    await shot(page, 'default-light');
    expect(session.errors).toEqual([]);
  });

  it('runs with a seed and agrees with the CLI and the core, number for number and byte for byte', async () => {
    const page = await openApp();
    await runWithSeed(page, 3);
    const cli = cliRun(3);
    const core = coreRun(3);
    expect(cli.summary.traceRecords).toBe(core.summary.traceRecords);
    // The text summary is formatSummaryLines of the browser's run; the CLI's numbers must give it.
    expect(await text(page, 'summary-lines')).toBe(core.lines.join('\n'));
    expect(formatSummaryLines(cli.summary)).toEqual(core.lines);
    const pinger = cli.summary.apps.pinger?.[0];
    const link = cli.summary.links[0];
    if (!pinger || !link) throw new Error('the CLI summary has no pinger or no link');
    for (const key of ['sent', 'retries', 'replies', 'lost', 'lateReplies'] as const) {
      expect(
        await page
          .locator(`[data-testid="summary-pinger-laptop"] [data-metric="${key}"]`)
          .textContent(),
      ).toBe(String(pinger[key]));
    }
    // Each direction of the link on its own row: laptop to server, then server to laptop.
    const counters = ['sent', 'delivered', 'lost', 'queueDrops', 'maxQueue'] as const;
    for (const [d, direction] of (['ab', 'ba'] as const).entries()) {
      const row = page.locator(`[data-testid="link-wifi"] tr[data-direction="${direction}"]`);
      expect(await row.locator('th').textContent()).toBe(
        d === 0 ? 'Laptop → Echo server' : 'Echo server → Laptop',
      );
      for (const key of counters) {
        expect(await row.locator(`[data-metric="${key}"]`).textContent()).toBe(
          String(link.directions[d]![key]),
        );
      }
    }
    expect(await page.getByTestId('summary').textContent()).toContain(
      'Laptop → Echo server (192.168.1.20:7)',
    );
    expect(await text(page, 'metric-events')).toBe(String(cli.summary.events));
    expect(await text(page, 'metric-trace')).toBe(String(cli.summary.traceRecords));
    // The fingerprint is the SHA-256 of the same JSON Lines in Node and from the CLI's file.
    expect(await text(page, 'trace-sha256')).toBe(core.sha256);
    expect(core.sha256).toBe(cli.traceSha256);
    // By default the log hides details and state changes; shown, it narrates every record.
    const entries = page.locator('[data-testid="event-log"] li');
    const details = core.log.filter((e) => e.kind === 'detail' || e.kind === 'state').length;
    expect(details).toBeGreaterThan(0);
    expect(await entries.count()).toBe(core.summary.traceRecords - details);
    await page.getByTestId('show-states').check();
    expect(await entries.count()).toBe(core.summary.traceRecords);
    expect(await page.locator('[data-testid="event-log"] li .text').allTextContents()).toEqual(
      core.log.map((e) => e.text),
    );
    await page.getByText('Trace fingerprint').click();
    await shot(page, 'run-seed-3-light');
    expect(session.errors).toEqual([]);
  });

  it('can be run with the keyboard alone, and narrates the run in the live log', async () => {
    const page = await openApp({ reducedMotion: 'reduce' });
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    await page.locator('body').focus();
    for (let i = 0; i < 20 && (await focused()) !== 'seed'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('seed');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('run');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await waitForRun(page, 7);
    const log = page.getByTestId('event-log');
    expect(await log.getAttribute('role')).toBe('log');
    // The list follows the time shown; a separate polite region announces only what is new.
    expect(await page.getByTestId('log-announcer').getAttribute('aria-live')).toBe('polite');
    const narration = (await log.textContent()) ?? '';
    // The first packet: 56 bytes of payload + 8 (UDP) + 20 (IPv4) = 84 bytes, packet #1.
    expect(narration).toContain(
      'Laptop (192.168.1.10) starts sending an 84-byte UDP packet #1 to Echo server (192.168.1.20:7) on link wifi.',
    );
    expect(narration).toContain(
      'Laptop sends request 1 to Echo server (192.168.1.20:7) in packet #1.',
    );
    // Which packets the link loses and which replies get timed depends on the seed: take them
    // from the core's run of the same seed. A timed round trip is two transmissions of 84 bytes
    // at 54 Mbit/s (ceil(84 * 8 / 54e6 s) = 12445 ns each), 2 x 20 ms latency and 2 ms of
    // service: 42.02489 ms, shown as 42.025 ms.
    const reference = coreRun(7);
    const lost = reference.records.filter((r) => r.type === 'link.lost');
    expect(lost.length).toBeGreaterThan(0);
    for (const r of lost) expect(narration).toContain(`Packet #${r.pkt} is lost on link wifi.`);
    const timed = reference.records.filter(
      (r): r is TraceRecord<'app.reply'> => r.type === 'app.reply' && r.rtt !== null,
    );
    expect(timed.length).toBeGreaterThan(0);
    for (const r of timed) {
      expect(narration).toContain(`Laptop gets reply ${r.seq}: the round trip took 42.025 ms.`);
    }
    // With this seed the link loses packet #1, the first request; the pinger (3 retries) times
    // out after 200 ms and sends request 1 again.
    expect(lost.map((r) => r.pkt)).toContain(1);
    expect(narration).toContain('Laptop times out waiting for reply 1 and retries.');
    // Details (a transmission ending, a hand-over to UDP) stay hidden until asked for.
    expect(narration).not.toContain('The last bit of packet #1 leaves Laptop on link wifi.');
    expect(await page.locator('[data-testid="event-log"] li .time').first().textContent()).toBe(
      '0 s',
    );
    // Reduced motion: log entries appear without animation.
    expect(
      await page
        .locator('[data-testid="event-log"] li')
        .first()
        .evaluate((li) => getComputedStyle(li).animationName),
    ).toBe('none');
    expect(await text(page, 'trace-sha256')).toBe(reference.sha256);
    // Enter in the seed field runs too.
    await page.getByLabel('Seed').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('11');
    await page.keyboard.press('Enter');
    await waitForRun(page, 11);
    expect(await text(page, 'trace-sha256')).toBe(coreRun(11).sha256);
    expect(session.errors).toEqual([]);
  });

  it('refuses an invalid seed with a message instead of running', async () => {
    const page = await openApp();
    await page.getByLabel('Seed').fill('-1');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByText('The seed must be a whole number').waitFor();
    expect(await page.getByLabel('Seed').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('metric-seed').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('lists every problem of an invalid file and keeps the loaded scenario', async () => {
    const page = await openApp();
    await runWithSeed(page, 7);
    const open = (name: string, content: string) =>
      page.getByLabel('Open a scenario file (JSON)').setInputFiles(file(name, content));
    const problems = page.getByTestId('load-problems');
    /** Opens `doc` as `name` and checks that each of its issues (from the core) is listed. */
    async function showsEveryIssue(name: string, doc: unknown): Promise<string> {
      const docText = JSON.stringify(doc, null, 2);
      const expected = parseScenarioText(docText);
      if (expected.ok) throw new Error(`${name} should not validate`);
      await open(name, docText);
      await problems.filter({ hasText: name }).waitFor();
      const shown = ((await problems.textContent()) ?? '').replace(/\s+/g, ' ');
      const count = expected.issues.length;
      expect(shown).toContain(
        `${name} was not loaded: ${count} ${count === 1 ? 'problem' : 'problems'}`,
      );
      for (const issue of expected.issues)
        expect(shown).toContain(`${issue.path} ${issue.message}`);
      return shown;
    }

    // A link end naming a node that does not exist, and a pinger aimed at one.
    const broken = copyOfDefault();
    broken.links[0]!.b = 'nowhere';
    broken.nodes[0]!.apps![0]!.peer = 'ghost';
    const shown = await showsEveryIssue('broken.json', broken);
    expect(shown).toContain('broken.json was not loaded: 2 problems');
    expect(shown).toContain(
      '$.links[0].b expected the id of a node ("laptop", "server"), got "nowhere"',
    );
    expect(shown).toContain('$.nodes[0].apps[0].peer');
    expect(shown).toContain(`The scenario “${defaultScenarioJson.name}” is still loaded.`);
    expect(await problems.getAttribute('role')).toBe('alert');
    expect(await text(page, 'scenario-name')).toBe(defaultScenarioJson.name);
    expect(await page.getByTestId('metric-seed').textContent()).toBe('7');
    await shot(page, 'invalid-file');

    // Addresses that do not fit together: the laptop gets a second interface whose /16 overlaps
    // its wlan0's /24, and the server's linked interface loses its address.
    const clash = copyOfDefault();
    clash.nodes[0]!.interfaces.push({ name: 'eth1', address: '192.168.7.1/16' });
    delete clash.nodes[1]!.interfaces[0]!.address;
    const addresses = await showsEveryIssue('addresses.json', clash);
    expect(addresses).toContain(
      '$.nodes[0].interfaces[1].address 192.168.0.0/16 overlaps 192.168.1.0/24 of laptop:wlan0',
    );
    expect(addresses).toContain('$.nodes[1].interfaces[0].address is missing');
    expect(await text(page, 'scenario-name')).toBe(defaultScenarioJson.name);

    // Schema errors: each field named; JSON syntax errors: line and column.
    const schemaBad: Partial<Doc> = copyOfDefault();
    delete schemaBad.format;
    await open('schema.json', JSON.stringify(schemaBad));
    await page.getByText('$.format', { exact: true }).waitFor();
    await open('syntax.json', '{"format": ');
    await page.getByText(/invalid JSON at line 1, column 12/).waitFor();
    expect(await text(page, 'scenario-name')).toBe(defaultScenarioJson.name);

    // A valid file replaces the scenario and clears the problems.
    const renamed = { ...defaultScenarioJson, name: 'Ping, renamed', seed: 5 };
    await open('good.json', JSON.stringify(renamed));
    await page.getByTestId('scenario-name').filter({ hasText: 'Ping, renamed' }).waitFor();
    expect(await page.getByTestId('load-problems').count()).toBe(0);
    expect(await page.getByLabel('Seed').inputValue()).toBe('5');
    expect(session.errors).toEqual([]);
  });

  it('draws a routed network with its addresses and queues, and narrates forwarding and ICMP', async () => {
    // A router with three interfaces between two clients and a server. The phone aims at UDP
    // port 9, where nobody listens; the server link has a queue of 10 packets.
    const routed = {
      format: 'handshake/scenario@1',
      name: 'Two subnets and a router',
      seed: 4,
      until: '3s',
      nodes: [
        {
          id: 'laptop',
          role: 'client',
          label: 'Laptop',
          interfaces: [{ name: 'eth0', address: '10.0.1.10/24' }],
          gateway: '10.0.1.1',
          apps: [{ type: 'pinger', peer: 'server', count: 2, timeout: '100ms' }],
        },
        {
          id: 'r1',
          role: 'router',
          interfaces: [
            { name: 'eth0', address: '10.0.1.1/24' },
            { name: 'eth1', address: '10.0.2.1/24' },
            { name: 'eth2', address: '10.0.3.1/24' },
          ],
        },
        {
          id: 'server',
          role: 'server',
          label: 'Server',
          interfaces: [{ name: 'eth0', address: '10.0.2.20/24' }],
          gateway: '10.0.2.1',
          apps: [{ type: 'echo', port: 7, serviceTime: '1ms' }],
        },
        {
          id: 'phone',
          role: 'client',
          label: 'Phone',
          interfaces: [{ name: 'wlan0', address: '10.0.3.30/24' }],
          gateway: '10.0.3.1',
          apps: [
            { type: 'pinger', peer: 'server', port: 9, count: 1, timeout: '100ms', retries: 0 },
          ],
        },
      ],
      links: [
        { id: 'lan', a: 'laptop', b: 'r1:eth0', latency: '1ms', bandwidth: '1Gbps' },
        {
          id: 'dc',
          a: 'r1:eth1',
          b: 'server',
          latency: '5ms',
          bandwidth: '10Mbps',
          queue: { packets: 10 },
        },
        { id: 'wifi', a: 'phone', b: 'r1:eth2', latency: '3ms', bandwidth: '54Mbps', loss: 0.01 },
      ],
    };
    const page = await openApp();
    await page
      .getByLabel('Open a scenario file (JSON)')
      .setInputFiles(file('routed.json', JSON.stringify(routed)));
    await page.getByTestId('scenario-name').filter({ hasText: routed.name }).waitFor();
    const r1 = (await page.locator('[data-node="r1"]').textContent()) ?? '';
    for (const line of ['eth0 10.0.1.1/24', 'eth1 10.0.2.1/24', 'eth2 10.0.3.1/24']) {
      expect(r1).toContain(line);
    }
    expect(r1).toMatch(/router/);
    // "10Mbps", "5ms", no loss, and the queue, which is set on this link only.
    const dc = (await page.locator('[data-link="dc"]').textContent()) ?? '';
    expect(await page.locator('[data-link="dc"] text.id').textContent()).toBe('dc');
    expect(dc).toContain('10 Mbit/s · 5 ms · no loss');
    expect(dc).toContain('queue 10 packets');
    // The router has several interfaces, so each of its links says which one it uses.
    expect(dc).toContain('eth1');
    expect(await page.locator('[data-link="wifi"]').textContent()).toContain('eth2');
    expect(await page.locator('[data-link="lan"] .end').allTextContents()).toEqual(['eth0']);

    await runWithSeed(page, 4);
    const core = coreRunOf(routed, 4);
    await page.getByTestId('show-states').check();
    expect(await page.locator('[data-testid="event-log"] li .text').allTextContents()).toEqual(
      core.log.map((e) => e.text),
    );
    const narration = (await text(page, 'event-log')).replace(/\s+/g, ' ');
    const forward = core.records.find((r) => r.type === 'ip.forward');
    if (forward?.type !== 'ip.forward') throw new Error('r1 forwarded nothing');
    expect(narration).toContain(
      `Router r1 forwards packet #${forward.pkt} from ${forward.fromIface} to ${forward.toIface}.`,
    );
    expect(narration).toContain(
      'Nobody listens on UDP port 9 at Server: it answers with ICMP port unreachable',
    );
    expect(narration).toContain('fails with ECONNREFUSED');
    for (const [i, link] of core.summary.links.entries()) {
      const row = page.locator(`[data-testid="link-${link.link}"] tr[data-direction="ab"]`);
      expect(await row.locator('[data-metric="sent"]').textContent()).toBe(
        String(core.summary.links[i]!.directions[0].sent),
      );
    }
    await page.getByTestId('show-states').uncheck();
    await shot(page, 'routed-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'routed-dark');
    expect(session.errors).toEqual([]);
  });

  it('draws, runs and narrates every scenario in simulations/', async () => {
    const page = await openApp();
    const files = readdirSync(join(ROOT, 'simulations')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const content = readFileSync(join(ROOT, 'simulations', name), 'utf8');
      const doc = JSON.parse(content) as { name: string; nodes: { id: string }[] };
      await page.getByLabel('Open a scenario file (JSON)').setInputFiles(file(name, content));
      await page.getByText(`from ${name}`).waitFor();
      expect(await page.getByTestId('load-problems').count()).toBe(0);
      for (const node of doc.nodes) {
        expect(await page.locator(`[data-node="${node.id}"]`).count()).toBe(1);
      }
      const seed = 1;
      await runWithSeed(page, seed);
      const core = coreRunOf(doc, seed);
      expect(await text(page, 'trace-sha256')).toBe(core.sha256);
      // The log narrates at most MAX_LOG_ENTRIES records, hiding details until asked.
      const narrated = core.log.slice(0, MAX_LOG_ENTRIES);
      const shown = narrated.filter((e) => e.kind !== 'detail' && e.kind !== 'state');
      expect(await page.locator('[data-testid="event-log"] li').count()).toBe(shown.length);
      await shot(page, `simulation-${name.replace(/\.json$/, '')}`);
    }
    expect(session.errors).toEqual([]);
  });

  it('shows markup in a scenario as literal text and runs none of it', async () => {
    // No CSP here, so this checks the app's own escaping; the page's CSP is a second layer.
    const page = await openApp({ bypassCSP: true });
    const name = '<img src=x onerror="window.__xss=1">Evil';
    const hostile = {
      ...defaultScenarioJson,
      name,
      description: '<script>window.__xss=2</script><b>bold?</b>',
      nodes: defaultScenarioJson.nodes.map((n, i) =>
        i === 0 ? { ...n, label: '<img src=x onerror=window.__xss=3>Laptop' } : n,
      ),
    };
    await page
      .getByLabel('Open a scenario file (JSON)')
      .setInputFiles(file('<img src=x onerror=window.__xss=4>.json', JSON.stringify(hostile)));
    await page.getByTestId('scenario-name').filter({ hasText: 'Evil' }).waitFor();
    expect(await text(page, 'scenario-name')).toBe(name);
    expect(await text(page, 'scenario-description')).toBe(hostile.description);
    await runWithSeed(page, 7);
    expect(await page.getByTestId('event-log').textContent()).toContain(
      '<img src=x onerror=window.__xss=3>Laptop sends request 1 to Echo server (192.168.1.20:7)',
    );
    expect(await page.locator('[data-node="laptop"]').textContent()).toContain(
      '<img src=x onerror=window.__xss=3>',
    );
    expect(await page.locator('img, b, #app script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    await shot(page, 'hostile-scenario');
    expect(session.errors).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations (${colorScheme})`, async () => {
      // axe is injected as a script, which the page's CSP would refuse.
      const page = await openApp({ colorScheme, bypassCSP: true });
      await runWithSeed(page, 7);
      await page.getByTestId('show-states').check();
      await page.getByText('Trace fingerprint').click();
      await shot(page, `run-seed-7-${colorScheme}`);
      await page
        .getByLabel('Open a scenario file (JSON)')
        .setInputFiles(file('broken.json', '{"format": "handshake/scenario@1"}'));
      await page.getByTestId('load-problems').waitFor();
      await shot(page, `axe-${colorScheme}`);
      await page.addScriptTag({ path: AXE_PATH });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe;
        const results = await axe.run();
        return results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
          );
      });
      expect(violations).toEqual([]);
      expect(session.errors).toEqual([]);
    });
  }
});
