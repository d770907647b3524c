// The layer view's choice: every layer at once (the picture as it always was) or one of the four
// layers of the Internet model (RFC 1122), as a learner studies them one at a time; read back from
// a URL or storage without trusting the text.

/** The four layers, top to bottom. */
export const NET_LAYERS = ['application', 'transport', 'network', 'link'] as const;

/** One layer of the Internet model. */
export type NetLayer = (typeof NET_LAYERS)[number];

/** What the picture and the packet inspector show: every layer, or one. */
export type LayerChoice = 'all' | NetLayer;

/** The choices in the order the control offers them. */
export const LAYER_CHOICES: readonly LayerChoice[] = ['all', ...NET_LAYERS];

/** The choice a text names (`network`), or 'all' for anything else (absent, unknown, damaged). */
export function parseLayerChoice(value: unknown): LayerChoice {
  return LAYER_CHOICES.includes(value as LayerChoice) ? (value as LayerChoice) : 'all';
}
