// The client and server roles' words in German: the phrasebook is whole and the roles' names.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { HOST_DE } from './hostPhrases.de.ts';
import { HOST_EN } from './hostPhrases.ts';
import { clientRoleView, serverRoleView } from './hostViews.ts';

describe('the client and server roles in German', () => {
  it('has a whole German phrasebook', () => {
    expect(translationProblems(HOST_EN, HOST_DE)).toEqual([]);
  });

  it('names the roles in German, and in English by default', () => {
    expect([clientRoleView.name('de'), serverRoleView.name('de')]).toEqual(['Client', 'Server']);
    expect([clientRoleView.name(), serverRoleView.name()]).toEqual(['client', 'server']);
  });
});
