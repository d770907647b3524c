// How the client and server roles look: their words and icons, and how the canvas editor makes
// them (a server serves the web on port 80 once it has an address). Their words, in each
// language, are in hostPhrases.ts.

import type { RoleView } from '../../viz/kinds/kindView.ts';
import { hostPhrases } from './hostPhrases.ts';

export const clientRoleView: RoleView = {
  role: 'client',
  name: (language) => hostPhrases.in(language).say('client.name'),
  tone: 'client',
  // A laptop: screen and base.
  icon: 'M5 5h14v10H5z M2.5 18.5h19',
  device: false,
  canvas: {
    idPrefix: 'c',
    interfaceName: (n) => `eth${n}`,
    firstHost: 10,
    newNode: () => ({}),
  },
};

export const serverRoleView: RoleView = {
  role: 'server',
  name: (language) => hostPhrases.in(language).say('server.name'),
  tone: 'server',
  // Two rack units with their status lights.
  icon: 'M4 4h16v7H4z M4 13h16v7H4z M7.5 7.5h.01 M7.5 16.5h.01 M11 7.5h6 M11 16.5h6',
  device: false,
  canvas: {
    idPrefix: 'srv',
    interfaceName: (n) => `eth${n}`,
    firstHost: 10,
    newNode: () => ({}),
    // An app needs an address to run, so the web service comes with the first link.
    whenAddressed: () => ({ apps: [{ type: 'httpServer', port: 80 }] }),
  },
};
