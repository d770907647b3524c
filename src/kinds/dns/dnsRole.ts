// The dns role: a host that serves names (it runs a dnsServer app); shown with its own icon.

import type { RoleKind } from '../../sim/kinds/roleKind.ts';

export const dnsRole: RoleKind = {
  role: 'dns',
  description: 'A name server: a host that runs a DNS server application.',
  addressed: true,
  build: (sim, spec, buildHost) => buildHost(sim, spec, { router: false }),
};
