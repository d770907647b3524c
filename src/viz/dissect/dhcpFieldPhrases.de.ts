// The packet inspector's words for a DHCP message's values in German; the keys and the English
// texts are in dhcpFieldPhrases.ts.

import type { Translation } from '../../engine/language.ts';
import type { DHCP_FIELD_EN } from './dhcpFieldPhrases.ts';

export const DHCP_FIELD_DE: Translation<typeof DHCP_FIELD_EN> = {
  summary: 'Dynamic Host Configuration Protocol ({type}), Transaktions-ID {xid}',
  'flags.broadcast': '{value} (Broadcast)',
  'flags.unicast': '{value} (Unicast)',
  empty: 'nicht angegeben',
  seconds: { one: '{count} Sekunde', other: '{count} Sekunden' },
  infinite: 'unbegrenzt',
};
