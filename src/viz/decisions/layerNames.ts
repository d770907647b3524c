// A layer's name in the language asked: "Network", "Vermittlungsschicht".

import { ENGLISH, type Language } from '../../engine/language.ts';
import { decisionPhrases } from './decisionPhrases.ts';
import type { DecisionLayer } from './decisionTypes.ts';

/** The name of `layer` in `language`. */
export function layerName(layer: DecisionLayer, language: Language = ENGLISH): string {
  return decisionPhrases.in(language).say(`layer.${layer}`);
}
