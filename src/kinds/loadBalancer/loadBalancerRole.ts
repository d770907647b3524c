// The loadBalancer role: a host with an IP stack that runs a load balancer app (it does not
// forward packets; it opens its own connections to the backends). Shown with its own icon.

import type { RoleKind } from '../../sim/kinds/roleKind.ts';

export const loadBalancerRole: RoleKind = {
  role: 'loadBalancer',
  description:
    'A load balancer: a host that runs a loadBalancer app, spreading clients over backend servers.',
  addressed: true,
  build: (sim, spec, buildHost) => buildHost(sim, spec, { router: false }),
};
