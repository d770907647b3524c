// The title of the CPU scheduling view: the name of the job table the learner opened or ran last,
// whether or not it validates, so an opened file is never shown under the previous table's name.
// A table's own name ("name" in JSON, a "# name:" line in CSV) wins, then its file's name.

import { parseJobTableText } from '../../sim/jobs/jobTable.ts';
import { splitJobCsv } from '../../sim/jobs/jobCsv.ts';

/** A table's name from where it came from: `exercise-3.csv` → `exercise-3`; '' → `jobs`. */
export function tableNameOf(source: string): string {
  return source.replace(/\.(json|csv)$/i, '') || 'jobs';
}

/**
 * The title for `text` opened from `source` (a file or built-in name, '' when typed): its own
 * name when it has one, even if the table has problems, else the source's name.
 */
export function jobTableTitle(text: string, source: string): string {
  const fallback = tableNameOf(source);
  const parsed = parseJobTableText(text, fallback);
  if (parsed.ok) return parsed.table.name;
  if (text.trimStart().startsWith('{')) {
    try {
      const doc: unknown = JSON.parse(text);
      const name =
        typeof doc === 'object' && doc !== null ? (doc as { name?: unknown }).name : null;
      return typeof name === 'string' && name.trim() !== '' ? name : fallback;
    } catch {
      return fallback;
    }
  }
  const name = splitJobCsv(text).settings.name;
  return name !== undefined && name !== '' ? name : fallback;
}
