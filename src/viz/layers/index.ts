// The layer view (issue 18): the picture and the packet inspector at one layer of the Internet
// model at a time. Each packet's label at a layer and whether it carries anything there
// (layerDots.ts), each node's card at a layer (layerCards.ts), the lens the picture takes
// (layerLens.ts), and the choice itself (layerChoice.ts).
export {
  LAYER_CHOICES,
  NET_LAYERS,
  parseLayerChoice,
  type LayerChoice,
  type NetLayer,
} from './layerChoice.ts';
export { layerDot, type LayerDot, type LayerHop, type LayerDotOptions } from './layerDots.ts';
export { layerCard, layerCardRoom, type LayerCard } from './layerCards.ts';
export {
  dissectedLayerOf,
  layerLens,
  type DissectedLayerId,
  type IsnIndex,
  type LayerLens,
  type LensHop,
} from './layerLens.ts';
