// The switch role: a learning switch whose ports have no addresses. It learns behind which port
// each address sits from the packets it sees, and floods packets whose destination it has not
// learned yet (src/net/link/learningSwitch.ts). It runs no spanning tree, so switches cabled in a
// loop get a warning (switchLoops.ts): a flooded packet would circle the loop forever.

import { LearningSwitch } from '../../net/link/learningSwitch.ts';
import type { Attachable } from '../../net/link/linkEndpoint.ts';
import type { RoleKind } from '../../sim/kinds/roleKind.ts';
import type { Scenario } from '../../sim/scenario/scenarioSchema.ts';
import type { ScenarioWarning } from '../../sim/scenario/scenarioWarnings.ts';
import { findSwitchLoops, type SwitchLoop } from './switchLoops.ts';

/** Loops warned about one by one; past these, one warning counts the rest. */
const LOOPS_LISTED = 5;

export const switchRole: RoleKind = {
  role: 'switch',
  description: 'Joins the nodes of one subnet, forwarding by what it learned of their addresses.',
  addressed: false,
  check(node, path, issues) {
    node.interfaces?.forEach((iface, j) => {
      if (iface.address)
        issues.push({
          path: `${path}.interfaces[${j}].address`,
          message: 'a switch forwards by port and has no addresses: remove it',
        });
    });
  },
  warn: switchLoopWarnings,
  build(sim, spec) {
    const sw = new LearningSwitch(sim, spec.id);
    const ends = new Map<string, Attachable>();
    for (const iface of spec.interfaces ?? []) ends.set(iface.name, sw.addPort(iface.name));
    return { node: { kind: 'device', spec }, ends };
  },
};

/** A warning for each loop of switches (up to LOOPS_LISTED, then one for the rest). */
function switchLoopWarnings(scenario: Scenario): ScenarioWarning[] {
  const nodeOf = (end: string): string => end.split(':')[0] ?? end;
  const { loops, total } = findSwitchLoops(
    {
      switches: scenario.nodes.filter((n) => n.role === 'switch').map((n) => n.id),
      links: scenario.links.map((l) => ({ id: l.id, a: nodeOf(l.a), b: nodeOf(l.b) })),
    },
    LOOPS_LISTED,
  );
  const warnings = loops.map((loop): ScenarioWarning => ({
    path: '$.links',
    message:
      `${cabling(loop)}, and Handshake's switches run no spanning tree, so a packet they ` +
      `flood (one sent to an address they have not learned yet) comes back around the loop ` +
      `and circles it forever: a storm that lasts until the run ends or stops at its event ` +
      `limit. A spanning tree would block one link of the loop; remove link ${loop.closing} ` +
      `to do the same`,
    eventLimitCause:
      `${cabling(loop)}, and flooded packets circle it forever (Handshake's switches run no ` +
      `spanning tree): a higher limit will not help; remove link ${loop.closing}`,
  }));
  if (total > loops.length) {
    warnings.push({
      path: '$.links',
      message: `${total - loops.length} more loops of switches, not listed (${total} in all); each one storms the same way`,
    });
  }
  return warnings;
}

/** "switches s1, s2, s3 are cabled in a loop (links a, b, c)", or its forms for 1 and 2 switches. */
function cabling({ switches, links }: SwitchLoop): string {
  const linkList = `(link${links.length === 1 ? '' : 's'} ${links.join(', ')})`;
  if (switches.length === 1) return `switch ${switches[0]} is cabled to itself, a loop ${linkList}`;
  if (switches.length === 2)
    return `switches ${switches[0]} and ${switches[1]} are cabled to each other twice, a loop ${linkList}`;
  return `switches ${switches.join(', ')} are cabled in a loop ${linkList}`;
}
