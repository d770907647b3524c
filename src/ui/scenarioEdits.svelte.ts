// Edits of the loaded scenario document from the property panel (and, later, the canvas): each a
// command (src/viz/editor) applied to the document only if the result still validates, else
// refused with the validator's reasons and nothing changed; undo and redo walk them back and forth.
// An edit keeps the learner's selection and seed and drops the run, which was of the old document.

import { parseScenarioText, type Scenario, type ValidationIssue } from '../sim/index.ts';
import {
  EditHistory,
  fieldPhrases,
  InsertItem,
  itemNoun,
  pathText,
  RemoveItem,
  SetValue,
  valueAt,
  type DocPath,
  type EditCommand,
  type Json,
} from '../viz/editor/index.ts';
import { locale } from './i18n/locale.svelte.ts';

/** What an edit changes in the app: its document, and the scenario the document now is. */
export interface EditTarget {
  readonly documentText: string;
  adoptEdit(scenario: Scenario, text: string): void;
}

export type EditResult = { ok: true } | { ok: false; issues: ValidationIssue[] };

export class ScenarioEdits {
  private readonly history = new EditHistory();
  /** Counts changes of the history, so that labels and buttons follow. */
  version = $state(0);

  constructor(private readonly target: EditTarget) {}

  private document(): Json {
    return JSON.parse(this.target.documentText) as Json;
  }

  /** The document's value at `path` (undefined where it has none). */
  valueAt(path: DocPath): Json | undefined {
    void this.version;
    return valueAt(this.document(), path);
  }

  /** Sets (or, with undefined, clears) the value at `path`; refused if the document would be invalid. */
  set(path: DocPath, value: Json | undefined): EditResult {
    const doc = this.document();
    const before = valueAt(doc, path);
    if (JSON.stringify(before) === JSON.stringify(value)) return { ok: true };
    return this.apply(new SetValue(path, before, value), doc);
  }

  /**
   * Appends to the list at `path` the first of `candidates` that leaves the document valid (see
   * newItemCandidates); refused with the first one's reasons when none does.
   */
  insert(path: DocPath, candidates: readonly Json[], noun?: string): EditResult {
    const doc = this.document();
    let refused: EditResult | null = null;
    for (const item of candidates) {
      const result = this.apply(InsertItem.append(doc, path, item, noun, locale.language), doc);
      if (result.ok) return result;
      refused ??= result;
    }
    return (
      refused ?? {
        ok: false,
        issues: [
          {
            path: pathText(path),
            message: fieldPhrases
              .in(locale.language)
              .say('list.noFit', { noun: noun ?? itemNoun('', locale.language) }),
          },
        ],
      }
    );
  }

  /** Removes item `index` of the list at `path`; refused when the document would be invalid. */
  remove(path: DocPath, index: number, noun?: string): EditResult {
    const doc = this.document();
    return this.apply(RemoveItem.at(doc, path, index, noun, locale.language), doc);
  }

  /** Applies a command to the document; kept in the history only when the result validates. */
  apply(command: EditCommand, doc: Json = this.document()): EditResult {
    const result = this.adopt(command.apply(doc));
    if (result.ok) {
      this.history.push(command);
      this.version++;
    }
    return result;
  }

  get undoLabel(): string | null {
    void this.version;
    return this.history.undoable?.label ?? null;
  }

  get redoLabel(): string | null {
    void this.version;
    return this.history.redoable?.label ?? null;
  }

  undo(): boolean {
    const doc = this.history.undo(this.document());
    if (doc === null) return false;
    this.adopt(doc);
    this.version++;
    return true;
  }

  redo(): boolean {
    const doc = this.history.redo(this.document());
    if (doc === null) return false;
    if (!this.adopt(doc).ok) this.history.dropUndone();
    this.version++;
    return true;
  }

  /** A new document was opened: its edits start afresh. */
  reset(): void {
    this.history.clear();
    this.version++;
  }

  private adopt(doc: Json): EditResult {
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    const parsed = parseScenarioText(text);
    if (!parsed.ok) return { ok: false, issues: parsed.issues };
    this.target.adoptEdit(parsed.scenario, text);
    return { ok: true };
  }
}
