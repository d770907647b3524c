// The firewall's words: its German phrasebooks are whole (the role's name, its checks, its card
// and sentences), and the role is named in German and in English by default.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { FIREWALL_CHECK_DE } from './firewallCheckPhrases.de.ts';
import { FIREWALL_CHECK_EN } from './firewallCheckPhrases.ts';
import { FIREWALL_DE } from './firewallPhrases.de.ts';
import { FIREWALL_EN } from './firewallPhrases.ts';
import { FIREWALL_ROLE_DE } from './firewallRolePhrases.de.ts';
import { FIREWALL_ROLE_EN } from './firewallRolePhrases.ts';
import { firewallRoleView } from './firewallRoleView.ts';

describe('the firewall in German', () => {
  it('has whole German phrasebooks', () => {
    expect(translationProblems(FIREWALL_EN, FIREWALL_DE)).toEqual([]);
    expect(translationProblems(FIREWALL_CHECK_EN, FIREWALL_CHECK_DE)).toEqual([]);
    expect(translationProblems(FIREWALL_ROLE_EN, FIREWALL_ROLE_DE)).toEqual([]);
  });

  it('names the role in German, and in English by default', () => {
    expect(firewallRoleView.name('de')).toBe('Firewall');
    expect(firewallRoleView.name()).toBe('firewall');
  });
});
