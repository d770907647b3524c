// Edits of the scenario document as command objects: setting (or clearing) one value at a JSON
// path, applied to a document without changing it, and undone exactly; and the history of them
// that undo and redo walk (one list for every panel and, later, the canvas).

/** A key of an object or an index of an array. */
export type PathStep = string | number;
export type DocPath = readonly PathStep[];
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `$.nodes[2].apps[0].concurrency.model`: a path as the validator writes it. */
export function pathText(path: DocPath): string {
  return path.reduce<string>(
    (text, step) => (typeof step === 'number' ? `${text}[${step}]` : `${text}.${step}`),
    '$',
  );
}

/** The value at `path`, or undefined where the document has none. */
export function valueAt(doc: Json, path: DocPath): Json | undefined {
  let at: Json | undefined = doc;
  for (const step of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = Array.isArray(at) ? (typeof step === 'number' ? at[step] : undefined) : at[String(step)];
  }
  return at;
}

/**
 * A copy of `doc` with `value` at `path` (undefined removes the key), sharing every part off the
 * path. Missing objects on the way are made; an object emptied by a removal is removed in turn,
 * so clearing the last field of an optional group leaves no `{}` behind.
 */
export function withValue(doc: Json, path: DocPath, value: Json | undefined): Json {
  const [step, ...rest] = path;
  if (step === undefined) return value === undefined ? {} : value;
  if (Array.isArray(doc)) {
    if (typeof step !== 'number' || step < 0 || step > doc.length) {
      throw new RangeError(`no item ${String(step)} in a list of ${doc.length}`);
    }
    const next = [...doc];
    const inner = rest.length === 0 ? value : withValue(doc[step] ?? {}, rest, value);
    if (inner === undefined) next.splice(step, 1);
    else next[step] = inner;
    return next;
  }
  const object = doc !== null && typeof doc === 'object' ? doc : {};
  const key = String(step);
  const child = object[key];
  let inner = rest.length === 0 ? value : withValue(child ?? {}, rest, value);
  if (
    rest.length > 0 &&
    inner !== null &&
    typeof inner === 'object' &&
    !Array.isArray(inner) &&
    Object.keys(inner).length === 0 &&
    child === undefined
  ) {
    inner = undefined; // a group that was absent and stays empty
  }
  const next: { [key: string]: Json } = {};
  let placed = false;
  for (const [k, v] of Object.entries(object)) {
    if (k !== key) next[k] = v;
    else if (inner !== undefined) {
      next[k] = inner;
      placed = true;
    } else placed = true;
  }
  if (!placed && inner !== undefined) next[key] = inner;
  return next;
}

/** A change of the document that can be made and unmade. */
export interface EditCommand {
  /** What it did, for the undo button's name: `Set model to "eventLoop"`. */
  readonly label: string;
  apply(doc: Json): Json;
  revert(doc: Json): Json;
}

/** Sets one value (or clears it, with undefined), remembering the one it replaced. */
export class SetValue implements EditCommand {
  readonly label: string;

  constructor(
    readonly path: DocPath,
    readonly before: Json | undefined,
    readonly after: Json | undefined,
  ) {
    const key = String(path.at(-1) ?? 'document');
    this.label =
      after === undefined ? `Clear ${key}` : `Set ${key} to ${JSON.stringify(after).slice(0, 40)}`;
  }

  apply(doc: Json): Json {
    return withValue(doc, this.path, this.after);
  }

  revert(doc: Json): Json {
    return withValue(doc, this.path, this.before);
  }
}

/** The edits made, newest last, and those undone, ready to redo. */
export class EditHistory {
  private readonly done: EditCommand[] = [];
  private readonly undone: EditCommand[] = [];

  constructor(private readonly limit = 500) {}

  /** Records an edit already applied; it clears what could be redone. */
  push(command: EditCommand): void {
    this.done.push(command);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  /** The edit to undo next, or null. */
  get undoable(): EditCommand | null {
    return this.done.at(-1) ?? null;
  }

  get redoable(): EditCommand | null {
    return this.undone.at(-1) ?? null;
  }

  /** Undoes the last edit on `doc`; null when there is none. */
  undo(doc: Json): Json | null {
    const command = this.done.pop();
    if (!command) return null;
    this.undone.push(command);
    return command.revert(doc);
  }

  redo(doc: Json): Json | null {
    const command = this.undone.pop();
    if (!command) return null;
    this.done.push(command);
    return command.apply(doc);
  }

  /** Steps back when a command could not be applied after all (the document refused it). */
  dropUndone(): void {
    this.undone.pop();
  }

  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }
}

/**
 * The document as a file to save: `$schema` first and pointing at `schemaRef` (the schema the page
 * serves, since a saved file may land anywhere), the rest as it stands, two spaces of indent.
 */
export function documentForSaving(text: string, schemaRef: string): string {
  const doc = JSON.parse(text) as Json;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return text;
  const { $schema: _old, ...rest } = doc;
  void _old;
  return `${JSON.stringify({ $schema: schemaRef, ...rest }, null, 2)}\n`;
}
