// How the firewall role looks: its name and icon (a brick wall); sentences name it "Firewall
// fw1". On the canvas it is a router (the gateway of the hosts on its subnets) that starts with a
// firewall letting replies and ping through and dropping every new connection it forwards, so a
// learner adds the rules for what should pass. Its own module, so the picture's role names and
// icons (src/viz/names/roleIcons.ts) load without the firewall setting's view (firewallView.ts).

import type { JsonFields, RoleView } from '../../viz/kinds/kindView.ts';
import { firewallRolePhrases } from './firewallRolePhrases.ts';

const STARTING_RULES: JsonFields[] = [
  {
    action: 'ACCEPT',
    state: ['ESTABLISHED', 'RELATED'],
    comment: 'replies to connections already let through',
  },
  { action: 'ACCEPT', protocol: 'icmp', comment: 'ping' },
];

export const firewallRoleView: RoleView = {
  role: 'firewall',
  name: (language) => firewallRolePhrases.in(language).say('name'),
  // A wall of bricks in three courses.
  icon: 'M3 5h18v14H3z M3 9.7h18 M3 14.3h18 M9 5v4.7 M15 5v4.7 M6 9.7v4.6 M12 9.7v4.6 M18 9.7v4.6 M9 14.3V19 M15 14.3V19',
  device: true,
  tone: 'device',
  canvas: {
    idPrefix: 'fw',
    interfaceName: (n) => `eth${n}`,
    firstHost: 1,
    gateway: true,
    newNode: () => ({ firewall: { forward: { policy: 'DROP', rules: STARTING_RULES } } }),
  },
};
