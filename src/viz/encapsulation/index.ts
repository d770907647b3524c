// The packet inspector's encapsulation quiz: a packet's layers revealed from the outside in, each
// after the learner predicts a few of its fields (answers read from the packet's dissection).
export {
  encapsulationQuiz,
  flagsText,
  type QuizContext,
  type QuizLayer,
  type QuizQuestion,
} from './encapsulationQuiz.ts';
export {
  answerQuestion,
  canReveal,
  isRight,
  quizDone,
  quizScore,
  revealNext,
  revealText,
  startQuiz,
  ENGLISH_REVEAL_WORDS,
  type QuizProgress,
  type RevealWords,
} from './quizProgress.ts';
export { packetQuizContext } from './packetQuizContext.ts';
