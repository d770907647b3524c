// FTP's words for its checks in each language: what the checks of the server's files and the
// client's steps (ftpSchemas.ts) say is wrong. A phrasebook apart from ftpPhrases.ts (cards, event
// log): the checks are in the embed's element from the start, the rest loads with the kind's
// views. ftpCheckPhrases.de.ts translates them.

import { Phrasebook } from '../../engine/language.ts';
import { FTP_CHECK_DE } from './ftpCheckPhrases.de.ts';

export const FTP_CHECK_EN = {
  'check.fileNeither': 'expected either "size" or "text", got neither',
  'check.fileBoth': 'expected either "size" or "text", got both',
  'check.storNeither': 'expected either "size" or "text" for STOR, got neither',
  'check.storBoth': 'expected either "size" or "text" for STOR, got both',
  'check.needsFile': 'is required: {cmd} needs a file name',
} as const;

export const ftpCheckPhrases = new Phrasebook(FTP_CHECK_EN, { de: FTP_CHECK_DE });
