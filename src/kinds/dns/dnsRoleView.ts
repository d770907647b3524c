// The dns node role's view: its name, icon and how the canvas makes one. Its own module, so the
// picture's role names and icons (src/viz/names/roleIcons.ts) load without the DNS apps' views.

import type { RoleView } from '../../viz/kinds/kindView.ts';
import { dnsRolePhrases } from './dnsRolePhrases.ts';

export const dnsRoleView: RoleView = {
  role: 'dns',
  name: (language) => dnsRolePhrases.in(language).say('name'),
  // A globe.
  icon: 'M12 3a9 9 0 1 0 0.01 0z M3 12h18 M12 3c3.5 3 3.5 15 0 18 M12 3c-3.5 3-3.5 15 0 18',
  device: true,
  tone: 'device',
  canvas: {
    idPrefix: 'dns',
    interfaceName: (n) => `eth${n}`,
    firstHost: 53,
    newNode: () => ({}),
    // Its name service needs an address, so it comes with the first link.
    whenAddressed: () => ({ apps: [{ type: 'dnsServer' }] }),
  },
};
