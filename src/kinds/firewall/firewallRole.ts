// The firewall role: a router whose `firewall` setting filters what it forwards (its FORWARD
// chain), what is sent to it (INPUT) and what it sends (OUTPUT). Any node with an address can
// have a `firewall` setting (a host firewall); this role only draws the node as a firewall and
// warns when it has no rules. Shadowed rules are warned of for every node (firewallWarnings.ts).

import type { RoleKind } from '../../sim/kinds/roleKind.ts';
import { buildHost } from '../../sim/build/buildHost.ts';
import { firewallWarnings } from './firewallWarnings.ts';

export const firewallRole: RoleKind = {
  role: 'firewall',
  description:
    'A router that filters the packets it forwards, by the rules of its firewall setting.',
  addressed: true,
  forwards: true,
  warn: firewallWarnings,
  build: (sim, spec) => buildHost(sim, spec, { router: true }),
};
