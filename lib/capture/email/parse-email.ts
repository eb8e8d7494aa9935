/**
 * Saved vendor emails (.eml, .mbox) read as plain messages. An email is untrusted like a portal page:
 * MIME is parsed by postal-mime (not by hand), an HTML-only body becomes text through an inert
 * DOMParser document (no script runs, nothing remote loads) and blockText, and every field is bounded.
 */
import PostalMime, { type Email } from 'postal-mime';
import { blockText, cleanBody, cleanText } from '../../core/text';
import { toUtcIso } from '../../core/time';

/** Larger files are refused with a message: a vendor reply is kilobytes, a mailbox export can be huge. */
export const MAX_EMAIL_BYTES = 5 * 1024 * 1024;
export const MAX_MBOX_BYTES = 50 * 1024 * 1024;
/** More messages than this in one drop are refused: the rest of the batch is untouched. */
export const MAX_MESSAGES_PER_IMPORT = 500;
/** postal-mime's own bound on all headers of a message; a hostile file past it is reported, not read. */
const MAX_HEADER_BYTES = 256 * 1024;

export interface EmailAddress {
  name: string | null;
  /** Lower case. */
  address: string;
}

export interface ParsedEmail {
  /** The file it came from, and its position in an mbox ("outage.mbox #3"). */
  source: string;
  messageId: string | null;
  subject: string;
  from: EmailAddress | null;
  /** Who it went to (To and Cc), lower case: a reply of the user's names the vendor here. */
  recipients: string[];
  /** When it was sent (UTC ISO), from the Date header; null when missing or unreadable. */
  sentAt: string | null;
  /** Plain text, as a person reads it; null when the mail has no text at all. */
  text: string | null;
  /** Listed, never stored: name and size in bytes. */
  attachments: { name: string; size: number }[];
}

export class EmailFileError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${message}`);
    this.name = 'EmailFileError';
  }
}

function address(value: unknown): EmailAddress | null {
  if (!value || typeof value !== 'object' || !('address' in value) || typeof value.address !== 'string') return null;
  const addr = value.address.trim().toLowerCase();
  if (!/^[^\s@<>]{1,64}@[^\s@<>]{1,255}$/.test(addr)) return null;
  const name = 'name' in value && typeof value.name === 'string' ? cleanText(value.name, 200) : null;
  return { name, address: addr };
}

/** The text of an HTML body: parsed into an inert document (scripts never run, images never load). */
export function htmlToText(html: string): string | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return blockText(doc.body);
}

function sizeOf(content: ArrayBuffer | Uint8Array | string): number {
  return typeof content === 'string' ? content.length : content.byteLength;
}

/** Parses one RFC 5322 message; throws EmailFileError with the reason when it is not one. */
export async function parseEmail(raw: ArrayBuffer | Uint8Array | string, source: string): Promise<ParsedEmail> {
  const bytes = typeof raw === 'string' ? raw.length : raw.byteLength;
  if (bytes > MAX_EMAIL_BYTES)
    throw new EmailFileError(source, `Expected an email of at most 5 MB, got ${(bytes / 1024 / 1024).toFixed(1)} MB`);
  let email: Email;
  try {
    email = await PostalMime.parse(raw, { maxHeadersSize: MAX_HEADER_BYTES, maxNestingDepth: 50 });
  } catch (error) {
    throw new EmailFileError(
      source,
      `Expected an email (RFC 5322), got ${(error as Error).message || 'unreadable MIME'}`,
    );
  }
  const from = address(email.from);
  const hasHeaders = email.headers.some((h) => ['from', 'date', 'subject', 'message-id'].includes(h.key));
  if (!hasHeaders) throw new EmailFileError(source, 'Expected an email with From, Date or Subject headers, found none');
  const text = email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : null;
  return {
    source,
    messageId: cleanText(email.messageId, 300),
    subject: cleanText(email.subject, 500) ?? '(no subject)',
    from,
    recipients: [...(email.to ?? []), ...(email.cc ?? [])]
      .flatMap((a) => (a.group ? a.group : [a]))
      .map(address)
      .filter((a): a is EmailAddress => a !== null)
      .map((a) => a.address)
      .slice(0, 50),
    sentAt: email.date ? toUtcIso(email.date) : null,
    text: cleanBody(text),
    attachments: email.attachments
      .filter((a) => !a.related)
      .slice(0, 50)
      .map((a) => ({ name: cleanText(a.filename, 200) ?? `(${a.mimeType})`, size: sizeOf(a.content) })),
  };
}

/**
 * The messages of an mbox file: each starts at a line "From " after a blank line (or at the start);
 * ">From " lines inside a message are unescaped (mboxrd).
 */
export function splitMbox(text: string): string[] {
  const messages: string[] = [];
  const lines = text.split(/\r?\n/);
  let current: string[] | null = null;
  let previousBlank = true;
  for (const line of lines) {
    if (previousBlank && line.startsWith('From ')) {
      if (current) messages.push(current.join('\r\n'));
      current = [];
    } else if (current) current.push(/^>+From /.test(line) ? line.slice(1) : line);
    previousBlank = line === '';
  }
  if (current) messages.push(current.join('\r\n'));
  return messages.filter((m) => m.trim());
}

export interface EmailFileResult {
  emails: ParsedEmail[];
  /** One per file or mbox message that could not be read, naming it. */
  errors: string[];
}

/** Reads dropped files: each .eml one message, each .mbox many; a bad file is reported, the rest kept. */
export async function readEmailFiles(files: { name: string; bytes: ArrayBuffer }[]): Promise<EmailFileResult> {
  const result: EmailFileResult = { emails: [], errors: [] };
  for (const file of files) {
    const name = cleanText(file.name, 200) ?? 'unnamed file';
    try {
      if (/\.mbox$/i.test(name)) {
        if (file.bytes.byteLength > MAX_MBOX_BYTES)
          throw new EmailFileError(name, 'Expected a mailbox of at most 50 MB; export fewer messages');
        const parts = splitMbox(new TextDecoder().decode(file.bytes));
        if (parts.length === 0)
          throw new EmailFileError(name, 'Expected messages starting with "From " lines, found none');
        for (const [i, part] of parts.entries()) {
          try {
            result.emails.push(await parseEmail(part, `${name} #${i + 1}`));
          } catch (error) {
            if (!(error instanceof EmailFileError)) throw error;
            result.errors.push(error.message);
          }
        }
      } else if (/\.(?:eml|txt)$/i.test(name) || !/\.[a-z0-9]{1,5}$/i.test(name)) {
        result.emails.push(await parseEmail(file.bytes, name));
      } else if (/\.msg$/i.test(name)) {
        throw new EmailFileError(
          name,
          "Expected an .eml file; .msg is classic Outlook's own format: save the mail as .eml from Outlook on the web or the new Outlook",
        );
      } else throw new EmailFileError(name, 'Expected an .eml or .mbox file');
    } catch (error) {
      if (!(error instanceof EmailFileError)) throw error;
      result.errors.push(error.message);
    }
    if (result.emails.length > MAX_MESSAGES_PER_IMPORT) {
      result.emails.length = MAX_MESSAGES_PER_IMPORT;
      result.errors.push(`Only the first ${MAX_MESSAGES_PER_IMPORT} messages were read; drop the rest separately`);
      break;
    }
  }
  return result;
}
