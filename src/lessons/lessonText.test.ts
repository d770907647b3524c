// A lesson's prose: paragraphs and the two marks, everything else (markup included) plain text.
import { describe, expect, it } from 'vitest';
import { lessonParagraphs } from './lessonText.ts';

describe('lessonParagraphs', () => {
  it('splits paragraphs, joins their lines and marks **strong** and `code`', () => {
    expect(
      lessonParagraphs('The laptop runs a **client**: it\nasks on port `7`.\n\n  \nSecond.'),
    ).toEqual([
      [
        { text: 'The laptop runs a ', kind: 'plain' },
        { text: 'client', kind: 'strong' },
        { text: ': it asks on port ', kind: 'plain' },
        { text: '7', kind: 'code' },
        { text: '.', kind: 'plain' },
      ],
      [{ text: 'Second.', kind: 'plain' }],
    ]);
  });

  it('keeps markup and an unclosed mark as plain text', () => {
    expect(lessonParagraphs('<img src=x onerror=alert(1)> **open')).toEqual([
      [{ text: '<img src=x onerror=alert(1)> **open', kind: 'plain' }],
    ]);
    expect(lessonParagraphs('')).toEqual([]);
  });
});
