// The router role's words in German: the phrasebook is whole and the role's name.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { ROUTER_DE } from './routerPhrases.de.ts';
import { ROUTER_EN } from './routerPhrases.ts';
import { routerRoleView } from './routerView.ts';

describe('the router role in German', () => {
  it('has a whole German phrasebook', () => {
    expect(translationProblems(ROUTER_EN, ROUTER_DE)).toEqual([]);
  });

  it('names the role in German, and in English by default', () => {
    expect(routerRoleView.name('de')).toBe('Router');
    expect(routerRoleView.name()).toBe('router');
  });
});
