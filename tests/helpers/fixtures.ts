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
