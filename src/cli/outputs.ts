// The files `handshake run` writes (--trace, --pcap): "-" means standard output, at most one
// output may be it, no two outputs may be one file, and none may be the input scenario, all
// checked before any file is opened (the writing itself: traceFile.ts, runOutputs.ts).

import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** The name of standard output as an output file. */
export const STDOUT = '-';

/** One output of a run: the option as typed (`--trace`, `--pcap lan=a.pcap`) and its file. */
export interface OutputTarget {
  option: string;
  path: string;
}

/**
 * Why these outputs cannot all be written (two of them to standard output, or two to one file),
 * or undefined. Pure: paths are compared as `path.resolve` makes them.
 */
export function clashingOutputs(targets: readonly OutputTarget[]): string | undefined {
  const seen = new Map<string, OutputTarget>();
  for (const target of targets) {
    const key = target.path === STDOUT ? STDOUT : resolve(target.path);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, target);
      continue;
    }
    if (key === STDOUT)
      return `${first.option} and ${target.option} both write to standard output (-); only one output may`;
    return `${first.option} and ${target.option}: two outputs would write to the same file, ${target.path}`;
  }
  return undefined;
}

/** The output that would overwrite the input file `input`, said for a usage error; else undefined. */
export function overwritesInput(
  input: string,
  targets: readonly OutputTarget[],
): string | undefined {
  for (const target of targets) {
    if (target.path === STDOUT || !sameFile(input, target.path)) continue;
    return `${target.option}: ${target.path} is the input scenario ${input}; refusing to overwrite it (nothing was written)`;
  }
  return undefined;
}

/** Whether two paths name one file: the same real path, or (a hard link) the same inode. */
function sameFile(a: string, b: string): boolean {
  try {
    if (realpathSync(a) === realpathSync(b)) return true;
    const [sa, sb] = [statSync(a), statSync(b)];
    return sa.ino !== 0 && sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    // One of them does not exist (an output not yet written): compare them as written.
    return resolve(a) === resolve(b);
  }
}
