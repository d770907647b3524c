// Where the layer view's choice is kept: the page's address (`?layer=network`, so a teacher can
// hand out a link that opens at a layer) and localStorage (like the theme); the link's wins. A
// value that is not a layer is ignored, never trusted. Plain functions, tested in Node.

import { parseLayerChoice, type LayerChoice } from '../viz/layers/index.ts';

export const LAYER_KEY = 'handshake.layer';
const PARAM = 'layer';

/** The choice a link (`?layer=link`) or storage holds, the link first; 'all' when neither. */
export function readLayerChoice(
  search: string,
  storage: Pick<Storage, 'getItem'> | null = safeStorage(),
): LayerChoice {
  const linked = new URLSearchParams(search).get(PARAM);
  if (linked !== null) return parseLayerChoice(linked);
  try {
    return parseLayerChoice(storage?.getItem(LAYER_KEY));
  } catch {
    return 'all';
  }
}

/** The page's address with the choice in its query (none for every layer), the rest kept. */
export function addressWithLayer(href: string, choice: LayerChoice): string {
  const url = new URL(href);
  if (choice === 'all') url.searchParams.delete(PARAM);
  else url.searchParams.set(PARAM, choice);
  return url.href;
}

export function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
