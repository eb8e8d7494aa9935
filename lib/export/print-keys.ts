/**
 * The print page's address names its cases one `key` parameter each, so a case key holding a comma
 * (or anything else) survives the trip; `listed` tells "these cases, maybe none" from "every case".
 */
export function printPath(keys: string[] | null): string {
  if (keys === null) return '/print.html';
  const params = new URLSearchParams([['cases', 'listed'], ...keys.map((k): [string, string] => ['key', k])]);
  return `/print.html?${params}`;
}

/** The cases a print page was opened for: null for every case. */
export function printKeys(search: string): string[] | null {
  const params = new URLSearchParams(search);
  return params.get('cases') === 'listed' ? params.getAll('key') : null;
}
