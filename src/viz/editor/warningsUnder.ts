// Which of a scenario's warnings concern one part of the document: those whose path is that
// part's path or lies inside it. The property panel shows them beside the settings they are
// about, so a learner editing a node sees "no DNS server knows this name" there, not only in the
// scenario's list of warnings.

import { pathText, type DocPath } from './documentEdits.ts';

/** A warning as the scenario checks give it: where in the document, and what. */
export interface PathWarning {
  readonly path: string;
  readonly message: string;
}

/**
 * The warnings at `path` or inside it, in their order. `$.nodes[1]` takes `$.nodes[1]` and
 * `$.nodes[1].apps[0].server` but not `$.nodes[10]`; the document's root (an empty path) takes
 * none, since every warning is inside it and the scenario's own list already shows them all.
 */
export function warningsUnder<W extends PathWarning>(warnings: readonly W[], path: DocPath): W[] {
  if (path.length === 0) return [];
  const at = pathText(path);
  return warnings.filter(
    (w) =>
      w.path === at ||
      (w.path.startsWith(at) && (w.path[at.length] === '.' || w.path[at.length] === '[')),
  );
}

/** `$.nodes[1].apps[0].server` seen from `$.nodes[1]`: `apps[0].server` ('' for the part itself). */
export function pathInside(warningPath: string, path: DocPath): string {
  const at = pathText(path);
  const rest = warningPath.slice(at.length);
  return rest.startsWith('.') ? rest.slice(1) : rest;
}
