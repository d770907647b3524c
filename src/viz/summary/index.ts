// The run summary as cards of labelled figures: each app by its kind, resolvers and CPUs.
export { summaryCards, type SummaryCard, type SummaryFigure } from './summaryCards.ts';
export { SummaryAtTime, recordsBefore, type SummaryAt } from './summaryAt.ts';
