// FTP's words for its checks in German (see ftpCheckPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { FTP_CHECK_EN } from './ftpCheckPhrases.ts';

export const FTP_CHECK_DE: Translation<typeof FTP_CHECK_EN> = {
  'check.fileNeither': 'erwartet: entweder „size“ oder „text“, gefunden: keins von beiden',
  'check.fileBoth': 'erwartet: entweder „size“ oder „text“, gefunden: beide',
  'check.storNeither': 'erwartet: entweder „size“ oder „text“ für STOR, gefunden: keins von beiden',
  'check.storBoth': 'erwartet: entweder „size“ oder „text“ für STOR, gefunden: beide',
  'check.needsFile': 'fehlt: {cmd} braucht einen Dateinamen',
};
