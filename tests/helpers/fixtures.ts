/** Loads saved portal pages and JSON bodies from tests/fixtures/<family>/. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHtml } from '../../scripts/parse-html';

// Tests run from the project root (npm scripts); happy-dom's URL global cannot make file paths.
const root = resolve(process.cwd(), 'tests/fixtures') + '/';

export function fixtureText(path: string): string {
  return readFileSync(root + path, 'utf8');
}

export function loadFixtureDoc(path: string, url: string): Document {
  return parseHtml(fixtureText(path), url);
}

export function loadFixtureJson(path: string): unknown {
  return JSON.parse(fixtureText(path));
}

/** Where a family's fixtures are read (tests/fixtures/<family>/read-at.txt): "page <url>" and "api <url>" lines. */
export function fixtureReadAt(family: string): { page?: string; api?: string } {
  const path = `${family}/read-at.txt`;
  let text: string;
  try {
    text = fixtureText(path);
  } catch {
    throw new Error(`Expected tests/fixtures/${path} saying where the fixtures are read (page <url>, api <url>)`);
  }
  const at: { page?: string; api?: string } = {};
  for (const [n, line] of text.split('\n').entries()) {
    if (!line.trim() || line.startsWith('#')) continue;
    const m = /^(page|api) (https:\/\/\S+)$/.exec(line.trim());
    if (!m || !URL.canParse(m[2]!))
      throw new Error(
        `tests/fixtures/${path} line ${n + 1}: expected "page https://…" or "api https://…", got ${line}`,
      );
    at[m[1] as 'page' | 'api'] = m[2]!;
  }
  return at;
}
