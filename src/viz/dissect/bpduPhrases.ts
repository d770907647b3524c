// The BPDU dissector's words (bpduFields.ts) in each language, kept beside it so the element's
// first chunk does not carry them: the dissector loads with the packet inspector.

import { Phrasebook, type Translation } from '../../engine/language.ts';

export const BPDU_EN = {
  summaryEth: 'IEEE 802.3 Ethernet, {src} → {dst}, {bytes} without the FCS',
  summaryStp: 'Rapid Spanning Tree, root {root}, cost {cost}',
  stpGroup: 'the bridges’ group address: spanning tree BPDUs, never forwarded',
} as const;

const BPDU_DE: Translation<typeof BPDU_EN> = {
  summaryEth: 'IEEE 802.3 Ethernet, {src} → {dst}, {bytes} ohne FCS',
  summaryStp: 'Rapid Spanning Tree, Root {root}, Kosten {cost}',
  stpGroup: 'Gruppenadresse der Bridges: Spanning-Tree-BPDUs, nie weitergeleitet',
};

export const bpduPhrases = new Phrasebook(BPDU_EN, { de: BPDU_DE });
