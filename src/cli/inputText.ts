// Reads an input file (a scenario, a job table) as text for the CLI, turning a failure into one
// line that names the file and why (exit status 3, exitCodes.ts). A byte-order mark is left for
// the parsers, which accept one.

import { readFileSync } from 'node:fs';

export type InputText = { ok: true; text: string } | { ok: false; message: string };

/** The text of `file` (UTF-8), or `FILE: cannot read: no such file` and the like. */
export function readInputText(file: string): InputText {
  try {
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (error) {
    return { ok: false, message: `${file}: cannot read: ${ioReason(error)}` };
  }
}

/** A file system error in words: "no such file", "is a directory", "permission denied", or its code. */
export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
