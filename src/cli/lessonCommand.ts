// `handshake lesson check FILE...`: reads each lesson, then checks it against its scenario (the
// file named in its front matter, relative to the lesson) with the lessons layer's own check, and
// prints a line per step. Status 2 when a lesson or its scenario is wrong, 3 when a file cannot be
// read, 0 when every lesson passes.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLesson, problemLines, readLesson, type CheckLine } from '../lessons/index.ts';
import { EXIT, worstStatus, type ExitStatus } from './exitCodes.ts';
import { readInputText } from './inputText.ts';
import type { Io } from './processIo.ts';

/**
 * The trace record types a lesson's conditions may name: docs/trace.schema.json's list, found by
 * going up from this module (the sources, or the command's cached bundle under node_modules);
 * unknown names pass if it is not found.
 */
function recordTypes(): ReadonlySet<string> | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 8; up++, dir = dirname(dir)) {
    try {
      const schema = JSON.parse(readFileSync(join(dir, 'docs/trace.schema.json'), 'utf8')) as {
        properties?: { type?: { enum?: string[] } };
      };
      const types = schema.properties?.type?.enum;
      if (types) return new Set(types);
    } catch {
      // not here: one folder up
    }
  }
  return undefined;
}

export function lessonCheck(files: readonly string[], io: Io): ExitStatus {
  const types = recordTypes();
  return worstStatus(files.map((file) => checkOne(file, io, types)));
}

function checkOne(file: string, io: Io, types: ReadonlySet<string> | undefined): ExitStatus {
  const input = readInputText(file);
  if (!input.ok) {
    io.err(input.message);
    return EXIT.io;
  }
  const read = readLesson(input.text, types ? { recordTypes: types } : {});
  if (!read.ok) return report(file, problemLines(read.problems), io);
  const scenarioPath = join(dirname(file), read.lesson.scenario);
  const scenario = readInputText(scenarioPath);
  if (!scenario.ok) {
    io.err(`${file}:1: the scenario "${read.lesson.scenario}" cannot be read: ${scenario.message}`);
    return EXIT.badInput;
  }
  return report(file, checkLesson(read.lesson, scenario.text), io);
}

function report(file: string, lines: readonly CheckLine[], io: Io): ExitStatus {
  for (const line of lines) {
    const text = `${file}:${line.line}: ${line.ok ? 'ok' : 'problem'}: ${line.message}`;
    if (line.ok) io.out(text);
    else io.err(text);
  }
  const bad = lines.filter((l) => !l.ok).length;
  io.out(`${file}: ${bad === 0 ? 'ok' : `${bad} problem${bad === 1 ? '' : 's'}`}`);
  return bad === 0 ? EXIT.ok : EXIT.badInput;
}
