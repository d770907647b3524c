// Adding and removing items of a list in the scenario document (a node's apps, routes and
// interfaces, a client's requests, ...) as command objects: each remembers enough to be undone
// exactly (the removed item and its place; whether the list itself was absent before an insert).

import { ENGLISH, type Language } from '../../engine/language.ts';
import { valueAt, withValue, type DocPath, type EditCommand, type Json } from './documentEdits.ts';
import { fieldPhrases } from './fieldPhrases.ts';
import { itemNoun } from './newItems.ts';

function listAt(doc: Json, path: DocPath): Json[] | undefined {
  const list = valueAt(doc, path);
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) throw new TypeError(`${path.join('.')} is not a list`);
  return list;
}

/** Inserts `item` at `index` of the list at `path` (made when absent, and unmade by undo). */
export class InsertItem implements EditCommand {
  readonly label: string;

  constructor(
    readonly path: DocPath,
    readonly index: number,
    readonly item: Json,
    /** Whether the document had no list there before: undo removes the key again. */
    readonly madeList: boolean,
    noun?: string,
    language: Language = ENGLISH,
  ) {
    this.label = fieldPhrases.in(language).say('list.add', {
      noun: noun ?? itemNoun('', language),
      n: `${index + 1}`,
    });
  }

  /** The command that appends `item` to the list at `path` of `doc`; its label in `language`. */
  static append(
    doc: Json,
    path: DocPath,
    item: Json,
    noun?: string,
    language: Language = ENGLISH,
  ): InsertItem {
    const list = listAt(doc, path);
    return new InsertItem(path, list?.length ?? 0, item, list === undefined, noun, language);
  }

  apply(doc: Json): Json {
    const list = listAt(doc, this.path) ?? [];
    if (this.index < 0 || this.index > list.length) {
      throw new RangeError(`no place ${this.index} in a list of ${list.length}`);
    }
    return withValue(doc, this.path, list.toSpliced(this.index, 0, this.item));
  }

  revert(doc: Json): Json {
    const list = listAt(doc, this.path) ?? [];
    const rest = list.toSpliced(this.index, 1);
    return withValue(doc, this.path, this.madeList && rest.length === 0 ? undefined : rest);
  }
}

/** Removes the item at `index` of the list at `path`, keeping it to put back. */
export class RemoveItem implements EditCommand {
  readonly label: string;

  constructor(
    readonly path: DocPath,
    readonly index: number,
    readonly item: Json,
    noun?: string,
    language: Language = ENGLISH,
  ) {
    this.label = fieldPhrases.in(language).say('list.remove', {
      noun: noun ?? itemNoun('', language),
      n: `${index + 1}`,
    });
  }

  /** The command that removes item `index` of the list at `path` of `doc`; its label in `language`. */
  static at(
    doc: Json,
    path: DocPath,
    index: number,
    noun?: string,
    language: Language = ENGLISH,
  ): RemoveItem {
    const item = listAt(doc, path)?.[index];
    if (item === undefined) throw new RangeError(`no item ${index + 1} at ${path.join('.')}`);
    return new RemoveItem(path, index, item, noun, language);
  }

  apply(doc: Json): Json {
    const list = listAt(doc, this.path) ?? [];
    return withValue(doc, this.path, list.toSpliced(this.index, 1));
  }

  revert(doc: Json): Json {
    const list = listAt(doc, this.path) ?? [];
    return withValue(doc, this.path, list.toSpliced(this.index, 0, this.item));
  }
}
