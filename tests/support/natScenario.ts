// Builds a home network behind a NAT router for tests: a laptop (192.168.1.10) and a game server
// (192.168.1.20) inside, the router (192.168.1.1 inside, 203.0.113.1 outside), an ISP router
// that knows no private network, and outside a web server (198.51.100.10) and a friend
// (198.18.0.20). Each part can be changed by the test.

import { validateScenario } from '../../src/sim/scenario/validateScenario.ts';
import type { Scenario } from '../../src/sim/scenario/scenarioSchema.ts';

type Json = Record<string, unknown>;

export const HOME = {
  laptop: '192.168.1.10',
  game: '192.168.1.20',
  routerInside: '192.168.1.1',
  routerPublic: '203.0.113.1',
  isp: '203.0.113.254',
  web: '198.51.100.10',
  friend: '198.18.0.20',
} as const;

/** The default NAT: masquerade the home network out of wan, port 8080 forwarded to the game server. */
export const HOME_NAT = {
  masquerade: [{ out: 'wan', source: '192.168.1.0/24' }],
  portForwards: [{ in: 'wan', protocol: 'tcp', port: 8080, to: `${HOME.game}:80` }],
};

/** The home network's document, with the parts given replaced. */
export function homeDocument(
  parts: {
    nat?: Json | null;
    laptopApps?: Json[];
    gameApps?: Json[];
    webApps?: Json[];
    friendApps?: Json[];
    until?: string;
  } = {},
): Json {
  const nat = parts.nat === undefined ? HOME_NAT : parts.nat;
  return {
    format: 'handshake/scenario@1',
    name: 'home NAT test',
    seed: 7,
    until: parts.until ?? '10s',
    nodes: [
      {
        id: 'laptop',
        role: 'client',
        interfaces: [{ name: 'eth0', address: `${HOME.laptop}/24` }],
        gateway: HOME.routerInside,
        apps: parts.laptopApps ?? [{ type: 'httpClient', server: 'web' }],
      },
      {
        id: 'game',
        role: 'server',
        interfaces: [{ name: 'eth0', address: `${HOME.game}/24` }],
        gateway: HOME.routerInside,
        apps: parts.gameApps ?? [{ type: 'httpServer' }],
      },
      {
        id: 'homeSwitch',
        role: 'switch',
        interfaces: [{ name: 'p1' }, { name: 'p2' }, { name: 'p3' }],
      },
      {
        id: 'router',
        role: 'router',
        interfaces: [
          { name: 'lan', address: `${HOME.routerInside}/24` },
          { name: 'wan', address: `${HOME.routerPublic}/24` },
        ],
        gateway: HOME.isp,
        ...(nat === null ? {} : { nat }),
      },
      {
        id: 'isp',
        role: 'router',
        interfaces: [
          { name: 'home', address: `${HOME.isp}/24` },
          { name: 'dc', address: '198.51.100.1/24' },
          { name: 'net', address: '198.18.0.1/24' },
        ],
      },
      {
        id: 'web',
        role: 'server',
        interfaces: [{ name: 'eth0', address: `${HOME.web}/24` }],
        gateway: '198.51.100.1',
        apps: parts.webApps ?? [{ type: 'httpServer' }],
      },
      {
        id: 'friend',
        role: 'client',
        interfaces: [{ name: 'eth0', address: `${HOME.friend}/24` }],
        gateway: '198.18.0.1',
        apps: parts.friendApps ?? [],
      },
    ],
    links: [
      { id: 'l-laptop', a: 'laptop', b: 'homeSwitch:p1', latency: '100us' },
      { id: 'l-game', a: 'game', b: 'homeSwitch:p2', latency: '100us' },
      { id: 'l-lan', a: 'homeSwitch:p3', b: 'router:lan', latency: '100us' },
      { id: 'l-wan', a: 'router:wan', b: 'isp:home', latency: '5ms' },
      { id: 'l-dc', a: 'isp:dc', b: 'web', latency: '2ms' },
      { id: 'l-net', a: 'isp:net', b: 'friend', latency: '3ms' },
    ],
  };
}

/** The home network as a validated scenario; throws with the issues when it is invalid. */
export function homeScenario(parts: Parameters<typeof homeDocument>[0] = {}): Scenario {
  const result = validateScenario(homeDocument(parts));
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.scenario;
}
