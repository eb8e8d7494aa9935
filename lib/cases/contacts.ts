/**
 * Who to contact at a vendor besides the portal: portal link, phone, status page, social support
 * handle. Stored per vendor in the contacts table; known providers start from public defaults.
 */
import { z } from 'zod';
import type { CaseradarDB, VendorContact } from '../store/db';
import { PROVIDER_IDS, type ProviderId, type StoredCase } from '../core/model';
import { FAMILIES } from '../capture/families';

/** The key a vendor's contact is kept under: its vendor portal (a console's provider id, a tenant's host). */
export function vendorKey(c: Pick<StoredCase, 'portal'>): string {
  return c.portal;
}

type ContactFields = Omit<VendorContact, 'vendor' | 'updatedAt'>;

const EMPTY: ContactFields = { portalUrl: '', phone: '', statusPage: '', social: '' };

/**
 * Public, well-known support entry points and status pages, from the family records. Phone numbers are
 * left empty on purpose: they depend on the user's country and contract, and a wrong one is worse than
 * none. Platforms (Zendesk, Freshdesk, …) host many vendors, so their own status page would mislead.
 */
export const DEFAULT_CONTACTS: Partial<Record<ProviderId, ContactFields>> = Object.fromEntries(
  FAMILIES.filter((f) => f.contacts).map((f) => [f.id, { ...EMPTY, ...f.contacts }]),
);

const isProviderId = (v: string): v is ProviderId => (PROVIDER_IDS as readonly string[]).includes(v);

/** The default contact of a vendor; `caseUrl` (any of its cases) gives the portal's origin when no default is known. */
export function defaultContact(vendor: string, caseUrl?: string): VendorContact {
  const known = isProviderId(vendor) ? DEFAULT_CONTACTS[vendor] : undefined;
  let portalUrl = known?.portalUrl ?? '';
  if (!portalUrl && caseUrl && /^https?:\/\//i.test(caseUrl)) portalUrl = `${new URL(caseUrl).origin}/`;
  return { vendor, ...EMPTY, ...known, portalUrl, updatedAt: '' };
}

const webAddress = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'Expected an http(s) address or nothing');

const contactSchema = z.object({
  vendor: z.string().trim().min(1, 'Expected a vendor'),
  portalUrl: webAddress,
  phone: z
    .string()
    .trim()
    .max(60)
    .regex(/^[0-9+()./\s-]*$/, 'Expected a phone number (digits, spaces, + - ( ) . /)'),
  statusPage: webAddress,
  social: z.string().trim().max(200),
});

/** The stored contact of a vendor, or its default. */
export async function loadContact(db: CaseradarDB, vendor: string, caseUrl?: string): Promise<VendorContact> {
  return (await db.contacts.get(vendor)) ?? defaultContact(vendor, caseUrl);
}

/** Validates and stores a contact; throws "field: reason" on the first problem. */
export async function saveContact(
  db: CaseradarDB,
  contact: Omit<VendorContact, 'updatedAt'>,
  nowIso: string,
): Promise<VendorContact> {
  const parsed = contactSchema.safeParse(contact);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join('.') || 'contact'}: ${issue?.message ?? 'invalid'}`);
  }
  const row: VendorContact = { ...parsed.data, updatedAt: nowIso };
  await db.contacts.put(row);
  return row;
}
