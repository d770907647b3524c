// Label placement on the ladder, on boxes worked out by hand: touching is not overlapping, the gap
// kept between labels, first come first placed (in time order), priority first, a label with no
// free box left out, and text shortened to the room it has.
import { describe, expect, it } from 'vitest';
import { boxesIntersect, fitText, placeLabels, type Box } from './ladderLabels.ts';

const box = (x: number, y: number, width: number, height: number): Box => ({ x, y, width, height });

describe('boxesIntersect', () => {
  it('counts shared area only, and keeps a gap when asked', () => {
    const a = box(0, 0, 10, 10);
    expect(boxesIntersect(a, box(10, 0, 10, 10))).toBe(false); // touching edges
    expect(boxesIntersect(a, box(9, 0, 10, 10))).toBe(true);
    expect(boxesIntersect(a, box(0, 9.5, 10, 10))).toBe(true);
    expect(boxesIntersect(a, box(20, 20, 5, 5))).toBe(false);
    // A gap of 2: boxes 1 px apart meet, 2 px apart do not.
    expect(boxesIntersect(a, box(11, 0, 10, 10), 2)).toBe(true);
    expect(boxesIntersect(a, box(12, 0, 10, 10), 2)).toBe(false);
  });
});

describe('placeLabels', () => {
  // A at the top; B wants to sit 5 px lower (over A), else just under A; C is off to the right;
  // D sits inside A with nowhere else to go.
  const candidates = [
    { id: 'A', priority: 0, boxes: [box(0, 0, 50, 14)] },
    { id: 'B', priority: 0, boxes: [box(20, 5, 50, 14), box(20, 14, 50, 14)] },
    { id: 'C', priority: 0, boxes: [box(100, 0, 20, 14)] },
    { id: 'D', priority: 0, boxes: [box(30, 10, 10, 10)] },
  ];

  it('gives each label its first free box, in the order given, and leaves out one with none', () => {
    const placed = placeLabels(candidates);
    expect(placed.get('A')).toEqual({ box: box(0, 0, 50, 14), choice: 0 });
    expect(placed.get('B')).toEqual({ box: box(20, 14, 50, 14), choice: 1 });
    expect(placed.get('C')).toEqual({ box: box(100, 0, 20, 14), choice: 0 });
    expect(placed.has('D')).toBe(false);
  });

  it('keeps the gap: B just under A is then too close', () => {
    const placed = placeLabels(candidates, 2);
    expect([...placed.keys()].sort()).toEqual(['A', 'C']);
  });

  it('places a higher priority first, whatever its place in the list', () => {
    const placed = placeLabels([
      { id: 'plain', priority: 0, boxes: [box(0, 0, 40, 14)] },
      { id: 'lost', priority: 1, boxes: [box(10, 4, 40, 14)] },
    ]);
    expect([...placed.keys()]).toEqual(['lost']);
  });

  it('finds a tall box that reaches into the band of a later one, and far boxes miss', () => {
    // The first box spans y 20..65, across the 32 px bands 0, 1 and 2; the second (y 60..70) is
    // filed in band 1 only, and must still meet it. The third is far below.
    const placed = placeLabels([
      { id: 'tall', priority: 0, boxes: [box(0, 20, 30, 45)] },
      { id: 'meets', priority: 0, boxes: [box(5, 60, 10, 10)] },
      { id: 'far', priority: 0, boxes: [box(5, 1000, 10, 10)] },
    ]);
    expect([...placed.keys()]).toEqual(['tall', 'far']);
  });

  it('places nothing for a label with no boxes', () => {
    expect(placeLabels([{ id: 'x', priority: 0, boxes: [] }]).size).toBe(0);
  });
});

describe('fitText', () => {
  it('takes the first form that fits, else cuts the last with an ellipsis', () => {
    const forms = ['ACK seq=1 · GET /', 'GET /'];
    expect(fitText(forms, 20)).toBe('ACK seq=1 · GET /'); // 17 characters
    expect(fitText(forms, 17)).toBe('ACK seq=1 · GET /');
    expect(fitText(forms, 16)).toBe('GET /');
    expect(fitText(['abcdefghij'], 6)).toBe('abcde…');
    expect(fitText(['abcdefghij'], 4)).toBe('abc…');
    expect(fitText(['abcdefghij'], 3)).toBeNull();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(fitText(['↻ GET 𝑥'], 7)).toBe('↻ GET 𝑥'); // 𝑥 is two UTF-16 units, one character
  });
});
