// The loadBalancer node role's view: its name, icon and how the canvas makes one. Its own module,
// so the picture's role names and icons load without the load balancer app's view.

import type { RoleView } from '../../viz/kinds/kindView.ts';
import { lbRolePhrases } from './lbRolePhrases.ts';

export const loadBalancerRoleView: RoleView = {
  role: 'loadBalancer',
  name: (language) => lbRolePhrases.in(language).say('name'),
  // One line in, fanning out to three.
  icon: 'M3 12h5 M8 12L17 5.5 M8 12h9 M8 12l9 6.5 M17 5.5a2 2 0 1 0 4 0a2 2 0 1 0-4 0 M17 12a2 2 0 1 0 4 0a2 2 0 1 0-4 0 M17 18.5a2 2 0 1 0 4 0a2 2 0 1 0-4 0',
  device: true,
  tone: 'device',
  canvas: {
    idPrefix: 'lb',
    interfaceName: (n) => `eth${n}`,
    firstHost: 5,
    newNode: () => ({}),
  },
};
