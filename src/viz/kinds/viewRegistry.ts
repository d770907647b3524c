// The registry of the kinds' views: for every app kind and node role of the core registry
// (src/sim/kinds/kindRegistry.ts), and every action that records its own, the module in its
// folder that says how it looks. The summary
// cards, the event log's sentences, the statecharts and the role names and icons loop over these
// lists; a test checks that they cover the core registry exactly.

import { portScanView, synFloodView } from '../../kinds/attack/attackView.ts';
import { bulkSendView, sinkView } from '../../kinds/bulkTransfer/bulkView.ts';
import { dhcpServerView } from '../../kinds/dhcp/dhcpView.ts';
import { dnsServerView, resolverView } from '../../kinds/dns/dnsView.ts';
import { firewallFeatureView } from '../../kinds/firewall/firewallView.ts';
import { ftpClientView, ftpServerView } from '../../kinds/ftp/ftpView.ts';
import { loadBalancerView } from '../../kinds/loadBalancer/loadBalancerView.ts';
import { mailClientView, pop3ServerView, smtpServerView } from '../../kinds/mail/mailView.ts';
import { natView } from '../../kinds/nat/natView.ts';
import { echoView, pingerView } from '../../kinds/pingEcho/pingEchoView.ts';
import { serviceClientView, serviceView } from '../../kinds/service/serviceView.ts';
import { httpClientView, httpServerView } from '../../kinds/web/webView.ts';
import type { AnyActionKindView, AnyAppKindView } from './kindView.ts';

export { ROLE_VIEWS } from './roleViews.ts';

/** The view of every app kind, in the core registry's order. */
export const APP_VIEWS: readonly AnyAppKindView[] = [
  pingerView,
  echoView,
  bulkSendView,
  sinkView,
  httpServerView,
  httpClientView,
  serviceView,
  serviceClientView,
  dnsServerView,
  ftpServerView,
  ftpClientView,
  loadBalancerView,
  smtpServerView,
  pop3ServerView,
  mailClientView,
  dhcpServerView,
];

/**
 * The view of every action kind that records its own (attacks), in the core registry's order;
 * the others (ping, fetch, transfer) are told as the app kind they run as.
 */
export const ACTION_VIEWS: readonly AnyActionKindView[] = [synFloodView, portScanView];

/** The view of the stub resolver of nodes with a `dns` setting. */
export const RESOLVER_VIEW = resolverView;

/** The view of the packet filter of nodes with a `firewall` setting. */
export const FIREWALL_VIEW = firewallFeatureView;

/** The view of the NAT of nodes with a `nat` setting. */
export const NAT_VIEW = natView;
