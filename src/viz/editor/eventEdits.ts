// The editor's side of the scenario's timed events (issue 14, "actions at a moment"; the events in
// words and time order are src/viz/trace/timedEvents.ts): the commands that add one (appended to
// `events`) and remove one, undone exactly; and the event a form describes, built from what the
// learner typed with a message naming what is wrong. The document's validator has the last word
// (scenarioEdits refuses an invalid result).

import { NS_PER_S, parseDuration } from '../../engine/time.ts';
import { parseByteSize } from '../../sim/schema/units.ts';
import { withValue, type EditCommand, type Json } from './documentEdits.ts';

/** "2s", "1.5s", "250ms": a time as a document writes it, exactly (to the nanosecond). */
export function documentTime(ns: number): string {
  const whole = Math.floor(ns / NS_PER_S);
  const fraction = ns - whole * NS_PER_S;
  if (fraction === 0) return `${whole}s`;
  return `${whole}.${String(fraction).padStart(9, '0').replace(/0+$/, '')}s`;
}

function eventsOf(doc: Json): Json[] {
  const events = doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? doc.events : [];
  return Array.isArray(events) ? events : [];
}

/** Appends a timed event to the document's `events` (made when absent); undone by removing it. */
export class AddEvent implements EditCommand {
  readonly label: string;
  private index = -1;

  constructor(
    readonly event: Json,
    what: string,
  ) {
    this.label = `Add ${what}`;
  }

  apply(doc: Json): Json {
    const events = eventsOf(doc);
    this.index = events.length;
    return withValue(doc, ['events'], [...events, this.event]);
  }

  revert(doc: Json): Json {
    const events = eventsOf(doc).filter((_, i) => i !== this.index);
    return withValue(doc, ['events'], events.length > 0 ? events : undefined);
  }
}

/** Removes the timed event at `index`; undone by putting it back in its place. */
export class RemoveEvent implements EditCommand {
  readonly label: string;
  private removed: Json | undefined;

  constructor(
    readonly index: number,
    what: string,
  ) {
    this.label = `Remove ${what}`;
  }

  apply(doc: Json): Json {
    const events = eventsOf(doc);
    this.removed = events[this.index];
    const rest = events.filter((_, i) => i !== this.index);
    return withValue(doc, ['events'], rest.length > 0 ? rest : undefined);
  }

  revert(doc: Json): Json {
    if (this.removed === undefined) return doc;
    const events = [...eventsOf(doc)];
    events.splice(this.index, 0, this.removed);
    return withValue(doc, ['events'], events);
  }
}

/** The actions a node can take from the editor's forms. */
export type ActionChoice = 'ping' | 'fetch' | 'transfer';

/** What the learner typed in an action's form (all text, as the fields hold it). */
export interface ActionForm {
  at: string;
  /** The acting node's id. */
  node: string;
  /** The target (ping, transfer) or the server (fetch): a node id or an IPv4 address. */
  target: string;
  /** Fetch: the path. */
  path: string;
  /** Ping: how many echo requests. */
  count: string;
  /** Transfer: how much, like 100kB. */
  bytes: string;
}

/** A field of the form that was refused, and why. */
export interface FormProblem {
  field: keyof ActionForm;
  message: string;
}

export type ActionResult =
  { ok: true; event: Json; at: number } | { ok: false; problem: FormProblem };

/** The At field read as a time of the run (ns), or why it is not one. */
export function readActionTime(
  text: string,
): { ok: true; ns: number } | { ok: false; problem: FormProblem } {
  const at = parseDuration(text);
  return at.ok ? at : { ok: false, problem: { field: 'at', message: at.error } };
}

/** The event an action's form describes, or the first field it cannot take and why. */
export function actionFromForm(choice: ActionChoice, form: ActionForm): ActionResult {
  const fail = (field: keyof ActionForm, message: string): ActionResult => ({
    ok: false,
    problem: { field, message },
  });
  const at = readActionTime(form.at);
  if (!at.ok) return at;
  const target = form.target.trim();
  if (target === '')
    return fail('target', choice === 'fetch' ? 'choose a server to fetch from' : 'choose a target');
  if (target === form.node) return fail('target', `${form.node} cannot ${choice} itself`);
  const base = { at: documentTime(at.ns), type: choice, node: form.node };
  if (choice === 'ping') {
    const count = Number(form.count.trim() || '1');
    if (!Number.isInteger(count) || count < 1 || count > 100)
      return fail('count', `"${form.count}" is not a count from 1 to 100`);
    return { ok: true, at: at.ns, event: { ...base, target, ...(count !== 1 ? { count } : {}) } };
  }
  if (choice === 'fetch') {
    const path = form.path.trim() || '/index.html';
    if (!/^\/[!-~]*$/.test(path))
      return fail('path', `"${form.path}" is not a path: start with "/" and use no spaces`);
    return { ok: true, at: at.ns, event: { ...base, server: target, path } };
  }
  const text = form.bytes.trim();
  const bytes = /^\d+$/.test(text)
    ? { ok: true as const, value: Number(text) }
    : parseByteSize(text);
  if (!bytes.ok) return fail('bytes', bytes.error);
  if (bytes.value < 1) return fail('bytes', 'send at least 1 byte');
  return { ok: true, at: at.ns, event: { ...base, target, bytes: bytes.value } };
}

/** A link taken down or brought back up at `at` ns. */
export function linkEvent(type: 'linkDown' | 'linkUp', link: string, at: number): Json {
  return { at: documentTime(at), type, link };
}
