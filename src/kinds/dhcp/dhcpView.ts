// How DHCP looks: the server's summary card, and the sentences of the event log for every
// dhcp.* record (the clients' too: they are no app of their own, so the server's view tells
// them). Its words, in each language, are in dhcpPhrases.ts. The node inspector's lease tables
// are dhcpLeasesView.ts and DhcpSection.svelte.

import { ENGLISH, formatCount } from '../../engine/language.ts';
import { formatDuration, formatMoment } from '../../engine/time.ts';
import { defineAppView, type AppMachine } from '../../viz/kinds/kindView.ts';
import { dhcpClientMachine } from './dhcpClientMachine.ts';
import { dhcpPhrases } from './dhcpPhrases.ts';
import type { DhcpServerApp } from './dhcpSchemas.ts';
import type { DhcpServerFigures } from './dhcpServerKind.ts';
import './dhcpTrace.ts';

const S = 1_000_000_000;

/**
 * An interface's DHCP client, as DhcpSection.svelte draws it: laid out like RFC 2131 figure 5,
 * INIT on top, the way to BOUND down the middle, RENEWING and REBINDING either side below it.
 */
export const DHCP_CLIENT_CHART: AppMachine = {
  key: 'dhcpClient',
  machine: dhcpClientMachine,
  placement: {
    cells: new Map(
      (
        [
          ['init', 1, 0],
          ['selecting', 1, 1],
          ['requesting', 1, 2],
          ['bound', 1, 3.2],
          ['renewing', 0, 4.4],
          ['rebinding', 2, 4.4],
        ] as const
      ).map(([state, col, row]) => [state, { state, col, row }]),
    ),
    loopSide: 'right',
  },
};

export const dhcpServerView = defineAppView<DhcpServerApp, DhcpServerFigures>({
  type: 'dhcpServer',
  machines: [DHCP_CLIENT_CHART],
  card: (f, names, language = ENGLISH) => {
    const { say } = dhcpPhrases.in(language);
    const n = (value: number) => formatCount(value, language);
    return {
      id: `dhcp-${f.node}`,
      title: names.name(f.node),
      kind: say('server.kind', { range: f.range }),
      figures: [
        [say('server.offers'), n(f.offers), 'offers'],
        [say('server.acks'), n(f.acks), 'acks'],
        [say('server.naks'), n(f.naks), 'naks'],
        [say('server.noOffers'), n(f.noOffers), 'noOffers'],
      ],
    };
  },
  narration: {
    types: [
      'dhcp.discover',
      'dhcp.offer',
      'dhcp.noOffer',
      'dhcp.request',
      'dhcp.ack',
      'dhcp.nak',
      'dhcp.bound',
      'dhcp.restart',
      'dhcp.expire',
      'dhcp.leaseExpire',
      'dhcp.state',
    ],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = dhcpPhrases.in(language);
      const name = names.name;
      const lease = (seconds: number) => formatDuration(seconds * S, language);
      return (record) => {
        switch (record.type) {
          case 'dhcp.discover': {
            const words = {
              node: name(record.node),
              iface: record.iface,
              xid: `0x${record.xid.toString(16)}`,
              attempt: String(record.attempt),
            };
            return {
              kind: record.attempt > 1 ? 'timeout' : 'send',
              text: say(record.attempt > 1 ? 'dhcp.discoverAgain' : 'dhcp.discover', words),
            };
          }
          case 'dhcp.offer':
            return {
              kind: 'reply',
              text: say('dhcp.offer', {
                node: name(record.node),
                address: record.address,
                client: record.client,
                xid: `0x${record.xid.toString(16)}`,
              }),
            };
          case 'dhcp.noOffer':
            return {
              kind: 'error',
              text: say('dhcp.noOffer', { node: name(record.node), client: record.client }),
            };
          case 'dhcp.request': {
            const key =
              record.state === 'selecting'
                ? 'dhcp.requestSelecting'
                : record.state === 'renewing'
                  ? 'dhcp.requestRenewing'
                  : 'dhcp.requestRebinding';
            return {
              kind: 'send',
              text: say(key, {
                node: name(record.node),
                server: record.server,
                address: record.address,
              }),
            };
          }
          case 'dhcp.ack':
            return {
              kind: 'reply',
              text: say('dhcp.ack', {
                node: name(record.node),
                address: record.address,
                client: record.client,
                lease: lease(record.leaseSeconds),
              }),
            };
          case 'dhcp.nak':
            return {
              kind: 'error',
              text: say('dhcp.nak', {
                node: name(record.node),
                address: record.address,
                client: record.client,
                reason: record.reason,
              }),
            };
          case 'dhcp.bound':
            return {
              kind: 'state',
              text: say('dhcp.bound', {
                node: name(record.node),
                iface: record.iface,
                address: record.address,
                router: record.router || say('dhcp.none'),
                lease: lease(record.leaseSeconds),
                t1: formatMoment(record.t1, language),
              }),
            };
          case 'dhcp.restart':
            return {
              kind: 'error',
              text: say(record.reason === 'nak' ? 'dhcp.restartNak' : 'dhcp.restartNoAnswer', {
                node: name(record.node),
              }),
            };
          case 'dhcp.expire':
            return {
              kind: 'error',
              text: say('dhcp.expire', {
                node: name(record.node),
                address: record.address,
                iface: record.iface,
              }),
            };
          case 'dhcp.leaseExpire':
            return {
              kind: 'detail',
              text: say('dhcp.leaseExpire', {
                node: name(record.node),
                address: record.address,
                client: record.client,
              }),
            };
          case 'dhcp.state':
            return {
              kind: 'detail',
              text: say('dhcp.state', {
                node: name(record.node),
                iface: record.iface,
                state: record.state.toUpperCase(),
              }),
            };
          default:
            return null;
        }
      };
    },
  },
  // Plain code without a machine: it has no states to show.
  listedBeforeStart: () => false,
});
