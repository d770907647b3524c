// The page's copy of a run's trace. Records reach the page from the worker as objects (a
// structured clone per batch); appended here they are kept packed like the engine's own trace
// (engine/traceStore.ts: typed-array columns, interned strings, packets in int32 slots through
// PackedPackets), so the batch's objects become garbage at once and the page holds tens of bytes
// a record instead of hundreds. Views read it by position (`TraceRecords`), building only the
// records they look at; each `get(i)` is a fresh object.

import { Trace } from '../../engine/trace.ts';
import { PackedPackets } from '../../net/wire/packedPackets.ts';

/** An empty packed trace that takes records with `append`, in time order. */
export function packedRecords(): Trace {
  const trace = new Trace();
  trace.usePacker('packet', new PackedPackets());
  return trace;
}
