// What `handshake run` writes while the scenario runs: the trace file and the pcap captures, all
// fed from one trace listener, so the run keeps no trace in memory (it runs with `trace: false`;
// its summary is folded live). Files are opened before the run, so a bad path costs no run.

import { setFlagsFromString } from 'node:v8';
import type { TraceRecord } from '../engine/trace.ts';
import { CaptureTap } from '../net/capture/traceCapture.ts';
import type { PcapRequest } from './args.ts';
import { PcapFile, TraceFile } from './traceFile.ts';

/** One capture being written. */
export interface PcapOutput {
  request: PcapRequest;
  tap: CaptureTap;
  file: PcapFile;
}

/** The open output files of a run and the listener that feeds them. */
export interface RunOutputs {
  /** The trace listener: give it to `runScenario` as `onRecord`. */
  readonly add: (record: TraceRecord) => void;
  /** Records seen so far (the run's trace length, stored or not). */
  readonly records: () => number;
  readonly trace: TraceFile | undefined;
  readonly pcaps: readonly PcapOutput[];
  /** Flushes and closes every file. */
  close(): void;
}

/**
 * How much V8 lets the heap grow past what the last full collection kept, in percent, while a
 * run writes files. By default it lets the heap reach several times the live objects: the
 * database example (live heap about 60 MB) peaked at 390 MB of RSS in 1000 simulated seconds,
 * and 240 MB with 30%. Writing the trace costs more than the extra collections (measured: the
 * same wall time); without files the CLI keeps V8's default, which is faster for a bare run.
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Opens the trace file (if asked) and each capture's file, and (when there is one) asks V8 to
 * keep the heap near its live size, see HEAP_GROWING_PERCENT. Throws the FileError of the first
 * that cannot be opened, after closing those already open (`outputKind` names it).
 */
export function openRunOutputs(
  tracePath: string | undefined,
  requests: readonly PcapRequest[],
): RunOutputs {
  const opened: { close(): void }[] = [];
  if (tracePath !== undefined || requests.length > 0) {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  }
  try {
    const trace = tracePath === undefined ? undefined : new TraceFile(tracePath);
    if (trace) opened.push(trace);
    const pcaps = requests.map((request) => {
      const file = new PcapFile(request.path);
      opened.push(file);
      return { request, tap: new CaptureTap(request.target), file };
    });
    return outputs(trace, pcaps);
  } catch (error) {
    for (const file of opened) {
      try {
        file.close();
      } catch {
        // the first error is the one to report
      }
    }
    throw error;
  }
}

function outputs(trace: TraceFile | undefined, pcaps: PcapOutput[]): RunOutputs {
  let records = 0;
  const add = (record: TraceRecord): void => {
    records++;
    trace?.add(record);
    // Only packet records make frames: other types skip the taps at once.
    if (record.type !== 'link.txBegin' && record.type !== 'link.rx') return;
    for (const pcap of pcaps) {
      const frame = pcap.tap.frameOf(record);
      if (frame) pcap.file.add(frame);
    }
  };
  return {
    add,
    records: () => records,
    trace,
    pcaps,
    close() {
      trace?.close();
      for (const pcap of pcaps) pcap.file.close();
    },
  };
}

/** Which output `path` is, for messages: the trace or a capture. */
export function outputKind(
  outputs: { tracePath?: string | undefined },
  path: string,
): 'trace' | 'capture' {
  return path === outputs.tracePath ? 'trace' : 'capture';
}
