// How the switch role looks: its words and icon, and what the node inspector says in place of a
// routing table; on the canvas its interfaces are ports p1, p2, ... with no addresses. Its words,
// in each language, are in switchPhrases.ts.

import type { RoleView } from '../../viz/kinds/kindView.ts';
import { switchPhrases } from './switchPhrases.ts';

export const switchRoleView: RoleView = {
  role: 'switch',
  name: (language) => switchPhrases.in(language).say('name'),
  // A box with a pair of opposite arrows.
  icon: 'M3 6h18v12H3z M7 10h10 M14.5 8l2.5 2-2.5 2 M17 14H7 M9.5 12L7 14l2.5 2',
  device: true,
  tone: 'device',
  noRoutingTable: (language) => switchPhrases.in(language).say('noRoutingTable'),
  canvas: {
    idPrefix: 's',
    interfaceName: (n) => `p${n + 1}`,
    firstHost: 1,
    newNode: () => ({}),
  },
};
