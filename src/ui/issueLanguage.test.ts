// A document's problems follow the page's language: the issues the page keeps (from a file it
// opened, or posted by the worker) carry their phrases, so the same issue reads in German or in
// English at the moment it is shown, without validating again.
import { startRun } from './worker/simClient.ts';
import { describe, expect, it } from 'vitest';
import scenarioJson from '../../simulations/ping-over-a-link.json';
import { parseScenarioText, plainForPage, spoken } from '../sim/index.ts';
import { HandshakeApp } from './appState.svelte.ts';
import type { WorkerMessage } from './worker/messages.ts';

const broken = () => {
  const doc = structuredClone(scenarioJson) as unknown as { links: { b: string }[] };
  doc.links[0]!.b = 'nowhere';
  return JSON.stringify(doc);
};

describe("a document's problems in the page's language", () => {
  it('a file that does not validate: its issue in German and in English', async () => {
    const app = new HandshakeApp({ runner: startRun });
    await app.open(new File([broken()], 'missing-node.json'));
    const issue = app.problem?.issues[0];
    expect(issue?.path).toBe('$.links[0].b');
    expect(spoken(issue!, 'de')).toBe(
      'erwartet: die ID eines Knotens ("laptop", "server"), gefunden: „nowhere“',
    );
    expect(spoken(issue!, 'en')).toBe(
      'expected the id of a node ("laptop", "server"), got "nowhere"',
    );
  });

  it("the worker's 'invalid' message, after a structured clone, still says its issues in German", () => {
    const parsed = parseScenarioText(broken());
    if (parsed.ok) throw new Error('the document is broken');
    const message: WorkerMessage = structuredClone({
      type: 'invalid',
      issues: plainForPage(parsed.issues),
    });
    if (message.type !== 'invalid') throw new Error('an invalid message');
    expect(message.issues.map((i) => spoken(i, 'de'))).toEqual([
      'erwartet: die ID eines Knotens ("laptop", "server"), gefunden: „nowhere“',
    ]);
  });
});
