// Shared by the kinds' language tests (src/kinds/*/…Phrases.test.ts): a small network to name
// things in, and records told by a kind's narrator in a language.

import type { Language } from '../../engine/language.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import { recordList } from '../../engine/traceRecords.ts';
import { validateScenario } from '../../sim/index.ts';
import { networkNames, type NetworkNames } from '../names/networkNames.ts';
import type { NarrationContext, Narrator } from './kindView.ts';

/**
 * A laptop (192.168.1.10), a web server labelled "Web server" (192.168.1.80), a name server
 * `ns` (192.168.1.53) and a router `r1` (192.168.1.1), named in `language`.
 */
export function testNames(language?: Language): NetworkNames {
  const result = validateScenario({
    format: 'handshake/scenario@1',
    name: 'Names for the kinds’ words',
    nodes: [
      {
        id: 'laptop',
        role: 'client',
        label: 'Laptop',
        interfaces: [{ name: 'eth0', address: '192.168.1.10/24' }],
      },
      {
        id: 'web',
        role: 'server',
        label: 'Web server',
        interfaces: [{ name: 'eth0', address: '192.168.1.80/24' }],
      },
      {
        id: 'ns',
        role: 'dns',
        interfaces: [{ name: 'eth0', address: '192.168.1.53/24' }],
        apps: [{ type: 'dnsServer' }],
      },
      { id: 'r1', role: 'router', interfaces: [{ name: 'eth0', address: '192.168.1.1/24' }] },
    ],
    links: [],
  });
  if (!result.ok) throw new Error(`invalid test network: ${JSON.stringify(result.issues)}`);
  return networkNames(result.scenario.nodes, [], language);
}

/** A record of a type with its fields, at time `t` (0 unless given). */
export function record<K extends TraceRecord['type']>(
  type: K,
  fields: Omit<Extract<TraceRecord, { type: K }>, 'type' | 't'> & { t?: number },
): TraceRecord {
  return { t: 0, ...fields, type } as unknown as TraceRecord;
}

/** The sentence a narrator tells for each of `records` (null for one it does not tell). */
export function tell(
  narration: { narrator(context: NarrationContext): Narrator },
  records: readonly TraceRecord[],
  language?: Language,
): (string | null)[] {
  const context: NarrationContext = { names: testNames(language), records: recordList(records) };
  if (language !== undefined) context.language = language;
  const narrator = narration.narrator(context);
  return records.map((r, i) => narrator(r, i)?.text ?? null);
}
