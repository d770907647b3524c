// What a new item of a list starts as, when a learner presses Add in the property panel: a few
// candidates in order of preference, from the list's item schema (its required fields, each given
// a value its type and pattern accept) and from the document (a client's server is another node;
// a new interface gets a subnet no one uses; a route goes via a neighbour's address). The panel
// applies the first candidate the validator accepts, so no kind is named here: the document's own
// rules pick, say, the node that runs a web server for a new web client.

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { DocPath, Json } from './documentEdits.ts';
import { FIELD_EN, fieldPhrases } from './fieldPhrases.ts';
import type { JsonSchema } from './schemaFields.ts';

type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The noun for an item of the list under `key`, for buttons and the undo history (fieldPhrases.ts
 * `noun.*`): `apps` -> `application`, in German `Anwendung`; `item` for a list it does not know.
 */
export function itemNoun(key: string, language: Language = ENGLISH): string {
  const noun = `noun.${key}`;
  const say = fieldPhrases.in(language).say;
  return Object.hasOwn(FIELD_EN, noun)
    ? say(noun as keyof typeof FIELD_EN & `noun.${string}`)
    : say('noun.item');
}

/** Text guesses for a required string field, the first its pattern and length accept is taken. */
const TEXT_GUESSES = ['/', 'new', 'new.example.com', '10.0.0.1', '10.0.0.1/24', '1s', '1kB', 'x'];

/**
 * Keys that name another node (by id): their candidates are the other nodes (`address`: a load
 * balancer's backend; an interface's address has a case of its own).
 */
const NODE_REFERENCES = new Set(['peer', 'server', 'address']);

function accepts(schema: JsonSchema, text: string): boolean {
  if (typeof schema.maxLength === 'number' && text.length > schema.maxLength) return false;
  if (typeof schema.minLength === 'number' && text.length < schema.minLength) return false;
  if (typeof schema.pattern !== 'string') return true;
  try {
    return new RegExp(schema.pattern, 'u').test(text);
  } catch {
    return true;
  }
}

/** A value of a required field that its schema accepts, or undefined when none is found. */
function plainValue(key: string, schema: JsonSchema): Json | undefined {
  if ('const' in schema) return schema.const as Json;
  if (Array.isArray(schema.enum)) return schema.enum[0] as Json;
  if (schema.type === 'boolean') return false;
  if (schema.type === 'integer' || schema.type === 'number') {
    const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
    return Math.max(min, key === 'bytes' ? 100_000 : 1);
  }
  if (schema.type === 'array') return [];
  if (Array.isArray(schema.oneOf)) {
    for (const variant of schema.oneOf as JsonSchema[]) {
      const value = plainValue(key, variant);
      if (value !== undefined) return value;
    }
    return undefined;
  }
  if (schema.type === 'object') return objectOf(schema, () => undefined)[0];
  if (schema.type === 'string') return TEXT_GUESSES.find((g) => accepts(schema, g));
  return undefined;
}

/**
 * Candidates for an object of `schema`: its required fields, each from `special` when that has
 * options for the key, else a plain value. Fields with several options go through them together.
 */
function objectOf(
  schema: JsonSchema,
  special: (key: string, field: JsonSchema) => readonly (Json | undefined)[] | undefined,
  optional: readonly string[] = [],
): JsonObject[] {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = (schema.required as string[] | undefined) ?? [];
  const options: [string, readonly (Json | undefined)[]][] = [];
  for (const key of Object.keys(props)) {
    const field = props[key] as JsonSchema;
    const own = special(key, field);
    if (own) options.push([key, own]);
    else if (required.includes(key) || optional.includes(key)) {
      const value = plainValue(key, field);
      if (value !== undefined) options.push([key, [value]]);
    }
  }
  const count = Math.max(1, ...options.map(([, o]) => o.length));
  return Array.from({ length: count }, (_, k) => {
    const item: JsonObject = {};
    for (const [key, o] of options) {
      const value = o[Math.min(k, o.length - 1)];
      if (value !== undefined) item[key] = value;
    }
    return item;
  });
}

/** `10.1.2.3/24` as its address and prefix length, or null. */
function parseCidr(text: string): { ip: number; prefix: number } | null {
  const m = /^\s*(\d+)\.(\d+)\.(\d+)\.(\d+)(?:\s*\/(\d+))?\s*$/.exec(text);
  if (!m) return null;
  const octets = m.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return null;
  const ip = octets.reduce((a, o) => a * 256 + o, 0);
  return { ip, prefix: m[5] === undefined ? 32 : Number(m[5]) };
}

const sameSubnet = (a: number, b: number, prefix: number): boolean => {
  const size = 2 ** (32 - prefix);
  return Math.floor(a / size) === Math.floor(b / size);
};

/** Every address (as text, with its prefix if any) the document's interfaces, routes and gateways hold. */
function addressesIn(doc: Json): string[] {
  const out: string[] = [];
  const nodes = isObject(doc) && Array.isArray(doc.nodes) ? doc.nodes : [];
  for (const node of nodes) {
    if (!isObject(node)) continue;
    for (const i of Array.isArray(node.interfaces) ? node.interfaces : []) {
      if (isObject(i) && typeof i.address === 'string') out.push(i.address);
    }
    for (const r of Array.isArray(node.routes) ? node.routes : []) {
      if (isObject(r) && typeof r.to === 'string') out.push(r.to);
    }
  }
  return out;
}

/** `10.N.0.0/24` networks no address or route of the document falls in, N from 1 up. */
function freeNetworks(doc: Json, count: number): number[] {
  const used = addressesIn(doc)
    .map(parseCidr)
    .filter((c) => c !== null);
  const free: number[] = [];
  for (let n = 1; n < 255 && free.length < count; n++) {
    const net = (10 * 256 + n) * 65536;
    const clash = used.some(
      (c) => sameSubnet(c.ip, net, Math.min(24, c.prefix)) || sameSubnet(c.ip, net, 16),
    );
    if (!clash) free.push(n);
  }
  return free;
}

/** The next name in the sequence of `names` (`eth0, eth1` -> `eth2`; `p1, p2` -> `p3`; none -> `eth0`). */
function nextName(names: readonly string[]): string {
  const stem = (names.at(-1) ?? 'eth').replace(/\d+$/, '');
  const numbers = names.flatMap((n) => {
    const m = /^(.*?)(\d+)$/.exec(n);
    return m && m[1] === stem ? [Number(m[2])] : [];
  });
  let n = numbers.length === 0 ? 0 : Math.max(...numbers) + 1;
  while (names.includes(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}

/** The node the list belongs to (a list under `nodes[i]`), with its index. */
function ownerNode(doc: Json, listPath: DocPath): { node: JsonObject; index: number } | null {
  if (listPath[0] !== 'nodes' || typeof listPath[1] !== 'number') return null;
  const nodes = isObject(doc) && Array.isArray(doc.nodes) ? doc.nodes : [];
  const node = nodes[listPath[1]];
  return isObject(node) ? { node, index: listPath[1] } : null;
}

/** Ids of the other nodes: those running an app of type `talksTo` first, then any app, then the rest. */
function otherNodes(doc: Json, self: number | null, talksTo: string | undefined): string[] {
  const nodes = isObject(doc) && Array.isArray(doc.nodes) ? doc.nodes : [];
  const ranked = nodes.flatMap((n, i) => {
    if (i === self || !isObject(n) || typeof n.id !== 'string') return [];
    const apps = (Array.isArray(n.apps) ? n.apps : []).filter(isObject);
    const rank = apps.some((a) => talksTo !== undefined && a.type === talksTo)
      ? 0
      : apps.length > 0
        ? 1
        : 2;
    return [{ id: n.id, rank }];
  });
  return ranked.sort((a, b) => a.rank - b.rank).map((n) => n.id);
}

function interfacesOf(node: JsonObject): JsonObject[] {
  return (Array.isArray(node.interfaces) ? node.interfaces : []).filter(isObject);
}

/** Addresses a route of `node` may go via: its gateway, then neighbours on its subnets, then any. */
function viaCandidates(doc: Json, node: JsonObject, self: number): string[] {
  const own = interfacesOf(node)
    .map((i) => (typeof i.address === 'string' ? parseCidr(i.address) : null))
    .filter((c) => c !== null);
  const near: string[] = [];
  const far: string[] = [];
  const nodes = isObject(doc) && Array.isArray(doc.nodes) ? doc.nodes : [];
  nodes.forEach((other, i) => {
    if (i === self || !isObject(other)) return;
    for (const iface of interfacesOf(other)) {
      const c = typeof iface.address === 'string' ? parseCidr(iface.address) : null;
      if (!c) continue;
      const text = (iface.address as string).split('/')[0]!.trim();
      if (own.some((o) => sameSubnet(o.ip, c.ip, o.prefix))) near.push(text);
      else far.push(text);
    }
  });
  const gateway = typeof node.gateway === 'string' ? [node.gateway] : [];
  return [...new Set([...gateway, ...near, ...far])].slice(0, 24);
}

/**
 * Candidates for a new item of the list at `listPath` of `doc`, best first; `schema` is the item
 * schema (for a list of variants, the chosen variant's), `talksTo` the app type a new client's
 * server runs (its view's `talksTo`). Empty when nothing can be made.
 */
export function newItemCandidates(
  doc: Json,
  listPath: DocPath,
  schema: JsonSchema,
  options: { talksTo?: string } = {},
): Json[] {
  const key = String(listPath.at(-1));
  const owner = ownerNode(doc, listPath);
  const others = otherNodes(doc, owner?.index ?? null, options.talksTo);
  if (key === 'interfaces' && owner) {
    const siblings = interfacesOf(owner.node);
    const name = nextName(siblings.flatMap((i) => (typeof i.name === 'string' ? [i.name] : [])));
    const addressed = siblings.length === 0 || siblings.some((i) => i.address !== undefined);
    const fresh = freeNetworks(doc, 1).map((n) => `10.${n}.0.1/24`);
    const addresses: (Json | undefined)[] = addressed
      ? [...fresh, undefined]
      : [undefined, ...fresh];
    return objectOf(schema, (k) =>
      k === 'name' ? [name] : k === 'address' ? addresses : undefined,
    );
  }
  if (key === 'routes' && owner) {
    const to = freeNetworks(doc, 1).map((n) => `10.${n}.0.0/24`);
    const via = viaCandidates(doc, owner.node, owner.index);
    if (via.length === 0) return [];
    return objectOf(schema, (k) => (k === 'to' ? to : k === 'via' ? via : undefined));
  }
  return objectOf(schema, (k, field) =>
    NODE_REFERENCES.has(k) && field.type === 'string' && others.length > 0 ? others : undefined,
  );
}
