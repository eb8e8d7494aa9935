/**
 * npm run extract -- --url <URL> <FILE>
 * Runs the extension's own adapter code in Node on a saved portal page (HTML) or JSON body, as if it
 * had been served at URL, and prints {"provider", "portal", "vendorName", "kind", "cases", "problems"} as JSON.
 * Exit codes: 0 read, 1 cannot read (named reason on stderr), 2 usage.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractFromDocument, extractFromJson, NoAdapterError } from '../lib/capture/extract';
import { ProviderParseError } from '../lib/capture/types';
import { parseHtml } from './parse-html';

function usage(message: string): never {
  process.stderr.write(
    `${message}\nUsage: npm run extract -- --url <URL the file was served at> <FILE.html|FILE.json>\n`,
  );
  process.exit(2);
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({ options: { url: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (!values.url) usage('Missing --url.');
  if (positionals.length !== 1) usage('Expected exactly one FILE.');
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    usage(`Not a URL: ${values.url}`);
  }
  let text: string;
  try {
    text = readFileSync(positionals[0]!, 'utf8');
  } catch (error) {
    usage(`Cannot read ${positionals[0]}: ${(error as Error).message}`);
  }

  const trimmed = text.trimStart();
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  try {
    let output;
    if (looksJson) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        throw new Error(`Expected a JSON body, got invalid JSON: ${(error as Error).message}`);
      }
      output = extractFromJson(body, url);
    } else {
      output = extractFromDocument(parseHtml(text, url.href), url);
    }
    const { provider, portal, vendorName, extraction } = output;
    const result = {
      provider,
      portal,
      vendorName,
      kind: extraction.kind,
      cases: extraction.cases,
      problems: extraction.problems,
    };
    if (extraction.deferredToApi) {
      throw new ProviderParseError(
        provider,
        url.href,
        'unknown-shape',
        'This page renders its cases from JSON; extract the JSON body its front end loads instead',
      );
    }
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (extraction.problems.length) {
      process.stderr.write(`warning: ${extraction.problems.length} item(s) could not be read; see "problems"\n`);
    }
  } catch (error) {
    if (error instanceof ProviderParseError) {
      process.stderr.write(`Cannot read (${error.failure}): ${error.message}\n`);
    } else if (error instanceof NoAdapterError) {
      process.stderr.write(`Cannot read: ${error.message}\n`);
    } else {
      process.stderr.write(`Cannot read: ${(error as Error).message}\n`);
    }
    process.exit(1);
  }
}

main();
