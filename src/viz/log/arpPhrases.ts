// The event log's sentences for ARP (narrateArp.ts): a node asking for a neighbour's MAC address,
// answering, learning, an entry expiring or being forgotten, and no answer at all. German in
// arpPhrases.de.ts. "ARP" and MAC addresses stay as they are.

import { Phrasebook } from '../../engine/language.ts';
import { ARP_DE } from './arpPhrases.de.ts';

export const ARP_EN = {
  request:
    '{node} does not know the MAC address of {target} and asks every station on {iface}: who has {ip}? (ARP request #{pkt})',
  retry: '{node} has had no answer and asks again who has {ip} (request {probe} of 3).',
  announce:
    '{node} tells every station on {iface} that {ip} is at {mac} (gratuitous ARP #{pkt}, announcement {count} of 2): it has just taken this address.',
  reply: '{node} answers {to}: {ip} is at its MAC address {mac} (ARP reply #{pkt}).',
  learn: '{node} notes that {ip} is at {mac}, for the next 30 s.',
  expire:
    'The ARP entry of {node} for {ip} expires: the next packet there will ask for its MAC address again.',
  forget: '{node} removes its unused ARP entry for {ip}.',
  fail: {
    one: '{node} gets no answer for {ip} after 3 requests: the packet that waited is dropped.',
    other:
      '{node} gets no answer for {ip} after 3 requests: the {count} packets that waited are dropped.',
  },
  failNone: '{node} gets no answer for {ip} after 3 requests and gives up.',
} as const;

/** The ARP sentences in every language the log speaks. */
export const arpPhrases = new Phrasebook(ARP_EN, { de: ARP_DE });
