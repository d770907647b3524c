// The switch role: a learning switch whose ports have no addresses. It learns behind which port
// each MAC address sits from the frames it sees, and floods frames whose destination it has not
// learned yet, and broadcasts (src/net/link/learningSwitch.ts). A switch cabled to another switch
// runs the Rapid Spanning Tree Protocol (src/net/link/spanningTree.ts) unless its `stp` is false;
// its ports to hosts and routers are edge ports. Switches cabled in a loop with the spanning tree
// off on any of them get a warning (switchLoops.ts): a flooded frame would circle it forever.

import { LearningSwitch } from '../../net/link/learningSwitch.ts';
import type { Attachable } from '../../net/link/linkEndpoint.ts';
import type { RoleKind } from '../../sim/kinds/roleKind.ts';
import type { Scenario } from '../../sim/scenario/scenarioSchema.ts';
import type { ScenarioWarning } from '../../sim/scenario/scenarioWarnings.ts';
import {
  bookPhrase,
  phrase,
  phrased,
  sayPhrase,
  withPhrase,
  type Phrase,
} from '../../sim/schema/phrase.ts';
import { findSwitchLoops, type SwitchLoop } from './switchLoops.ts';
import { switchPhrases } from './switchPhrases.ts';

/** Loops warned about one by one; past these, one warning counts the rest. */
const LOOPS_LISTED = 5;

export const switchRole: RoleKind = {
  role: 'switch',
  description:
    'Joins the nodes of one subnet, forwarding Ethernet frames by what it learned of their MAC addresses.',
  addressed: false,
  ownFields: ['stp', 'bridgePriority'],
  check(node, path, issues) {
    if (node.bridgePriority !== undefined && node.bridgePriority % 4096 !== 0)
      issues.push(
        phrased(`${path}.bridgePriority`, bookPhrase(switchPhrases, 'check.bridgePriority')),
      );
    node.interfaces?.forEach((iface, j) => {
      if (iface.address)
        issues.push(
          phrased(`${path}.interfaces[${j}].address`, bookPhrase(switchPhrases, 'check.noAddress')),
        );
      if (iface.mtu !== undefined)
        issues.push(
          phrased(`${path}.interfaces[${j}].mtu`, bookPhrase(switchPhrases, 'check.noMtu')),
        );
    });
  },
  warn: switchLoopWarnings,
  build(sim, spec, _host, { scenario, macs, runSpanningTree }) {
    const sw = new LearningSwitch(sim, spec.id);
    const ends = new Map<string, Attachable>();
    for (const iface of spec.interfaces ?? []) ends.set(iface.name, sw.addPort(iface.name));
    // The tree's code decides (stpFeature.ts, loaded when a switch faces a switch).
    if (spec.stp !== false) runSpanningTree(sim, sw, spec, scenario, macs);
    return { node: { kind: 'device', spec }, ends };
  },
};

/** A warning for each loop of switches (up to LOOPS_LISTED, then one for the rest). */
function switchLoopWarnings(scenario: Scenario): ScenarioWarning[] {
  const nodeOf = (end: string): string => end.split(':')[0] ?? end;
  // Switches with the spanning tree off, and the loops among them and the others: a loop storms
  // unless every switch on it runs the tree (one that does not floods the BPDUs round it too).
  const { loops: found, total: all } = findSwitchLoops({
    switches: scenario.nodes.filter((n) => n.role === 'switch').map((n) => n.id),
    links: scenario.links.map((l) => ({ id: l.id, a: nodeOf(l.a), b: nodeOf(l.b) })),
  });
  const off = new Set(
    scenario.nodes.filter((n) => n.role === 'switch' && n.stp === false).map((n) => n.id),
  );
  const storming = found.filter((loop) => loop.switches.some((id) => off.has(id)));
  const total = storming.length === found.length ? all : storming.length;
  const loops = storming.slice(0, LOOPS_LISTED);
  // Words as phrases (the validation phrasebook), so the page says them in its language.
  const warnings = loops.map((loop): ScenarioWarning => {
    const storm = phrase('switch.storm', { cabling: cabling(loop), closing: loop.closing });
    const cause = phrase('switch.cause', { cabling: cabling(loop), closing: loop.closing });
    const warning = { ...phrased('$.links', storm), eventLimitCause: sayPhrase(cause) };
    return withPhrase(withPhrase(warning, storm), cause, 'eventLimitPhrase');
  });
  if (total > loops.length) {
    warnings.push(
      phrased(
        '$.links',
        phrase('switch.more', { count: `${total - loops.length}`, total: `${total}` }),
      ),
    );
  }
  return warnings;
}

/** "switches s1, s2, s3 are cabled in a loop (links a, b, c)", or its forms for 1 and 2 switches. */
function cabling({ switches, links }: SwitchLoop): Phrase {
  const list = links.join(', ');
  const linkList = phrase(links.length === 1 ? 'switch.link' : 'switch.links', { links: list });
  if (switches.length === 1)
    return phrase('switch.self', { switch: `${switches[0]}`, links: linkList });
  if (switches.length === 2)
    return phrase('switch.twice', { a: `${switches[0]}`, b: `${switches[1]}`, links: linkList });
  return phrase('switch.ring', { switches: switches.join(', '), links: linkList });
}
