// Browser entry point: loads the global theme and mounts the Handshake app into #app.
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { addEnglish, locale } from './ui/i18n/locale.svelte.ts';
import { panelEn } from './ui/i18n/panelMessages.en.ts';
import { loadLanguage } from './ui/i18n/languageLoad.ts';
import './ui/theme.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element to mount Handshake into');

// The app shows every panel: all its English texts at once (an embed loads the panels' later).
addEnglish(panelEn);
// German's texts load first when the page speaks German (languageLoad.ts).
await loadLanguage(locale.language);
locale.claimPage();

export default mount(App, { target });
