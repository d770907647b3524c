// Seeded mutations of scenario documents for fuzz tests: one or two edits per document, each at
// a path picked at random in the JSON tree. The edits are the mistakes and extremes people make:
// a field deleted, a wrong type, zero, a negative, a huge number, an empty or odd string, a
// duration at its edges, an array element doubled, two values swapped.

import type { RandomStream } from '../../src/engine/random.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const ODD_VALUES: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  1,
  0.5,
  1e9,
  1e15,
  -1e15,
  65_536,
  2 ** 31,
  '',
  ' ',
  'x',
  '<img src=x onerror=alert(1)>',
  '0s',
  '1ns',
  '-5ms',
  '1e309s',
  '999999h',
  '10Tbps',
  '1bps',
  '10.0.0.1/33',
  '255.255.255.255/32',
  '0.0.0.0/0',
  [],
  {},
  ['x'],
  { kind: 'exponential', mean: '0s' },
  { packets: 0 },
];

/** Every path in `doc` (objects' keys and arrays' indexes), the root excluded. */
function paths(doc: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(doc)) {
    doc.forEach((value, i) => {
      out.push([...prefix, i]);
      paths(value, [...prefix, i], out);
    });
  } else if (doc !== null && typeof doc === 'object') {
    for (const [key, value] of Object.entries(doc)) {
      out.push([...prefix, key]);
      paths(value, [...prefix, key], out);
    }
  }
  return out;
}

function parentOf(
  doc: Json,
  path: Path,
): { parent: Json[] | Record<string, Json>; key: string | number } {
  let node = doc as Json[] | Record<string, Json>;
  for (const step of path.slice(0, -1)) node = (node as Record<string, Json>)[step] as typeof node;
  return { parent: node, key: path[path.length - 1] as string | number };
}

function pick<T>(random: RandomStream, items: readonly T[]): T {
  return items[random.integer(0, items.length - 1)] as T;
}

/** A scaled copy of a number or duration-like string, to reach its extremes. */
function scaled(value: Json, random: RandomStream): Json {
  const factor = pick(random, [0, -1, 1e-9, 1e-3, 10, 1e3, 1e6, 1e12]);
  if (typeof value === 'number') return value * factor;
  if (typeof value === 'string') {
    const match = /^(\d+(?:\.\d+)?)(.*)$/.exec(value);
    if (match) return `${Number(match[1]) * factor}${match[2]}`;
  }
  return value;
}

/** One edit to `doc` (in place) at a random path; returns a description of it. */
function mutateOnce(doc: Json, random: RandomStream): string {
  const all = paths(doc);
  if (all.length === 0) return 'nothing to edit';
  const path = pick(random, all);
  const { parent, key } = parentOf(doc, path);
  const here = (parent as Record<string, Json>)[key] as Json;
  const where = path.join('.');
  switch (random.integer(0, 5)) {
    case 0:
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      return `delete ${where}`;
    case 1: {
      const value = pick(random, ODD_VALUES);
      (parent as Record<string, Json>)[key] = structuredClone(value);
      return `set ${where} = ${JSON.stringify(value)}`;
    }
    case 2:
    case 3:
      (parent as Record<string, Json>)[key] = scaled(here, random);
      return `scale ${where}`;
    case 4:
      if (Array.isArray(parent)) {
        parent.splice(key as number, 0, structuredClone(here));
        return `double ${where}`;
      }
      (parent as Record<string, Json>)[`${key}2`] = structuredClone(here);
      return `add a copy of ${where}`;
    default: {
      const other = pick(random, all);
      const { parent: p2, key: k2 } = parentOf(doc, other);
      const there = (p2 as Record<string, Json>)[k2] as Json;
      (parent as Record<string, Json>)[key] = structuredClone(there);
      return `copy ${other.join('.')} to ${where}`;
    }
  }
}

/** A mutated deep copy of `doc` and the edits made to it. */
export function mutateScenario(
  doc: unknown,
  random: RandomStream,
): { doc: unknown; edits: string[] } {
  const copy = structuredClone(doc) as Json;
  const edits: string[] = [];
  const count = random.integer(1, 2);
  for (let i = 0; i < count; i++) edits.push(mutateOnce(copy, random));
  return { doc: copy, edits };
}
