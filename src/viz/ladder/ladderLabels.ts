// Where the ladder's labels go so that no two overprint: each label offers boxes in the order it
// prefers them, a greedy pass (by priority, then in the order given, i.e. time) takes the first box
// that meets no box already taken, and a label with no free box is left out (its full text stays
// in the arrow's tooltip and accessible name). Text too long for the room is shortened first.

/** A rectangle on the page, y downwards (SVG user units). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A label that wants to be drawn, with the boxes it could take, best first. */
export interface LabelCandidate {
  id: string;
  /** Higher goes first; labels of equal priority go in the order given. */
  priority: number;
  boxes: readonly Box[];
}

/** The box a label took and which of its boxes that was (0 = the one it preferred). */
export interface PlacedLabel {
  box: Box;
  choice: number;
}

/** Whether two boxes share any area once each is grown by `gap` / 2 on every side. */
export function boxesIntersect(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

/** Height of the bands the taken boxes are filed under, so a test looks only nearby. */
const BAND = 32;

/**
 * Places labels greedily: by priority (highest first), then in input order, each takes its first
 * box that keeps `gap` px from every box taken before it. Labels left out are absent from the map.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  gap = 0,
): Map<string, PlacedLabel> {
  const order = candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.priority - a.c.priority || a.i - b.i);
  const bands = new Map<number, Box[]>();
  const bandsOf = (box: Box): number[] => {
    const first = Math.floor((box.y - gap) / BAND);
    const last = Math.floor((box.y + box.height + gap) / BAND);
    const out: number[] = [];
    for (let b = first; b <= last; b++) out.push(b);
    return out;
  };
  const free = (box: Box): boolean =>
    bandsOf(box).every((b) => !(bands.get(b) ?? []).some((t) => boxesIntersect(box, t, gap)));
  const placed = new Map<string, PlacedLabel>();
  for (const { c } of order) {
    const choice = c.boxes.findIndex(free);
    const box = c.boxes[choice];
    if (box === undefined) continue;
    placed.set(c.id, { box, choice });
    for (const b of bandsOf(box)) {
      const list = bands.get(b);
      if (list) list.push(box);
      else bands.set(b, [box]);
    }
  }
  return placed;
}

/**
 * The first of `texts` (longest first, say the full label then a shorter form) that fits in
 * `maxChars` characters; else the last one cut to fit, ending in `…`; null when even that would
 * keep fewer than 3 characters of it.
 */
export function fitText(texts: readonly string[], maxChars: number): string | null {
  const fits = texts.find((t) => [...t].length <= maxChars);
  if (fits !== undefined) return fits;
  const last = texts.at(-1);
  if (last === undefined || maxChars < 4) return null;
  return `${[...last].slice(0, maxChars - 1).join('')}…`;
}
