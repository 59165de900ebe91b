/**
 * Size of a request as Office.js sends it: the queued actions and the object paths they use,
 * serialized as JSON (the RichApi message: {"Actions":[…],"ObjectPaths":{…}}), counted in UTF-8
 * bytes — Vietnamese letters such as "ố" are 3 bytes each, so a request's size is NOT its length in
 * characters. Excel on the web refuses a request (and a response) over 5 MB.
 */

/** Bytes of the string in UTF-8. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** ObjectPathType of the RichApi protocol. */
export const PathType = {
  global: 1,
  newObject: 2,
  method: 3,
  property: 4,
  indexer: 5,
  referenceId: 6,
} as const;
/** ActionType of the RichApi protocol. */
export const ActionType = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;

export interface WirePath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments: unknown[] };
}

export interface WireAction {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments: unknown[] };
  QueryInfo?: { Select: string[]; Expand: string[] };
}

export function requestJson(actions: WireAction[], paths: WirePath[]): string {
  const objectPaths: Record<string, WirePath> = {};
  for (const p of paths) objectPaths[String(p.Id)] = p;
  return JSON.stringify({ Actions: actions, ObjectPaths: objectPaths });
}

export function requestBytes(actions: WireAction[], paths: WirePath[]): number {
  return utf8Length(requestJson(actions, paths));
}

export const DEFAULT_LIMIT_BYTES = 5 * 1024 * 1024;

/** "Values" from "values": the RichApi names members in PascalCase. */
export function wireName(member: string): string {
  return member.charAt(0).toUpperCase() + member.slice(1);
}
