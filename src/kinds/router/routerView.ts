// How the router role looks: its words and icon; sentences name it "Router r1". On the canvas it
// takes the first address of each subnet and is the gateway of the hosts there. Its words, in
// each language, are in routerPhrases.ts.

import type { RoleView } from '../../viz/kinds/kindView.ts';
import { routerPhrases } from './routerPhrases.ts';

export const routerRoleView: RoleView = {
  role: 'router',
  name: (language) => routerPhrases.in(language).say('name'),
  // A circle with arrows leaving in four directions.
  icon: 'M12 3.5a8.5 8.5 0 1 0 0.01 0z M12 7v10 M7 12h10 M12 7l-2 2 M12 7l2 2 M12 17l-2-2 M12 17l2-2',
  device: true,
  tone: 'device',
  canvas: {
    idPrefix: 'r',
    interfaceName: (n) => `eth${n}`,
    // The first host of each subnet, and the hosts' default gateway there.
    firstHost: 1,
    gateway: true,
    newNode: () => ({}),
  },
};
