// The run summary as cards of labelled figures: servers, clients, CPUs, DNS and FTP.
export { summaryCards, type SummaryCard } from './summaryCards.ts';
