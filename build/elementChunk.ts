// How the embed's build groups the element's code: every module the element needs before it runs
// (src/embed/element.ts and its static imports, followed) in one chunk, `element-[hash].js`,
// beside handshake-sim.js. Left to itself the bundler splits that code into some thirty chunks,
// by which lazy parts share each module; a page then downloads thirty files, each compressed on
// its own. One file compresses as a whole. What the element loads later (panels, kinds' code,
// lessons, German) is chunked as before and imports from this one.
interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** The ids of `entry` and every module it imports statically, followed. */
export function staticModules(graph: ModuleGraph, entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = [entry];
  while (visit.length > 0) {
    const id = visit.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of graph.getModuleInfo(id)?.importedIds ?? []) visit.push(next);
  }
  return seen;
}

/** The chunk group for the element's static code (`output.codeSplitting.groups`). */
export function elementChunkGroup(entry: string) {
  let members: Set<string> | null = null;
  return {
    debugName: 'element',
    name: (id: string, context: ModuleGraph) => {
      members ??= staticModules(context, entry);
      return id !== entry && members.has(id) ? 'element' : null;
    },
  };
}
