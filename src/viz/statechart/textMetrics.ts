// How wide a line of text is, estimated without a DOM so the statechart layout can run in Node:
// per-character advance widths close to DejaVu Sans (the widest of the app's font stack on these
// machines), rounded up, so real text is a little narrower than the room made for it.

/** Advance widths in em: narrow letters and punctuation, wide ones, capitals, the rest. */
const NARROW = new Set([..."ijltfr.,:;!|'’()[]/ I-"]);
const WIDE = new Set([...'mwMW@%']);

/** Width in px of `text` at `size` px, bold or not (an estimate that errs wide). */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.42;
    else if (WIDE.has(ch)) em += 0.98;
    else if (ch >= 'A' && ch <= 'Z') em += 0.78;
    else em += 0.64;
  }
  return em * size * (bold ? 1.14 : 1);
}

/** Splits `text` into lines no wider than `max` px where it can (at spaces). */
export function wrapText(text: string, size: number, bold: boolean, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(next, size, bold) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  lines.push(line);
  return lines;
}
