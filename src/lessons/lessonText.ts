// A lesson's prose as the player shows it: paragraphs (blank lines between them), and inside them
// only **strong** and `code` marked. Parts are plain text the page draws as text nodes, never as
// HTML, so a lesson from anywhere cannot put markup or script on the page.

export interface TextPart {
  text: string;
  kind: 'plain' | 'strong' | 'code';
}

/** The paragraphs of `text`, each a list of parts; lines inside a paragraph join with a space. */
export function lessonParagraphs(text: string): TextPart[][] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '')
    .map(parts);
}

function parts(paragraph: string): TextPart[] {
  const out: TextPart[] = [];
  const pattern = /\*\*([^*]+)\*\*|`([^`]+)`/g;
  let at = 0;
  for (const match of paragraph.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > at) out.push({ text: paragraph.slice(at, index), kind: 'plain' });
    if (match[1] !== undefined) out.push({ text: match[1], kind: 'strong' });
    else out.push({ text: match[2] as string, kind: 'code' });
    at = index + match[0].length;
  }
  if (at < paragraph.length) out.push({ text: paragraph.slice(at), kind: 'plain' });
  return out;
}
