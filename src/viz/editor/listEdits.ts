// Adding and removing items of a list in the scenario document (a node's apps, routes and
// interfaces, a client's requests, ...) as command objects: each remembers enough to be undone
// exactly (the removed item and its place; whether the list itself was absent before an insert).

import { valueAt, withValue, type DocPath, type EditCommand, type Json } from './documentEdits.ts';

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
    noun = 'item',
  ) {
    this.label = `Add ${noun} ${index + 1}`;
  }

  /** The command that appends `item` to the list at `path` of `doc`. */
  static append(doc: Json, path: DocPath, item: Json, noun?: string): InsertItem {
    const list = listAt(doc, path);
    return new InsertItem(path, list?.length ?? 0, item, list === undefined, noun);
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
    noun = 'item',
  ) {
    this.label = `Remove ${noun} ${index + 1}`;
  }

  /** The command that removes item `index` of the list at `path` of `doc`. */
  static at(doc: Json, path: DocPath, index: number, noun?: string): RemoveItem {
    const item = listAt(doc, path)?.[index];
    if (item === undefined) throw new RangeError(`no item ${index + 1} at ${path.join('.')}`);
    return new RemoveItem(path, index, item, noun);
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
