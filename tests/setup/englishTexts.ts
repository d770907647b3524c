// Setup of the test projects: every English text at hand, as on the app's page (main.ts). An
// embed loads the panels' texts with the panels (src/ui/i18n/panelTexts.ts), tested in Chromium.
import { addEnglish } from '../../src/ui/i18n/locale.svelte.ts';
import { panelEn } from '../../src/ui/i18n/panelMessages.en.ts';

addEnglish(panelEn);
