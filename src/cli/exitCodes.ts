// The exit statuses of the `handshake` command, one answer per kind of outcome, and the text
// that `handshake help` prints about them.

/** What the process exits with. */
export const EXIT = {
  /** All went well. */
  ok: 0,
  /** An internal error: a bug in Handshake, never the user's input. */
  internal: 1,
  /** Bad input: a document (scenario, job table) or a command-line argument. */
  badInput: 2,
  /** A file could not be read or written. */
  io: 3,
  /**
   * A limit was reached (--max-events, --max-slices, --max-wall, --max-memory); what was done up
   * to then is reported.
   */
  limit: 4,
} as const;

export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

/** The exit statuses for the usage text. */
export const EXIT_STATUS_TEXT = `exit status:
  0  all went well
  1  internal error: a bug in Handshake (please report it with the input that caused it)
  2  bad input: a document or an argument; the message names the file, field or option
  3  a file could not be read or written
  4  a limit was reached: --max-events (run), --max-slices (schedule), --max-wall or
     --max-memory (both); what was done up to then is still printed and written`;

/** The status of a command over several files: the highest (3 over 2: a file not read). */
export function worstStatus(statuses: readonly ExitStatus[]): ExitStatus {
  return statuses.reduce<ExitStatus>((a, b) => (b > a ? b : a), EXIT.ok);
}
