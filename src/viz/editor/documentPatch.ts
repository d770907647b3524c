// One canvas edit as one command: the steps (SetValue) that turn the document before into the
// document after, applied in order and reverted in reverse, so undo and redo take the whole edit
// ("Add router r1", "Link c1 to r1") at once, in the same history as the property panel's edits.

import { SetValue, valueAt, type EditCommand, type Json } from './documentEdits.ts';

/** Several SetValue steps under one label. */
export class DocumentPatch implements EditCommand {
  constructor(
    readonly label: string,
    readonly steps: readonly SetValue[],
  ) {}

  apply(doc: Json): Json {
    return this.steps.reduce((at, step) => step.apply(at), doc);
  }

  revert(doc: Json): Json {
    return this.steps.reduceRight((at, step) => step.revert(at), doc);
  }
}

/**
 * The patch from `before` to `after` (two documents, JSON objects): one step per top-level key
 * that differs (`nodes`, `links`, `events`), whose value is replaced whole. Keys keep their order.
 */
export function patchBetween(label: string, before: Json, after: Json): DocumentPatch {
  const keys = new Set([...keysOf(before), ...keysOf(after)]);
  const steps: SetValue[] = [];
  for (const key of keys) {
    const was = valueAt(before, [key]);
    const now = valueAt(after, [key]);
    if (JSON.stringify(was) !== JSON.stringify(now)) steps.push(new SetValue([key], was, now));
  }
  return new DocumentPatch(label, steps);
}

function keysOf(doc: Json): string[] {
  return doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? Object.keys(doc) : [];
}
