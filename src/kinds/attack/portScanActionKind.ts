// The port scan action: from `at`, a node runs a TCP SYN scan (nmap -sS, "half-open" scanning) of
// a target's ports: a SYN to each port, `rate` a second. A SYN-ACK means open (the scanner's own
// TCP, having no socket for it, answers with RST, so no connection is ever made), an RST means
// closed, and nothing after `retries` more SYNs (or an ICMP unreachable) means filtered.

import { duration, number, object, string, type Infer } from '../../sim/schema/schema.ts';
import { peer } from '../../sim/scenario/commonSchemas.ts';
import { actionFields, defineActionKind } from '../../sim/kinds/actionKind.ts';
import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import { attackCheckPhrases } from './attackCheckPhrases.ts';
import { parsePortList, PORT_LIST_PATTERN } from './scanPorts.ts';

export const portScanAction = object(
  {
    ...actionFields('portScan'),
    target: peer,
    ports: string({
      pattern: PORT_LIST_PATTERN,
      patternText: 'ports and ranges separated by commas, like "22,80,443" or "1-1024"',
      description: 'The TCP ports to scan, as nmap -p writes them: "1-1024", "22,80,8000-8100".',
    }),
  },
  {
    rate: number({
      integer: true,
      min: 1,
      max: 100_000,
      description: 'Probes (SYNs) a second (default 100).',
    }),
    timeout: duration({
      min: 1,
      description: 'How long to wait for an answer before a port is probed again (default 1s).',
    }),
    retries: number({
      integer: true,
      min: 0,
      max: 10,
      description:
        'SYNs sent again to a port that did not answer, before it counts as filtered (default 1).',
    }),
  },
  'From `at`, the node scans `ports` of `target` with TCP SYNs (nmap -sS): open, closed or filtered.',
);

export type PortScanAction = Infer<typeof portScanAction>;

export const portScanActionKind = defineActionKind<PortScanAction>({
  type: 'portScan',
  schema: portScanAction,
  target: (event) => ({ field: 'target', value: event.target }),
  check(event, path, _listens, issues) {
    const parsed = parsePortList(event.ports);
    if (!parsed.ok)
      issues.push(
        phrased(
          `${path}.ports`,
          bookPhrase(attackCheckPhrases, 'check.badPorts', {
            part: parsed.part,
            ports: event.ports,
          }),
        ),
      );
  },
  behaviour: () => import('./portScanBehaviour.ts').then((m) => m.portScanBehaviour),
});
