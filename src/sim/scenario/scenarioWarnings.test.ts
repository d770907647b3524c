import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventLimitCause, scenarioWarnings } from './scenarioWarnings.ts';
import { parseScenarioText, validateScenario } from './validateScenario.ts';
import type { Scenario } from './scenarioSchema.ts';

const RING = readFileSync(join(process.cwd(), 'tests/fixtures/switch-ring.json'), 'utf8');

/** The ring fixture, changed by `edit` and validated. */
function ring(
  edit: (doc: {
    nodes: Record<string, unknown>[];
    links: Record<string, string>[];
  }) => void = () => {},
): Scenario {
  const doc = JSON.parse(RING);
  edit(doc);
  const result = validateScenario(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

describe('scenarioWarnings', () => {
  it('warns of switches cabled in a loop, which stays a valid scenario', () => {
    expect(parseScenarioText(RING).ok).toBe(true);
    const warnings = scenarioWarnings(ring());
    expect(warnings).toEqual([
      {
        path: '$.links',
        message:
          "switches s1, s2, s3 are cabled in a loop (links s1-s2, s2-s3, s3-s1), and Handshake's switches run no spanning tree, so a frame they flood (a broadcast such as an ARP request, or one sent to an address they have not learned yet) comes back around the loop and circles it forever: a storm that lasts until the run ends or stops at its event limit. A spanning tree would block one link of the loop; remove link s2-s3 to do the same",
        eventLimitCause:
          "switches s1, s2, s3 are cabled in a loop (links s1-s2, s2-s3, s3-s1), and flooded frames circle it forever (Handshake's switches run no spanning tree): a higher limit will not help; remove link s2-s3",
      },
    ]);
    expect(eventLimitCause(warnings)).toBe(warnings[0]?.eventLimitCause);
  });

  it('has nothing to say once a link of the loop is removed', () => {
    const tree = ring((doc) => {
      doc.links = doc.links.filter((l) => l.id !== 's2-s3');
    });
    expect(scenarioWarnings(tree)).toEqual([]);
    expect(eventLimitCause([])).toBeUndefined();
  });

  it('names the two switches of parallel links', () => {
    const twice = ring((doc) => {
      doc.links = doc.links.filter((l) => l.id !== 's2-s3' && l.id !== 's3-s1');
      doc.links.push({ id: 'spare', a: 's1:p3', b: 's2:p3', latency: '50us' });
    });
    expect(scenarioWarnings(twice).map((w) => w.message)).toEqual([
      expect.stringMatching(
        /^switches s1 and s2 are cabled to each other twice, a loop \(links s1-s2, spare\), and .* remove link spare to do the same$/,
      ),
      // Its cables gone, s3 stands alone: that is said too (reachabilityWarnings).
      's3 is not linked to any other node, so nothing reaches it',
    ]);
  });

  it('lists five loops, then counts the rest', () => {
    // Six switches, every pair cabled: 15 links - 6 switches + 1 = 10 independent loops.
    const ids = ['s1', 's2', 's3', 's4', 's5', 's6'];
    const mesh = ring((doc) => {
      doc.nodes = ids.map((id) => ({
        id,
        role: 'switch',
        stp: false,
        interfaces: ids.filter((other) => other !== id).map((other) => ({ name: other })),
      }));
      doc.links = ids.flatMap((a, i) =>
        ids
          .slice(i + 1)
          .map((b) => ({ id: `${a}-${b}`, a: `${a}:${b}`, b: `${b}:${a}`, latency: '1ms' })),
      );
    });
    const warnings = scenarioWarnings(mesh);
    expect(warnings).toHaveLength(6);
    expect(warnings[5]).toEqual({
      path: '$.links',
      message: '5 more loops of switches, not listed (10 in all); each one storms the same way',
    });
  });

  it('has nothing to say about any scenario of simulations/ but what it shows on purpose', () => {
    // dns-lookup asks for a name no zone holds, to show NXDOMAIN: the editor says so beforehand.
    const intended: Record<string, string[]> = { 'dns-lookup.json': ['$.nodes[0].apps[2].server'] };
    const dir = join(process.cwd(), 'simulations');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const result = parseScenarioText(readFileSync(join(dir, file), 'utf8'));
      expect(result.ok, file).toBe(true);
      if (result.ok) {
        const paths = scenarioWarnings(result.scenario).map((w) => w.path);
        expect(paths, file).toEqual(intended[file] ?? []);
      }
    }
  });
});
