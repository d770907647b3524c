// Switches cabled in a loop, through the command's main(): a valid scenario with a warning on
// standard error and the exit status unchanged; a run stopped at its event limit names the loop
// as the likely cause. The same network with one link of the loop removed has nothing to say.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.ts';

const RING = join(process.cwd(), 'tests/fixtures/switch-ring.json');
const dir = mkdtempSync(join(tmpdir(), 'handshake-loop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The ring with link s2-s3 removed: a tree of switches. */
function treeFile(): string {
  const doc = JSON.parse(readFileSync(RING, 'utf8')) as { links: { id: string }[] };
  doc.links = doc.links.filter((l) => l.id !== 's2-s3');
  const path = join(dir, 'switch-tree.json');
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

function handshake(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), write: () => {} };
  const status = main(argv, io);
  return { status, out, err };
}

const WARNING =
  `handshake: warning: ${RING}: $.links: switches s1, s2, s3 are cabled in a loop ` +
  "(links s1-s2, s2-s3, s3-s1), and Handshake's switches run no spanning tree, so a frame " +
  'they flood (a broadcast such as an ARP request, or one sent to an address they have not ' +
  'learned yet) comes back around the loop ' +
  'and circles it forever: a storm that lasts until the run ends or stops at its event limit. ' +
  'A spanning tree would block one link of the loop; remove link s2-s3 to do the same';

describe('switches cabled in a loop', () => {
  it('validate: the file is ok, with a warning on standard error', () => {
    expect(handshake('validate', RING)).toEqual({
      status: 0,
      out: [`${RING}: ok`],
      err: [WARNING],
    });
    const tree = treeFile();
    expect(handshake('validate', tree)).toEqual({ status: 0, out: [`${tree}: ok`], err: [] });
  });

  it('run: the warning first, then the run, its status unchanged; the copies circle the ring', () => {
    const loop = handshake('run', RING, '--until', '1s', '--json');
    expect(loop.status).toBe(0);
    expect(loop.err).toEqual([WARNING]);
    const ring = JSON.parse(loop.out.join('\n'));
    expect(ring.reason).toBe('until');
    const tree = handshake('run', treeFile(), '--until', '1s', '--json');
    expect(tree).toMatchObject({ status: 0, err: [] });
    const calm = JSON.parse(tree.out.join('\n'));
    // Without the loop each of the three pings crosses s1-s2 once each way (after one ARP
    // exchange); with it, h1's first ARP request, a broadcast, is flooded both ways round the
    // ring and never stops circling, and the learned addresses flap around the ring.
    expect(calm.events).toBeLessThan(100);
    expect(ring.events).toBeGreaterThan(100 * calm.events);
    type Summary = { links: { link: string; directions: { sent: number }[] }[] };
    const sent = (summary: Summary, id: string) =>
      summary.links.find((l) => l.link === id)?.directions.reduce((n, d) => n + d.sent, 0) ?? 0;
    // One copy of the request takes 3 × (50 µs + a 64-byte frame at 100 Mb/s, 5.12 µs) =
    // 165.36 µs a lap, so in one second it crosses each link of the ring about 6,047 times in its
    // direction; the two copies (one each way) twice that, more than 12,000 (h2's replies, sent
    // wherever h1's address last flapped to, add more).
    expect(sent(ring, 's2-s3')).toBeGreaterThan(12_000);
  });

  it('run at its event limit: status 4, and the loop named as the likely cause', () => {
    const { status, err } = handshake('run', RING, '--max-events', '20000');
    expect(status).toBe(4);
    expect(err).toHaveLength(3);
    expect(err[0]).toBe(WARNING);
    expect(err[1]).toMatch(/^handshake: the run reached its event limit \(20,000 events\) at /);
    expect(err[2]).toBe(
      "handshake: the likely cause: switches s1, s2, s3 are cabled in a loop (links s1-s2, s2-s3, s3-s1), and flooded frames circle it forever (Handshake's switches run no spanning tree): a higher limit will not help; remove link s2-s3",
    );
    const tree = handshake('run', treeFile(), '--max-events', '20');
    expect(tree.status).toBe(4);
    expect(tree.err).toHaveLength(1);
    expect(tree.err[0]).toMatch(/raise the limit with --max-events$/);
  });
});
