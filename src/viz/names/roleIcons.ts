// The role of each node as a small line icon (SVG path data in a 24 x 24 box, drawn with a
// stroke) and as words, so the picture says what a node is by shape and by text, not by colour.

/** Words for each role, for labels and for screen readers. */
export const ROLE_NAMES: Readonly<Record<string, string>> = {
  client: 'client',
  server: 'server',
  router: 'router',
  switch: 'switch',
  firewall: 'firewall',
  loadBalancer: 'load balancer',
  dns: 'DNS server',
};

/** Path data of each role's icon, for a stroke of about 1.8 units and no fill. */
export const ROLE_ICONS: Readonly<Record<string, string>> = {
  // A laptop: screen and base.
  client: 'M5 5h14v10H5z M2.5 18.5h19',
  // Two rack units with their status lights.
  server: 'M4 4h16v7H4z M4 13h16v7H4z M7.5 7.5h.01 M7.5 16.5h.01 M11 7.5h6 M11 16.5h6',
  // A circle with arrows leaving in four directions.
  router:
    'M12 3.5a8.5 8.5 0 1 0 0.01 0z M12 7v10 M7 12h10 M12 7l-2 2 M12 7l2 2 M12 17l-2-2 M12 17l2-2',
  // A box with a pair of opposite arrows.
  switch: 'M3 6h18v12H3z M7 10h10 M14.5 8l2.5 2-2.5 2 M17 14H7 M9.5 12L7 14l2.5 2',
  // A brick wall.
  firewall:
    'M3 5h18v14H3z M3 9.7h18 M3 14.3h18 M9 5v4.7 M15 5v4.7 M6 9.7v4.6 M12 9.7v4.6 M18 9.7v4.6 M9 14.3V19 M15 14.3V19',
  // One line fanning out to three.
  loadBalancer: 'M3 12h6 M9 12l9-6.5 M9 12h9 M9 12l9 6.5 M15.5 4.5l2.5 1-1 2.5 M16 10l2 2-2 2',
  // A globe.
  dns: 'M12 3a9 9 0 1 0 0.01 0z M3 12h18 M12 3c3.5 3 3.5 15 0 18 M12 3c-3.5 3-3.5 15 0 18',
};

/** The words for a role (the role itself when unknown). */
export function roleName(role: string): string {
  return ROLE_NAMES[role] ?? role;
}

/** The icon of a role; unknown roles get a plain box. */
export function roleIcon(role: string): string {
  return ROLE_ICONS[role] ?? 'M4 4h16v16H4z';
}
