// The router role: a node with an IP stack that forwards packets between its interfaces by
// longest-prefix match on its routing table, decrementing the TTL (RFC 1812).

import type { RoleKind } from '../../sim/kinds/roleKind.ts';

export const routerRole: RoleKind = {
  role: 'router',
  description: 'Forwards packets between its subnets by its routing table.',
  addressed: true,
  forwards: true,
  build: (sim, spec, buildHost) => buildHost(sim, spec, { router: true }),
};
