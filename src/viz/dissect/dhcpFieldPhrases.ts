// The packet inspector's words for a DHCP message's values (packetFieldsDhcp.ts): the flags, an
// empty name, lease times, the layer's summary. English here, German in dhcpFieldPhrases.de.ts.
// Field, option and message names stay as Wireshark shows them and are not in here.

import { Phrasebook } from '../../engine/language.ts';
import { DHCP_FIELD_DE } from './dhcpFieldPhrases.de.ts';

export const DHCP_FIELD_EN = {
  summary: 'Dynamic Host Configuration Protocol ({type}), transaction ID {xid}',
  'flags.broadcast': '{value} (broadcast)',
  'flags.unicast': '{value} (unicast)',
  empty: 'not given',
  seconds: { one: '{count} second', other: '{count} seconds' },
  infinite: 'infinite',
} as const;

/** The words of the DHCP dissection in every language the inspector speaks. */
export const dhcpFieldPhrases = new Phrasebook(DHCP_FIELD_EN, { de: DHCP_FIELD_DE });
