// The layer view's choice (issue 18): every layer, or one of application, transport, network and
// link. Remembered in localStorage like the theme and the panel sizes, and written to the page's
// address as `?layer=network` so a teacher can hand out a link that opens at a layer; a link's
// choice wins over the stored one. A value that is not a layer is ignored, never trusted.

import { parseLayerChoice, type LayerChoice } from '../viz/layers/index.ts';

const KEY = 'handshake.layer';
const PARAM = 'layer';

/** The choice a link (`?layer=link`) or storage holds, the link first; 'all' when neither. */
export function readLayerChoice(
  search: string,
  storage: Pick<Storage, 'getItem'> | null = safeStorage(),
): LayerChoice {
  const linked = new URLSearchParams(search).get(PARAM);
  if (linked !== null) return parseLayerChoice(linked);
  try {
    return parseLayerChoice(storage?.getItem(KEY));
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

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The choice on the page: read at load, remembered and put in the address when changed. */
export class LayerView {
  choice = $state<LayerChoice>('all');

  constructor() {
    this.choice = readLayerChoice(typeof location === 'undefined' ? '' : location.search);
  }

  set(choice: LayerChoice): void {
    this.choice = choice;
    try {
      const storage = safeStorage();
      if (choice === 'all') storage?.removeItem(KEY);
      else storage?.setItem(KEY, choice);
    } catch {
      // Storage may be full or blocked: the choice still holds for this page.
    }
    if (typeof location !== 'undefined' && typeof history !== 'undefined') {
      history.replaceState(history.state, '', addressWithLayer(location.href, choice));
    }
  }
}
