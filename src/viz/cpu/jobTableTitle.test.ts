// The scheduling view's title: an opened table is named by itself (its "name", its "# name:" line,
// else its file's name), valid or not, never by the table shown before it.

import { describe, expect, it } from 'vitest';
import { jobTableTitle, tableNameOf } from './jobTableTitle.ts';

describe('jobTableTitle', () => {
  it('names a table by its file when it has no name of its own', () => {
    expect(tableNameOf('exercise-3.csv')).toBe('exercise-3');
    expect(tableNameOf('Mix.JSON')).toBe('Mix');
    expect(tableNameOf('')).toBe('jobs');
    expect(jobTableTitle('id,arrival,burst\nA,0,5\n', 'exercise-3.csv')).toBe('exercise-3');
    const json = JSON.stringify({ format: 'handshake/jobs@1', jobs: [] });
    expect(jobTableTitle(json, 'mine.json')).toBe('mine');
  });

  it('prefers the table’s own name, in CSV and JSON', () => {
    expect(jobTableTitle('# name: Exercise 4\nid,arrival,burst\nA,0,1\n', 'e4.csv')).toBe(
      'Exercise 4',
    );
    const json = JSON.stringify({ format: 'handshake/jobs@1', name: 'Lab 2', jobs: [] });
    expect(jobTableTitle(json, 'lab.json')).toBe('Lab 2');
  });

  it('names a table that does not validate by itself too', () => {
    // A spreadsheet's header ("Process", "Arrival Time") is not a job table's, but the title is
    // the opened file's, not the one of the table shown before.
    expect(jobTableTitle('Process,Arrival Time,Burst Time\nP1,0,5\n', 'textbook.csv')).toBe(
      'textbook',
    );
    expect(jobTableTitle('# name: Broken\nid,arrival,burst\nA,0,-1\n', 'b.csv')).toBe('Broken');
    expect(jobTableTitle('{"name": "Half', 'half.json')).toBe('half');
    expect(jobTableTitle('{"format": "x", "name": "Named", "jobs": 3}', 'n.json')).toBe('Named');
    expect(jobTableTitle('{"format": "x", "name": 3}', 'n.json')).toBe('n');
  });
});
