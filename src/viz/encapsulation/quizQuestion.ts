// The two helpers every layer's questions use: a field of a dissected layer by its id, and a
// question built from the right value and candidate distractors in a fixed order.

import type { PacketField, PacketLayer } from '../dissect/packetFieldModel.ts';
import type { QuizQuestion } from './encapsulationQuiz.ts';

/** A field of the layer by id (also among children), or undefined. */
export function fieldOf(layer: PacketLayer, id: string): PacketField | undefined {
  const walk = (fields: readonly PacketField[]): PacketField | undefined => {
    for (const f of fields) {
      if (f.id === id) return f;
      const inner = f.children ? walk(f.children) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(layer.fields);
}

/**
 * A question whose choices are the right value and distractors: candidates are taken in order,
 * duplicates dropped, `count` kept (the right one always), then listed in `order`'s order.
 */
export function question(
  field: string,
  prompt: string,
  right: string,
  candidates: readonly string[],
  explain: string,
  count = 4,
  order?: (a: string, b: string) => number,
): QuizQuestion {
  const choices = [right];
  for (const c of candidates) {
    if (choices.length >= count) break;
    if (!choices.includes(c)) choices.push(c);
  }
  if (order) choices.sort(order);
  else {
    // The candidates' own order, so the right answer's place depends on the packet only.
    const rank = (c: string) => {
      const i = candidates.indexOf(c);
      return i < 0 ? candidates.length : i;
    };
    choices.sort((a, b) => rank(a) - rank(b));
  }
  return { field, prompt, choices, answer: choices.indexOf(right), explain };
}
