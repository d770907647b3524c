// The progress export's page side: who the learner is (an anonymous id made once and kept in
// this browser, and a name they may type, kept too), the app's address as the base of the xAPI
// activity ids, and the two downloads (the JSON report and the xAPI statements,
// src/lessons/progressExport.ts).

import {
  progressReport,
  xapiStatements,
  type Learner,
  type Lesson,
  type TimedProgress,
} from '../lessons/index.ts';
import { downloadBlob } from './editor/downloadFile.ts';
import { pageStorage } from './editor/sessionStore.ts';

const ID_KEY = 'handshake.learner.id';
const NAME_KEY = 'handshake.learner.name';

/** The learner: the anonymous id (made on first use) and the name typed, if any. */
export function learner(): Learner {
  const storage = pageStorage();
  let account = storage?.getItem(ID_KEY) ?? null;
  if (!account) {
    account = `anonymous-${crypto.randomUUID()}`;
    try {
      storage?.setItem(ID_KEY, account);
    } catch {
      // not kept: a new id next time
    }
  }
  const name = storage?.getItem(NAME_KEY)?.trim();
  return name ? { account, name } : { account };
}

/** Keeps the name the learner typed (an empty one is forgotten). */
export function keepLearnerName(name: string): void {
  try {
    if (name.trim() === '') pageStorage()?.removeItem(NAME_KEY);
    else pageStorage()?.setItem(NAME_KEY, name.trim());
  } catch {
    // storage refused: the name is used for this download only
  }
}

export function learnerName(): string {
  return pageStorage()?.getItem(NAME_KEY) ?? '';
}

/** The wall-clock time the progress history is stamped with (ISO 8601, UTC). */
export function wallClock(): string {
  return new Date().toISOString();
}

/** Downloads the open lesson's progress as the JSON report or as xAPI statements. */
export function downloadProgress(
  kind: 'json' | 'xapi',
  key: string,
  lesson: Lesson,
  progress: TimedProgress,
): void {
  const now = wallClock();
  const data =
    kind === 'json'
      ? progressReport(key, lesson, progress, now)
      : xapiStatements(key, lesson, progress, learner(), new URL('.', location.href).href, now);
  const name = `${key}-${kind === 'json' ? 'progress' : 'xapi'}.json`;
  downloadBlob(
    new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }),
    name,
  );
}
