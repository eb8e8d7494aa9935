/**
 * Random mutations of a JSON body: drop, duplicate, retype or null a node, swap siblings, add keys
 * (prototype names included), put in huge or hostile strings, edge numbers, near-miss timestamps, or
 * bury a node under deep nesting. The result always round-trips through JSON, as a body the page
 * fetched would.
 */
import fc from 'fast-check';
import { EDGE_NUMBERS, hugeTextArb, PROTOTYPE_KEYS, textArb, TIME_STRINGS } from './strings';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const OPS = [
  'drop',
  'duplicate',
  'retype',
  'null',
  'huge',
  'text',
  'time',
  'number',
  'insert',
  'swap',
  'deep',
  'replace',
] as const;
type OpKind = (typeof OPS)[number];

export interface JsonOp {
  kind: OpKind;
  /** Which node (modulo the node count). */
  at: number;
  /** A second choice (sibling, type, depth). */
  pick: number;
  text: string;
  value: Json;
}

const opArb: fc.Arbitrary<JsonOp> = fc.record({
  kind: fc.constantFrom(...OPS),
  at: fc.nat(),
  pick: fc.nat(),
  text: fc.oneof({ weight: 9, arbitrary: textArb }, { weight: 1, arbitrary: hugeTextArb }),
  value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
});

/** One to eight mutations. */
export const jsonOpsArb: fc.Arbitrary<JsonOp[]> = fc.array(opArb, { minLength: 1, maxLength: 8 });

interface Slot {
  parent: Json[] | { [key: string]: Json } | null;
  key: string | number;
  value: Json;
}

/** Every node with its parent slot, breadth first, capped so huge bodies stay cheap. */
function slots(root: Json, limit = 4000): Slot[] {
  const out: Slot[] = [{ parent: null, key: '', value: root }];
  for (let i = 0; i < out.length && out.length < limit; i++) {
    const v = out[i]!.value;
    if (Array.isArray(v)) v.forEach((child, k) => out.push({ parent: v, key: k, value: child }));
    else if (v && typeof v === 'object')
      for (const [k, child] of Object.entries(v)) out.push({ parent: v, key: k, value: child });
  }
  return out;
}

/** Sets an own property the way JSON.parse does (so "__proto__" becomes a key, not the prototype). */
function setOwn(obj: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function retype(value: Json, pick: number, text: string): Json {
  const options: Json[] = [
    typeof value === 'string'
      ? Number.isFinite(Number(value))
        ? Number(value)
        : value.length
      : String(JSON.stringify(value)).slice(0, 200),
    value === null ? 0 : typeof value === 'boolean' ? String(value) : !value,
    [value],
    { value },
    text,
    EDGE_NUMBERS[pick % EDGE_NUMBERS.length]!,
  ];
  return options[pick % options.length]!;
}

function deepen(value: Json, depth: number, pick: number): Json {
  let v = value;
  for (let i = 0; i < depth; i++) v = (pick + i) % 2 ? [v] : { value: v };
  return v;
}

function apply(root: Json, given: JsonOp): Json {
  // The op's value is fast-check's: a copy, so that the tree never shares (or loops through) it.
  const op = { ...given, value: structuredClone(given.value) };
  const all = slots(root);
  const slot = all[op.at % all.length]!;
  const replace = (next: Json): Json => {
    if (!slot.parent) return next;
    if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = next;
    else setOwn(slot.parent, slot.key as string, next);
    return root;
  };
  switch (op.kind) {
    case 'drop':
      if (!slot.parent) return root;
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
      return root;
    case 'duplicate':
      if (Array.isArray(slot.parent)) slot.parent.splice((slot.key as number) + 1, 0, structuredClone(slot.value));
      else if (Array.isArray(slot.value) && slot.value.length) slot.value.push(...structuredClone(slot.value));
      return root;
    case 'retype':
      return replace(retype(slot.value, op.pick, op.text));
    case 'null':
      return replace(null);
    case 'huge':
    case 'text':
      return replace(typeof slot.value === 'string' && op.pick % 3 === 0 ? slot.value + op.text : op.text);
    case 'time':
      return replace(TIME_STRINGS[op.pick % TIME_STRINGS.length]!);
    case 'number':
      return replace(EDGE_NUMBERS[op.pick % EDGE_NUMBERS.length]!);
    case 'insert': {
      const target = slot.value && typeof slot.value === 'object' && !Array.isArray(slot.value) ? slot.value : null;
      if (target)
        setOwn(target, op.pick % 2 ? PROTOTYPE_KEYS[op.pick % PROTOTYPE_KEYS.length]! : op.text.slice(0, 40), op.value);
      else if (Array.isArray(slot.value)) slot.value.splice(op.pick % (slot.value.length + 1), 0, op.value);
      return root;
    }
    case 'swap': {
      if (!slot.parent) return root;
      const keys = Array.isArray(slot.parent) ? slot.parent.map((_, i) => i) : Object.keys(slot.parent);
      const other = keys[op.pick % keys.length]!;
      const parent = slot.parent as Record<string | number, Json>;
      const tmp = parent[other]!;
      parent[other] = slot.value;
      return replace(tmp);
    }
    case 'deep':
      // Up to ~200 levels per mutation (eight of them nest ~1,700 deep): deeper than any real body.
      return replace(deepen(slot.value, 10 + (op.pick % 200), op.pick));
    case 'replace':
      return replace(op.value);
  }
}

/** The base with the mutations applied, as JSON.parse would hand it over. The base is not changed. */
export function mutateJson(base: unknown, ops: JsonOp[]): Json {
  let root = structuredClone(base) as Json;
  for (const op of ops) root = apply(root, op);
  return JSON.parse(JSON.stringify(root)) as Json;
}

/** Random JSON that has nothing to do with the portal. */
export const randomJsonArb: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>,
  fc.dictionary(textArb, fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>, { maxKeys: 6 }),
  fc.array(fc.dictionary(fc.constantFrom('id', 'name', 'status', 'title', 'value', 'cases', 'items'), textArb), {
    maxLength: 5,
  }),
);
