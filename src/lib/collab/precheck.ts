/**
 * Cheap refusals first (issue 12): what a live update may be judged on before anything of it is
 * applied, read straight off its bytes in one linear pass. Nothing is integrated into a Y.Doc,
 * no shared type or subdocument is built; the session's mirror (check.ts `applyToMirror`) only
 * ever sees updates that pass this.
 *
 * Why: the check used to apply every update to a mirror first and then walk each struct up to
 * its root, at a cost of about the cube of the nesting depth, for every role: a viewer's 70 KB
 * update nested 6,000 deep held the event loop for 4 s, a 300 KB one for over a minute. Here:
 *
 * - a viewer (or a read-only connection) writes nothing: the first struct the server does not
 *   already have refuses the update, before the rest is even read;
 * - every new struct's place is found by following its parent (or its origin's parent, which it
 *   shares) with memoisation, so the pass is linear in the structs; a shared type deeper than the
 *   layout (model/ydoc.ts) is E_PEER_TOO_DEEP at the first level too many;
 * - roots outside the layout, roots the role may not write, content the layout never holds
 *   (text, binary, subdocuments), values that are not plain JSON, `meta` keys and values, and
 *   history entries are refused with their codes.
 *
 * Deletions are left to the mirror: an honest sync reply carries the whole delete set, and only
 * the document can tell which of it is new.
 */
import * as Y from 'yjs';
import * as binary from 'lib0/binary';
import * as decoding from 'lib0/decoding';
import { editError, type EditError } from '../ops/errors';
import type { Actor } from '../ops/plan';
import { plainProblem, DATA_LIMITS } from '../model/plain';
import { historyEntryProblem } from './history-entry';
import { canEditDefinition, type Role } from './protocol';
import {
  DATA_ROOT,
  HISTORY_ROOT,
  layoutProblem,
  MAX_UPDATE_BYTES,
  MAX_UPDATE_RECORDS,
  maxLevel,
  META_ROOT,
  metaProblems,
  ROOTS,
  type Place
} from './layout';

/** Content kinds as Yjs numbers them (structs/Item.js `contentRefs`). */
const CONTENT = {
  deleted: 1,
  json: 2,
  binary: 3,
  string: 4,
  embed: 5,
  format: 6,
  type: 7,
  any: 8,
  doc: 9
};
/** Yjs' type refs of a Y.Map and a Y.Text (structs/ContentType.js). */
const YMAP_REF = 1;
const YTEXT_REF = 2;
const SKIP_INFO = 10;

/** One struct of an update, as read off its bytes. */
interface Struct {
  readonly client: number;
  readonly clock: number;
  readonly length: number;
  /** false for GC and Skip structs (nothing to place). */
  readonly item: boolean;
  readonly origin: Y.ID | null;
  readonly rightOrigin: Y.ID | null;
  /** A root name, the id of the item whose content is the parent type, or null (as origin's). */
  readonly parent: string | Y.ID | null;
  readonly parentSub: string | null;
  readonly content: number;
  /** The type ref of a shared type's content. */
  readonly typeRef: number;
  /** The values of an Any content. */
  readonly values: readonly unknown[] | null;
}

/** Where a struct sits: the place of its parent type, and its key there (map entries). */
interface Home {
  readonly place: Place;
  readonly sub: string | null;
}

type Found = Struct | Y.Item | 'missing' | 'gone';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>;

/** Reads one struct's content, keeping what the checks need. */
function readContent(
  decoder: Y.UpdateDecoderV1,
  ref: number
): { length: number; typeRef: number; values: unknown[] | null } {
  switch (ref) {
    case CONTENT.deleted:
      return { length: decoder.readLen(), typeRef: -1, values: null };
    case CONTENT.json: {
      const length = decoder.readLen();
      for (let i = 0; i < length; i++) decoder.readString();
      return { length, typeRef: -1, values: null };
    }
    case CONTENT.binary:
      decoder.readBuf();
      return { length: 1, typeRef: -1, values: null };
    case CONTENT.string:
      return { length: decoder.readString().length, typeRef: -1, values: null };
    case CONTENT.embed:
      decoder.readJSON();
      return { length: 1, typeRef: -1, values: null };
    case CONTENT.format:
      decoder.readKey();
      decoder.readJSON();
      return { length: 1, typeRef: -1, values: null };
    case CONTENT.type: {
      const typeRef = decoder.readTypeRef();
      // Y.XmlElement and Y.XmlHook carry a name.
      if (typeRef === 3 || typeRef === 5) decoder.readKey();
      return { length: 1, typeRef, values: null };
    }
    case CONTENT.any: {
      const length = decoder.readLen();
      const values: unknown[] = [];
      for (let i = 0; i < length; i++) values.push(decoder.readAny());
      return { length, typeRef: -1, values };
    }
    case CONTENT.doc:
      // A subdocument: its guid and options are read, never turned into a Y.Doc.
      decoder.readString();
      decoder.readAny();
      return { length: 1, typeRef: -1, values: null };
    default:
      throw new Error(`unknown content ${ref}`);
  }
}

/**
 * The structs of a V1 update, per client in clock order (Yjs' own lazy reader, without the
 * integration). `stop` may end the read early (a viewer's first new struct).
 */
function readStructs(update: Uint8Array, stop?: (s: Struct) => boolean): Map<number, Struct[]> {
  const decoder = new Y.UpdateDecoderV1(decoding.createDecoder(update));
  const byClient = new Map<number, Struct[]>();
  const clients = decoding.readVarUint(decoder.restDecoder);
  for (let c = 0; c < clients; c++) {
    const count = decoding.readVarUint(decoder.restDecoder);
    const client = decoder.readClient();
    let clock = decoding.readVarUint(decoder.restDecoder);
    let list = byClient.get(client);
    if (!list) byClient.set(client, (list = []));
    for (let i = 0; i < count; i++) {
      const info = decoder.readInfo();
      let struct: Struct;
      if (info === SKIP_INFO || (binary.BITS5 & info) === 0) {
        const length =
          info === SKIP_INFO ? decoding.readVarUint(decoder.restDecoder) : decoder.readLen();
        struct = {
          client,
          clock,
          length,
          item: false,
          origin: null,
          rightOrigin: null,
          parent: null,
          parentSub: null,
          // A Skip is a gap in a merged update, not content: never a write.
          content: info === SKIP_INFO ? SKIP_INFO : 0,
          typeRef: -1,
          values: null
        };
      } else {
        const copiesParent = (info & (binary.BIT7 | binary.BIT8)) !== 0;
        const origin = (info & binary.BIT8) === binary.BIT8 ? decoder.readLeftID() : null;
        const rightOrigin = (info & binary.BIT7) === binary.BIT7 ? decoder.readRightID() : null;
        const parent = copiesParent
          ? null
          : decoder.readParentInfo()
            ? decoder.readString()
            : decoder.readLeftID();
        const parentSub =
          !copiesParent && (info & binary.BIT6) === binary.BIT6 ? decoder.readString() : null;
        const content = readContent(decoder, info & binary.BITS5);
        struct = {
          client,
          clock,
          length: content.length,
          item: true,
          origin,
          rightOrigin,
          parent,
          parentSub,
          content: info & binary.BITS5,
          typeRef: content.typeRef,
          values: content.values
        };
      }
      if (struct.length <= 0) throw new Error('a struct of length 0');
      list.push(struct);
      clock += struct.length;
      if (stop?.(struct)) return byClient;
    }
  }
  return byClient;
}

/** Whether the document already holds all of a struct (Yjs skips it then). */
function known(doc: Y.Doc, s: { client: number; clock: number; length: number }): boolean {
  return s.clock + s.length <= Y.getState(doc.store, s.client);
}

/** Finds the struct holding `id`: in the update, else in the document. */
function finder(doc: Y.Doc, structs: Map<number, Struct[]>): (id: Y.ID) => Found {
  for (const list of structs.values()) list.sort((a, b) => a.clock - b.clock);
  return (id) => {
    const list = structs.get(id.client);
    if (list) {
      let lo = 0;
      let hi = list.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = list[mid];
        if (id.clock < s.clock) hi = mid - 1;
        else if (id.clock >= s.clock + s.length) lo = mid + 1;
        else if (s.item) return s;
        else if (s.content === SKIP_INFO)
          break; // a gap: the struct may be the document's
        else return 'gone';
      }
    }
    if (id.clock < Y.getState(doc.store, id.client)) {
      const found = Y.getItem(doc.store, id);
      return found instanceof Y.Item ? found : 'gone';
    }
    return 'missing';
  };
}

/** Places of the document's own shared types, walked up at most a few levels (memoised). */
function docPlaces(doc: Y.Doc): (type: AnyType) => Place | null {
  const names = new Map<AnyType, string>();
  for (const [name, type] of doc.share) names.set(type, name);
  const memo = new Map<AnyType, Place | null>();
  const placeOf = (type: AnyType, budget: number): Place | null => {
    const seen = memo.get(type);
    if (seen !== undefined) return seen;
    let place: Place | null;
    const item = type._item;
    if (!item) {
      const root = names.get(type);
      place = root === undefined ? null : { root, level: 0, key: null };
    } else if (budget === 0 || !(item.parent instanceof Y.AbstractType)) {
      // Deeper than any layout: a place that every check refuses, found in constant time.
      place = { root: '', level: Infinity, key: null };
    } else {
      const up = placeOf(item.parent as AnyType, budget - 1);
      place = up && {
        root: up.root,
        level: up.level + 1,
        key: up.level === 0 ? item.parentSub : up.key
      };
    }
    memo.set(type, place);
    return place;
  };
  return (type) => placeOf(type, 4);
}

/**
 * The cheap checks of a live update from `actor` against `doc` (the live document), before it
 * is applied anywhere: the first refusal, or null when the mirror may judge the rest. Linear in
 * the update's size; reads no more of a viewer's update than its first new struct.
 */
export function precheckUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  actor: Actor,
  now = Date.now()
): EditError | null {
  const role: Role = actor.role ?? 'owner';
  if (update.byteLength > MAX_UPDATE_BYTES)
    return editError(
      'E_PEER_MALFORMED',
      `a live update of ${update.byteLength} bytes is larger than the limit of ${MAX_UPDATE_BYTES}`
    );
  let structs: Map<number, Struct[]>;
  let viewerWrites = false;
  try {
    structs = readStructs(
      update,
      // A viewer writes nothing: its first struct the server lacks ends the read.
      role === 'viewer'
        ? (s) => (viewerWrites = s.content !== SKIP_INFO && !known(doc, s))
        : undefined
    );
  } catch (e) {
    return editError(
      'E_PEER_MALFORMED',
      `the live update cannot be read: ${String(e).slice(0, 200)}`
    );
  }
  if (role === 'viewer')
    return viewerWrites ? editError('E_FORBIDDEN', 'a viewer cannot change the app') : null;
  const find = finder(doc, structs);
  const docPlace = docPlaces(doc);
  const homes = new Map<Struct, Home | 'missing' | 'gone' | 'cycle'>();
  const rootPlace = (root: string): Place => ({ root, level: 0, key: null });
  const childPlace = (home: Home): Place => ({
    root: home.place.root,
    level: home.place.level + 1,
    key: home.place.level === 0 ? home.sub : home.place.key
  });
  const docHome = (item: Y.Item): Home | 'gone' => {
    const place = item.parent instanceof Y.AbstractType ? docPlace(item.parent as AnyType) : null;
    return place ? { place, sub: item.parentSub } : 'gone';
  };

  /** Where `start` sits; iterative with memoisation, so a chain 6,000 long costs 6,000 steps. */
  const homeOf = (start: Struct): Home | 'missing' | 'gone' | 'cycle' => {
    const stack: Struct[] = [start];
    const visiting = new Set<Struct>();
    while (stack.length > 0) {
      const s = stack[stack.length - 1];
      if (homes.has(s)) {
        stack.pop();
        continue;
      }
      visiting.add(s);
      let result: Home | 'missing' | 'gone' | 'cycle' | Struct;
      if (typeof s.parent === 'string') result = { place: rootPlace(s.parent), sub: s.parentSub };
      else if (s.parent !== null) {
        // The parent is the shared type made by the item with this id.
        const t = find(s.parent);
        if (t === 'missing' || t === 'gone') result = t;
        else if (t instanceof Y.Item)
          result =
            t.content instanceof Y.ContentType
              ? (() => {
                  const place = docPlace(t.content.type as AnyType);
                  return place ? { place, sub: s.parentSub } : ('gone' as const);
                })()
              : 'cycle';
        else if (t.content !== CONTENT.type) result = 'cycle';
        else {
          const home = homes.get(t);
          if (home === undefined) result = t;
          else
            result =
              typeof home === 'string' ? home : { place: childPlace(home), sub: s.parentSub };
        }
      } else {
        // No parent written: it is its origin's (or right origin's) parent, and key.
        let o = s.origin ? find(s.origin) : 'missing';
        if (o === 'gone' && s.rightOrigin) o = find(s.rightOrigin);
        if (o === 'missing' && !s.origin && s.rightOrigin) o = find(s.rightOrigin);
        if (o === 'missing' || o === 'gone') result = o;
        else if (o instanceof Y.Item) result = docHome(o);
        else {
          const home = homes.get(o);
          result = home === undefined ? o : home;
        }
      }
      if (typeof result === 'object' && 'clock' in result) {
        // A struct of the update this one depends on: place that first.
        if (visiting.has(result)) {
          homes.set(s, 'cycle');
          stack.pop();
        } else stack.push(result);
        continue;
      }
      homes.set(s, result);
      stack.pop();
    }
    return homes.get(start)!;
  };

  let records = 0;
  for (const list of structs.values())
    for (const s of list) {
      if (!s.item || known(doc, s)) continue;
      records += s.length;
      if (records > MAX_UPDATE_RECORDS)
        return editError(
          'E_BATCH_TOO_LARGE',
          `a live update may write at most ${MAX_UPDATE_RECORDS} records; make the change in smaller steps`
        );
      const home = homeOf(s);
      if (home === 'gone') continue; // Yjs drops a struct whose parent was collected.
      if (home === 'missing')
        return editError(
          'E_PEER_INCOMPLETE',
          'the live update depends on changes the server does not have; reload to resync'
        );
      if (home === 'cycle')
        return editError('E_PEER_MALFORMED', 'the live update places a struct inside a value');
      const problem = structProblem(s, home, role, actor, now);
      if (problem) return problem;
    }
  return null;
}

/** The refusal of one new struct at its place, or null. */
function structProblem(
  s: Struct,
  home: Home,
  role: Role,
  actor: Actor,
  now: number
): EditError | null {
  const { root } = home.place;
  if (!ROOTS.has(root))
    return editError(
      'E_PEER_INVALID',
      `the update writes “${root.slice(0, 40)}”, which is not part of an app`
    );
  if (root === DATA_ROOT ? role === 'viewer' : !canEditDefinition(role))
    return editError(
      'E_FORBIDDEN',
      root === HISTORY_ROOT
        ? `a ${role} cannot add to the history`
        : `a ${role} cannot change the app’s definition (the update writes “${root}”)`
    );
  if (home.place.level > maxLevel(root))
    return editError(
      'E_PEER_TOO_DEEP',
      `the update nests shared types deeper than the app’s layout under “${root}”`
    );
  // Inside a shared text field's Y.Text (model/textdata.ts): characters only.
  const inText = root === DATA_ROOT && home.place.level === 1;
  if (inText && s.content !== CONTENT.string && s.content !== CONTENT.deleted)
    return editError('E_PEER_INVALID', 'a text field holds characters only (no embeds or formats)');
  switch (s.content) {
    case CONTENT.deleted:
      return null;
    case CONTENT.string:
      if (inText) return null;
      break;
    case CONTENT.type:
      return layoutProblem(
        home.place,
        home.sub,
        s.typeRef === YMAP_REF ? 'map' : s.typeRef === YTEXT_REF ? 'text' : 'other'
      );
    case CONTENT.any:
      return anyProblem(s, home, root, actor, now);
  }
  return root === META_ROOT
    ? editError('E_META_INVALID', 'the app’s meta holds plain values only')
    : editError(
        'E_PEER_INVALID',
        s.content === CONTENT.doc
          ? 'an app’s document holds no subdocuments'
          : 'an app’s document holds plain values, maps and text fields only (no binary or formats)'
      );
}

/** The refusal of a struct of plain values at its place, or null. */
function anyProblem(
  s: Struct,
  home: Home,
  root: string,
  actor: Actor,
  now: number
): EditError | null {
  const values = s.values ?? [];
  if (root === META_ROOT && home.place.level === 0) {
    const problems = metaProblems(values.map((v) => [home.sub ?? '', v] as const));
    if (problems.length > 0) return problems[0];
    return null;
  }
  if (root === HISTORY_ROOT && home.place.level === 0) {
    for (const entry of values) {
      const problem = historyEntryProblem(entry, actor, now);
      if (problem) return problem;
    }
    return null;
  }
  for (const value of values) {
    const problem = plainProblem(value, DATA_LIMITS);
    if (problem)
      return editError(
        'E_DATA_NOT_PLAIN',
        `a value under “${root}” is not plain JSON: ${problem.message}`,
        {
          path: `/${root}${home.place.key ? `/${home.place.key}` : home.sub ? `/${home.sub}` : ''}${problem.path}`
        }
      );
  }
  return null;
}
