// The layer view's choice on the page (issue 18): every layer, or one of application, transport,
// network and link; read at load and, when changed, remembered and put in the page's address
// (layerAddress.ts).

import type { LayerChoice } from '../viz/layers/index.ts';
import { addressWithLayer, LAYER_KEY, readLayerChoice, safeStorage } from './layerAddress.ts';

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
      if (choice === 'all') storage?.removeItem(LAYER_KEY);
      else storage?.setItem(LAYER_KEY, choice);
    } catch {
      // Storage may be full or blocked: the choice still holds for this page.
    }
    if (typeof location !== 'undefined' && typeof history !== 'undefined') {
      history.replaceState(history.state, '', addressWithLayer(location.href, choice));
    }
  }
}
