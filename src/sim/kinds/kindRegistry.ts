// The registry of kinds the simulation core knows: every application kind, action and node role,
// each a module in its own folder under src/kinds/. The scenario schema, the validator, the
// builder and the run summary loop over these lists; adding a kind is its folder and a line here
// (and one in src/viz's view registry). Order matters: it is the order of the schema and of the
// summary. What apps and actions do is loaded per scenario (kindBehaviours.ts).

import { portScanActionKind } from '../../kinds/attack/portScanActionKind.ts';
import { synFloodActionKind } from '../../kinds/attack/synFloodActionKind.ts';
import { checkDhcp } from '../../kinds/dhcp/dhcpStaticFeature.ts';
import { dhcpServerKind } from '../../kinds/dhcp/dhcpServerKind.ts';
import { bulkSendKind } from '../../kinds/bulkTransfer/bulkSendKind.ts';
import { transferActionKind } from '../../kinds/bulkTransfer/transferActionKind.ts';
import { sinkKind } from '../../kinds/bulkTransfer/sinkKind.ts';
import { dnsRole } from '../../kinds/dns/dnsRole.ts';
import { dnsSettings } from '../../kinds/dns/dnsSchemas.ts';
import { lookUpStatically } from '../../kinds/dns/dnsStaticLookupFeature.ts';
import { dnsServerKind } from '../../kinds/dns/dnsServerKind.ts';
import { firewallRole } from '../../kinds/firewall/firewallRole.ts';
import { firewallSettings } from '../../kinds/firewall/firewallSchemas.ts';
import { ftpClientKind } from '../../kinds/ftp/ftpClientKind.ts';
import { ftpServerKind } from '../../kinds/ftp/ftpServerKind.ts';
import { clientRole, serverRole } from '../../kinds/host/hostRoles.ts';
import { pingActionKind } from '../../kinds/host/pingActionKind.ts';
import { loadBalancerKind } from '../../kinds/loadBalancer/loadBalancerKind.ts';
import { loadBalancerRole } from '../../kinds/loadBalancer/loadBalancerRole.ts';
import { mailClientKind } from '../../kinds/mail/mailClientKind.ts';
import { pop3ServerKind } from '../../kinds/mail/pop3ServerKind.ts';
import { smtpServerKind } from '../../kinds/mail/smtpServerKind.ts';
import { checkNat, natSettings } from '../../kinds/nat/natSchemas.ts';
import { natStatically, natWarnings } from '../../kinds/nat/natStaticFeature.ts';
import { echoKind } from '../../kinds/pingEcho/echoKind.ts';
import { pingerKind } from '../../kinds/pingEcho/pingerKind.ts';
import { routerRole } from '../../kinds/router/routerRole.ts';
import { serviceClientKind } from '../../kinds/service/serviceClientKind.ts';
import { serviceKind } from '../../kinds/service/serviceKind.ts';
import { switchRole } from '../../kinds/switch/switchRole.ts';
import { fetchActionKind } from '../../kinds/web/fetchActionKind.ts';
import { httpClientKind } from '../../kinds/web/httpClientKind.ts';
import { httpServerKind } from '../../kinds/web/httpServerKind.ts';

/** Every application kind. */
export const APP_KINDS = [
  pingerKind,
  echoKind,
  bulkSendKind,
  sinkKind,
  httpServerKind,
  httpClientKind,
  serviceKind,
  serviceClientKind,
  dnsServerKind,
  ftpServerKind,
  ftpClientKind,
  loadBalancerKind,
  smtpServerKind,
  pop3ServerKind,
  mailClientKind,
  dhcpServerKind,
] as const;

/** Every action a node can take at a moment (a timed event of the scenario, see actionKind.ts). */
export const ACTION_KINDS = [
  pingActionKind,
  fetchActionKind,
  transferActionKind,
  synFloodActionKind,
  portScanActionKind,
] as const;

/** Every node role. */
export const ROLE_KINDS = [
  clientRole,
  serverRole,
  routerRole,
  switchRole,
  dnsRole,
  firewallRole,
  loadBalancerRole,
] as const;

/**
 * Roles a scenario may name that have no behaviour yet, with what brings them: validation
 * refuses them by name instead of building them as something else.
 */
export const UPCOMING_ROLES: Readonly<Record<string, string>> = {};

/** The stub resolver of nodes with a `dns` setting (src/kinds/dns). */
export const NODE_RESOLVER = {
  /** The node's `dns` setting. */
  settings: dnsSettings,
  /** What a lookup from a node will get, from the document alone (for warnings). */
  answerStatically: lookUpStatically,
  /** How it is made, looks names up and counts: loaded for a scenario with one (kindBehaviours). */
  behaviour: () =>
    import('../../kinds/dns/dnsResolverFeature.ts').then((module) => module.resolverBehaviour),
};

/** The packet filter of nodes with a `firewall` setting (src/kinds/firewall). */
export const NODE_FIREWALL = {
  /** The node's `firewall` setting: its filter table. */
  settings: firewallSettings,
  /** How it is put on a node and counts: loaded for a scenario with one (kindBehaviours). */
  behaviour: () =>
    import('../../kinds/firewall/firewallFeature.ts').then((module) => module.firewallBehaviour),
};

/** The spanning tree of switches cabled to switches (src/kinds/switch/stpFeature.ts). */
export const SWITCH_STP = {
  type: 'stp',
  behaviour: () => import('../../kinds/switch/stpFeature.ts').then((module) => module.stpBehaviour),
};

/** Network address translation on nodes with a `nat` setting (src/kinds/nat). */
export const NODE_NAT = {
  /** The node's `nat` setting. */
  settings: natSettings,
  /** Its checks a schema cannot make (`path` is `$.nodes[i].nat`). */
  check: checkNat,
  /** What the scenario's NATs do to addresses, from the document alone (for warnings). */
  statically: natStatically,
  /** Warnings about `nat` settings that are legal but likely wrong. */
  warn: natWarnings,
  /** How it is installed on a node and counts: loaded for a scenario with one (kindBehaviours). */
  behaviour: () => import('../../kinds/nat/natFeature.ts').then((module) => module.natBehaviour),
};

/**
 * The DHCP clients of nodes whose interfaces say `"address": "dhcp"` (src/kinds/dhcp), with the
 * checks of the document's DHCP servers (pools inside their subnets, no static address in them).
 * Its warnings (kinds/dhcp/dhcpWarningsFeature.ts) are not here but imported by the scenario's warnings
 * themselves, so that the embed's element, which shows no warnings, does not carry them.
 */
export const NODE_DHCP = {
  /** Errors a schema cannot see: each server's pool and router against its node and segment. */
  check: checkDhcp,
  /** How its clients start on a node: loaded for a scenario with one (kindBehaviours). */
  behaviour: () =>
    import('../../kinds/dhcp/dhcpClientFeature.ts').then((module) => module.dhcpClientBehaviour),
};
