/** The user's own email addresses: a saved email from one of them is "you", any other the vendor's. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { loadMyAddresses, saveMyAddresses } from '@/lib/cases/email-import';
import { getDb } from '@/lib/store/db';

export function MyAddresses() {
  const stored = useLiveQuery(() => loadMyAddresses(getDb()), []);
  return stored ? <AddressesForm initial={stored} /> : null;
}

function AddressesForm({ initial }: { initial: string[] }) {
  const [text, setText] = useState(initial.join('\n'));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async () => {
    try {
      const saved = await saveMyAddresses(getDb(), text);
      setStatus({ ok: true, text: `Saved ${saved.length} ${saved.length === 1 ? 'address' : 'addresses'}.` });
    } catch (error) {
      setStatus({ ok: false, text: `Not saved: ${(error as Error).message}` });
    }
  };
  return (
    <form
      className="my-addresses"
      aria-labelledby="my-addresses-title"
      onSubmit={(e) => (e.preventDefault(), void save())}
    >
      <h2 id="my-addresses-title">Your email addresses</h2>
      <label htmlFor="my-addresses-input">
        A vendor email you drop on the dashboard is filed as yours when it comes from one of these, else as the
        vendor&apos;s. One per line; <code>@contoso.example</code> stands for everyone at that domain.
      </label>
      <textarea
        id="my-addresses-input"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={'alex@contoso.example\n@contoso.example'}
      />
      <button type="submit">Save addresses</button>
      {status && (
        <p role="status" className={status.ok ? 'saved' : 'error'}>
          {status.text}
        </p>
      )}
    </form>
  );
}
