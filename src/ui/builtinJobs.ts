// The job tables shipped in simulations/jobs/ (JSON or CSV, format handshake/jobs@1), bundled as
// text by Vite so the CPU scheduling view can list and open them.

/** A built-in job table: its file name and text. */
export interface BuiltInJobs {
  file: string;
  text: string;
}

const files = import.meta.glob<string>('../../simulations/jobs/*.{json,csv}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Every built-in job table, by file name. */
export const BUILT_IN_JOBS: readonly BuiltInJobs[] = Object.entries(files)
  .map(([path, text]) => ({ file: path.slice(path.lastIndexOf('/') + 1), text }))
  .sort((a, b) => a.file.localeCompare(b.file));
