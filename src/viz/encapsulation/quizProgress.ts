// A learner's way through one encapsulation quiz: the answers picked for the layer not yet shown,
// how many layers are revealed, and what a reveal says (right or wrong, and why) for the live
// region. Pure: the quiz component keeps the value and calls these.

import type { QuizLayer } from './encapsulationQuiz.ts';

export interface QuizProgress {
  /** Layers shown so far, from the outside (0: none yet). */
  revealed: number;
  /** Per layer, per question, the choice picked (null: none yet). */
  answers: (number | null)[][];
}

export function startQuiz(layers: readonly QuizLayer[]): QuizProgress {
  return { revealed: 0, answers: layers.map((l) => l.questions.map(() => null)) };
}

/** Picks a choice for a question of the next layer to reveal; other layers cannot change. */
export function answerQuestion(
  progress: QuizProgress,
  layers: readonly QuizLayer[],
  question: number,
  choice: number,
): QuizProgress {
  const layer = layers[progress.revealed];
  const count = layer?.questions[question]?.choices.length ?? 0;
  if (!layer || !Number.isInteger(choice) || choice < 0 || choice >= count) return progress;
  return {
    ...progress,
    answers: progress.answers.map((row, i) =>
      i === progress.revealed ? row.map((c, q) => (q === question ? choice : c)) : row,
    ),
  };
}

/** Whether the next layer can be revealed: every one of its questions is answered. */
export function canReveal(progress: QuizProgress, layers: readonly QuizLayer[]): boolean {
  const row = progress.answers[progress.revealed];
  return progress.revealed < layers.length && row !== undefined && row.every((c) => c !== null);
}

/** Reveals the next layer (when its questions are answered). */
export function revealNext(progress: QuizProgress, layers: readonly QuizLayer[]): QuizProgress {
  return canReveal(progress, layers) ? { ...progress, revealed: progress.revealed + 1 } : progress;
}

/** Whether every layer is revealed. */
export function quizDone(progress: QuizProgress, layers: readonly QuizLayer[]): boolean {
  return progress.revealed >= layers.length;
}

/** Whether the answer to question `q` of layer `l` is right (null: not answered). */
export function isRight(
  progress: QuizProgress,
  layers: readonly QuizLayer[],
  l: number,
  q: number,
): boolean | null {
  const picked = progress.answers[l]?.[q];
  const question = layers[l]?.questions[q];
  return picked === null || picked === undefined || !question ? null : picked === question.answer;
}

/** Right answers and questions over the revealed layers. */
export function quizScore(
  progress: QuizProgress,
  layers: readonly QuizLayer[],
): { right: number; asked: number } {
  let right = 0;
  let asked = 0;
  for (let l = 0; l < Math.min(progress.revealed, layers.length); l++) {
    for (let q = 0; q < (layers[l]?.questions.length ?? 0); q++) {
      asked++;
      if (isRight(progress, layers, l, q)) right++;
    }
  }
  return { right, asked };
}

/** The sentences a reveal is said in (the page passes its language's; English by default). */
export interface RevealWords {
  revealed(name: string): string;
  right(answer: string): string;
  /** A wrong prediction: the right answer and what was said (null: nothing). */
  notQuite(answer: string, said: string | null): string;
  allShown(right: number, asked: number): string;
}

export const ENGLISH_REVEAL_WORDS: RevealWords = {
  revealed: (name) => `${name} revealed.`,
  right: (answer) => `Right: ${answer}.`,
  notQuite: (answer, said) => `Not quite: ${answer}, not ${said ?? 'nothing'}.`,
  allShown: (right, asked) => `Every layer is shown: ${right} of ${asked} predictions right.`,
};

/** What is said when layer `l` is revealed: its name, then each prediction right or wrong. */
export function revealText(
  progress: QuizProgress,
  layers: readonly QuizLayer[],
  l: number,
  words: RevealWords = ENGLISH_REVEAL_WORDS,
): string {
  const layer = layers[l];
  if (!layer) return '';
  const parts = layer.questions.map((question, q) => {
    const right = question.choices[question.answer] ?? '';
    return isRight(progress, layers, l, q)
      ? words.right(right)
      : words.notQuite(right, question.choices[progress.answers[l]?.[q] ?? -1] ?? null);
  });
  const done = l === layers.length - 1;
  const score = quizScore(progress, layers);
  return [
    words.revealed(layer.name),
    ...parts,
    ...(done ? [words.allShown(score.right, score.asked)] : []),
  ].join(' ');
}
