// End-to-end tests of scenario files opened in the app, in Debian's Chromium: invalid files and
// their problems, a routed network drawn and narrated, every file of simulations/, hostile markup.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/sim/index.ts';
import { ROOT, coreRunOf, defaultScenarioJson } from './reference.ts';
import { appSession, file, logCount, logTexts, runWithSeed, shot, text } from './appSession.ts';

const session = appSession();
const { openApp } = session;

/** The default scenario as a mutable document, to break or rename in a test. */
type Doc = {
  format: string;
  links: { b: string }[];
  nodes: { interfaces: { name: string; address?: string }[]; apps?: { peer?: string }[] }[];
};
function copyOfDefault(): Doc {
  return JSON.parse(JSON.stringify(defaultScenarioJson)) as Doc;
}

describe('the Handshake app', () => {
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
    const narration = (await logTexts(page)).join(' ').replace(/\s+/g, ' ');
    expect(await logTexts(page)).toEqual(core.log.map((e) => e.text));
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

  // One pass over every shipped scenario (a dozen, the largest near 80,000 records): more than
  // the default minute on this machine, and it grows with each scenario added.
  it('draws, runs and narrates every scenario in simulations/', { timeout: 240_000 }, async () => {
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
      // The log narrates every record, hiding details until asked (told a slice at a time).
      const shown = core.log.filter((e) => e.kind !== 'detail' && e.kind !== 'state');
      await expect.poll(() => logCount(page), { timeout: 30_000 }).toBe(shown.length);
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
    expect((await logTexts(page)).join('\n')).toContain(
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
});
