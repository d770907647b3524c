// The client and server roles: hosts with an IP stack that run applications and never forward
// packets between their interfaces. The two differ only in how the picture shows them.

import type { RoleKind } from '../../sim/kinds/roleKind.ts';

export const clientRole: RoleKind = {
  role: 'client',
  description: 'A computer people use (a laptop, a phone): it runs client applications.',
  addressed: true,
  build: (sim, spec, buildHost) => buildHost(sim, spec, { router: false }),
};

export const serverRole: RoleKind = {
  role: 'server',
  description: 'A computer that offers services: it runs server applications.',
  addressed: true,
  build: (sim, spec, buildHost) => buildHost(sim, spec, { router: false }),
};
