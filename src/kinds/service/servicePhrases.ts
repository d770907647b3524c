// A request/response service's words for people in each language: its clients' summary card and
// their sentences in the event log (queries and their answers). servicePhrases.de.ts translates
// them.

import { Phrasebook } from '../../engine/language.ts';
import { SERVICE_DE } from './servicePhrases.de.ts';

export const SERVICE_EN = {
  'card.kind': 'service client',
  'card.visits': 'Visits',
  'card.answered': 'Answered',
  'card.answeredValue': '{replies} of {requests}',
  'card.errors': 'Errors',
  'card.failed': 'Failed',
  'card.latency': 'Latency mean / p95',
  'card.stopped': 'Stopped',
  request: '{node} sends query {req}: {query}.',
  answer: '{node} gets the answer to query {req}: {bytes} bytes, {time} after asking.',
  error: '{node} gets an error for query {req}, {time} after asking.',
  failure: '{node}: query {req} fails without an answer ({error}).',
} as const;

export const servicePhrases = new Phrasebook(SERVICE_EN, { de: SERVICE_DE });
