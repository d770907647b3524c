// A link's figures count the packets it damaged (its `corrupt` setting), per direction, and the
// summary line says the setting and the count; a link without the setting has neither.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, runScenario } from '../index.ts';
import { formatSummaryLines } from './summaryText.ts';

describe('a link that damages packets, in the summary', () => {
  const parsed = parseScenarioText(readFileSync('simulations/corrupted-link.json', 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const ran = runScenario(parsed.scenario);
  const corrupt = ran.simulation.sim.trace.ofType('link.corrupt');
  const [cable, uplink] = ran.summary.links;

  it('counts the damaged packets of each direction', () => {
    const from = (node: string) => corrupt.filter((r) => r.node === node).length;
    expect(cable?.corrupt).toBe(0.02);
    expect(cable?.directions.map((d) => d.damaged)).toEqual([from('laptop'), from('router')]);
    expect(from('laptop')).toBeGreaterThan(0);
    expect(from('router')).toBeGreaterThan(0);
    expect(uplink?.corrupt).toBeUndefined();
    expect(uplink?.directions.map((d) => d.damaged)).toEqual([undefined, undefined]);
  });

  it('says the setting and the count on the link’s line', () => {
    const lines = formatSummaryLines(ran.summary);
    const line = lines.find((l) => l.startsWith('link       cable'));
    expect(line).toMatch(
      new RegExp(
        `loss 0%, damaged 2%\\): \\d+ sent, \\d+ delivered, 0 lost, ${corrupt.length} damaged, 0 dropped`,
      ),
    );
    expect(lines.find((l) => l.startsWith('link       uplink'))).not.toMatch(/damaged/);
  });
});
