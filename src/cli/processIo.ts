// Where the `handshake` command writes when it runs as a process: lines to standard output and
// standard error, raw bytes to standard output (`--trace -`, `--pcap LINK=-`). A reader that
// closes early (`handshake run FILE | head -1`) ends the command quietly, with no stack trace.

/** Where the command writes; tests pass their own. */
export interface Io {
  /** One line of the report (a newline is added). */
  out: (line: string) => void;
  /** One line of a message for people (a newline is added). */
  err: (line: string) => void;
  /** Raw output to standard output, as is (an output file named "-"). */
  write: (data: string | Uint8Array) => void;
}

export const processIo: Io = {
  out: (line) => void process.stdout.write(line + '\n'),
  err: (line) => void process.stderr.write(line + '\n'),
  write: (data) => void process.stdout.write(data),
};

/**
 * Makes a closed pipe on standard output or standard error (EPIPE: the reader is gone) end the
 * process quietly with the status set so far, instead of an unhandled 'error' with a stack trace.
 * Other stream errors still surface as internal errors.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      // Nothing more can be said: the reader of what we would say is gone.
      process.exit(process.exitCode ?? 0);
    });
  }
}
