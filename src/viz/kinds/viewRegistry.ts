// The registry of the kinds' views: for every app kind and node role of the core registry
// (src/sim/kinds/kindRegistry.ts), the module in its folder that says how it looks. The summary
// cards, the event log's sentences, the statecharts and the role names and icons loop over these
// lists; a test checks that they cover the core registry exactly.

import { bulkSendView, sinkView } from '../../kinds/bulkTransfer/bulkView.ts';
import { dnsServerView, resolverView } from '../../kinds/dns/dnsView.ts';
import { ftpClientView, ftpServerView } from '../../kinds/ftp/ftpView.ts';
import { loadBalancerView } from '../../kinds/loadBalancer/loadBalancerView.ts';
import { echoView, pingerView } from '../../kinds/pingEcho/pingEchoView.ts';
import { serviceClientView, serviceView } from '../../kinds/service/serviceView.ts';
import { httpClientView, httpServerView } from '../../kinds/web/webView.ts';
import type { AnyAppKindView } from './kindView.ts';

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
];

/** The view of the stub resolver of nodes with a `dns` setting. */
export const RESOLVER_VIEW = resolverView;
