// The CSV form of a job table: `# key: value` settings lines, a header row (id, arrival, burst,
// and optionally priority and io), then one job per row. Cells are split on commas (no quoting).

/** A CSV job row before validation: its cells by header name, and its line number in the file. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/** What the CSV text holds, before validation. */
export interface CsvJobs {
  settings: Record<string, string>;
  header: string[];
  headerLine: number;
  rows: CsvRow[];
  /** Problems of the text itself (no header, too many cells). */
  problems: string[];
}

/** Splits CSV text into settings, header and rows; `row N` in messages is the file's line N. */
export function splitJobCsv(text: string): CsvJobs {
  const out: CsvJobs = { settings: {}, header: [], headerLine: 0, rows: [], problems: [] };
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    if (trimmed.startsWith('#')) {
      const setting = /^#\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(trimmed);
      if (setting && out.header.length === 0)
        out.settings[setting[1] as string] = setting[2] as string;
      return;
    }
    const cells = trimmed.split(',').map((c) => c.trim());
    if (out.header.length === 0) {
      out.header = cells.map((c) => c.toLowerCase());
      out.headerLine = line;
      return;
    }
    if (cells.length > out.header.length) {
      out.problems.push(
        `row ${line}: ${cells.length} cells but the header (row ${out.headerLine}) has ${out.header.length}`,
      );
      return;
    }
    const record: Record<string, string> = {};
    out.header.forEach((name, k) => {
      const cell = cells[k];
      if (cell !== undefined && cell !== '') record[name] = cell;
    });
    out.rows.push({ line, cells: record });
  });
  if (out.header.length === 0)
    out.problems.push('row 1: expected a header row "id,arrival,burst,priority"');
  return out;
}
