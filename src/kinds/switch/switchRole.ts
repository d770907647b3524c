// The switch role: a learning switch whose ports have no addresses. It learns behind which port
// each address sits from the packets it sees, and floods packets whose destination it has not
// learned yet (src/net/link/learningSwitch.ts).

import { LearningSwitch } from '../../net/link/learningSwitch.ts';
import type { Attachable } from '../../net/link/linkEndpoint.ts';
import type { RoleKind } from '../../sim/kinds/roleKind.ts';

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
  build(sim, spec) {
    const sw = new LearningSwitch(sim, spec.id);
    const ends = new Map<string, Attachable>();
    for (const iface of spec.interfaces ?? []) ends.set(iface.name, sw.addPort(iface.name));
    return { node: { kind: 'device', spec }, ends };
  },
};
