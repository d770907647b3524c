// The view of every node role (its name, icon, tone and how the canvas makes one), apart from the
// app kinds' views: the picture's role names and icons need these and none of those, so an embed
// loads the app views only with the panels that show them (viewRegistry.ts lists both).

import { dnsRoleView } from '../../kinds/dns/dnsRoleView.ts';
import { firewallRoleView } from '../../kinds/firewall/firewallRoleView.ts';
import { clientRoleView, serverRoleView } from '../../kinds/host/hostViews.ts';
import { loadBalancerRoleView } from '../../kinds/loadBalancer/loadBalancerRoleView.ts';
import { routerRoleView } from '../../kinds/router/routerView.ts';
import { switchRoleView } from '../../kinds/switch/switchView.ts';
import type { RoleView } from './kindView.ts';

/** The view of every node role. */
export const ROLE_VIEWS: readonly RoleView[] = [
  clientRoleView,
  serverRoleView,
  routerRoleView,
  switchRoleView,
  dnsRoleView,
  firewallRoleView,
  loadBalancerRoleView,
];
