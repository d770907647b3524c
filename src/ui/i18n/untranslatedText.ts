// A pragmatic scanner for English left in a Svelte component's markup: text nodes, and the
// attributes people read (aria-label, title, placeholder, alt, ...; a component's label-like
// props), static or as string literals inside {expressions}, that have letters and do not go
// through t(); the content of <pre>, <code> and <kbd> (commands, key names) is left alone. Script code is not read: strings built there must come from t() too, but this
// scanner does not prove it. Used by untranslated.test.ts.

import { parse } from 'svelte/compiler';

/** Attributes whose text people read or hear. */
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** Props of components that carry a text shown to people. */
const READ_PROPS = new Set(['label', 'title', 'caption', 'heading', 'empty', 'placeholder']);

/** One finding: the text and where (1-based line). */
export interface Untranslated {
  line: number;
  text: string;
}

type Node = { type?: string; [key: string]: unknown };

function hasWords(text: string): boolean {
  return /\p{L}{2,}/u.test(text);
}

/** The English literals of one component's markup, not counting those in `allowed`. */
export function untranslatedText(source: string, allowed: ReadonlySet<string>): Untranslated[] {
  const found: Untranslated[] = [];
  const lineAt = (offset: unknown): number =>
    typeof offset === 'number' ? source.slice(0, offset).split('\n').length : 0;
  const report = (text: string, offset: unknown): void => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (hasWords(trimmed) && !allowed.has(trimmed))
      found.push({ line: lineAt(offset), text: trimmed });
  };

  /** Walks a JS expression shown as text: its string literals and template texts are findings. */
  function expression(node: unknown): void {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(expression);
    const n = node as Node;
    switch (n.type) {
      case 'Literal':
        if (typeof n.value === 'string') report(n.value, n.start);
        return;
      case 'TemplateElement':
        report((n.value as { cooked: string }).cooked ?? '', n.start);
        return;
      case 'CallExpression': {
        // t('key', ...) and any other call: its arguments are keys or data, not text shown.
        const callee = n.callee as Node;
        if (callee.type === 'Identifier' && callee.name === 't') return;
        return;
      }
      case 'BinaryExpression':
        // a === 'network': a comparison with a literal yields a boolean, not text.
        if (
          ['===', '!==', '==', '!=', '<', '>', '<=', '>=', 'in', 'instanceof'].includes(
            n.operator as string,
          )
        )
          return;
        expression(n.left);
        expression(n.right);
        return;
      case 'MemberExpression':
        expression(n.object);
        return;
      case 'ConditionalExpression':
        expression(n.consequent);
        expression(n.alternate);
        return;
      case 'LogicalExpression':
        expression(n.left);
        expression(n.right);
        return;
      case 'TemplateLiteral':
        expression(n.quasis);
        expression(n.expressions);
        return;
      default:
        return;
    }
  }

  function attributeValue(value: unknown): void {
    if (value === true || !value) return;
    for (const part of Array.isArray(value) ? value : [value]) {
      const p = part as Node;
      if (p.type === 'Text') report(p.data as string, p.start);
      else if (p.type === 'ExpressionTag') expression(p.expression);
    }
  }

  function walk(node: unknown): void {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const n = node as Node;
    switch (n.type) {
      case 'Text':
        report(n.data as string, n.start);
        return;
      case 'ExpressionTag':
        expression(n.expression);
        return;
      case 'RegularElement':
        // Commands, code and key names are the same in every language.
        if (['pre', 'code', 'kbd', 'style', 'script'].includes(n.name as string)) return;
        break;
      case 'Attribute': {
        const name = n.name as string;
        if (READ_ATTRIBUTES.has(name) || READ_PROPS.has(name)) attributeValue(n.value);
        return;
      }
      case 'Comment':
      case 'StyleSheet':
      case 'Script':
      case 'StyleDirective':
      case 'ClassDirective':
      case 'BindDirective':
      case 'OnDirective':
      case 'UseDirective':
      case 'TransitionDirective':
      case 'AnimateDirective':
      case 'LetDirective':
        return;
    }
    for (const [key, value] of Object.entries(n)) {
      // Block heads (if tests, each expressions, keys) are logic, not text.
      if (['test', 'expression', 'key', 'context', 'index', 'metadata'].includes(key)) continue;
      if (value && typeof value === 'object') walk(value);
    }
  }

  const root = parse(source, { modern: true });
  walk(root.fragment);
  return found;
}
