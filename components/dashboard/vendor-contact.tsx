import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { loadContact, saveContact } from '@/lib/cases/contacts';
import { getDb, type VendorContact } from '@/lib/store/db';
import { safeHref } from '@/lib/cases/format';
import { Notice, useNotice } from '../shared/notice';

/** How to reach one vendor besides the portal; editable, stored per vendor. */
export function VendorContactPanel({ vendor, label, caseUrl }: { vendor: string; label: string; caseUrl: string }) {
  const stored = useLiveQuery(() => loadContact(getDb(), vendor, caseUrl), [vendor, caseUrl]);
  // A live query answers the previous vendor until the new one is read: wait for the right row.
  if (stored?.vendor !== vendor) return null;
  return <ContactForm key={vendor} label={label} initial={stored} />;
}

const FIELDS: [keyof Omit<VendorContact, 'vendor' | 'updatedAt'>, string, string][] = [
  ['portalUrl', 'Portal link', 'url'],
  ['phone', 'Phone', 'tel'],
  ['statusPage', 'Status page', 'url'],
  ['social', 'Social support handle', 'text'],
];

function ContactForm({ label, initial }: { label: string; initial: VendorContact }) {
  const [contact, setContact] = useState(initial);
  const { notice, run } = useNotice();
  const save = () =>
    run(async () => {
      setContact(await saveContact(getDb(), contact, new Date().toISOString()));
      return `Contact for ${label} saved.`;
    }, 'Not saved: ');
  const portal = safeHref(contact.portalUrl);
  const status = safeHref(contact.statusPage);
  return (
    <form
      className="vendor-contact"
      aria-labelledby="contact-title"
      onSubmit={(e) => (e.preventDefault(), void save())}
    >
      <h3 id="contact-title">Who to contact at {label}</h3>
      <p className="contact-links">
        {portal && (
          <a href={portal} target="_blank" rel="noreferrer noopener">
            Open the support portal
          </a>
        )}
        {status && (
          <a href={status} target="_blank" rel="noreferrer noopener">
            Open the status page
          </a>
        )}
        {contact.phone && <span>Phone {contact.phone}</span>}
        {contact.social && <span>Social {contact.social}</span>}
      </p>
      {FIELDS.map(([field, text, type]) => (
        <div key={field}>
          <label htmlFor={`contact-${field}`}>{text}</label>
          <input
            id={`contact-${field}`}
            type={type}
            value={contact[field]}
            onChange={(e) => setContact({ ...contact, [field]: e.target.value })}
          />
        </div>
      ))}
      <div className="buttons">
        <button type="submit">Save contact</button>
        <Notice notice={notice} />
      </div>
    </form>
  );
}
