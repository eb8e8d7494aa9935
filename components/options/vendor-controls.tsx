/**
 * Options → Portals: the one place a vendor is named and its cases can be deleted wholesale. The name
 * typed here shows on every case of the portal at once (popup, dashboard, exports, notifications).
 */
import { useState } from 'react';
import { getDb, type VendorPortal } from '@/lib/store/db';
import { defaultVendorName } from '@/lib/core/portals';
import { deletePortalCases } from '@/lib/cases/dashboard-actions';
import { mapVendorStatus, platformName, renameVendor, vendorDisplayName } from '@/lib/store/vendors';
import { humanLabel, STATE_LABELS } from '@/lib/cases/format';
import { askForSweep } from '@/lib/core/messages';

export function VendorControls({ vendor, caseCount }: { vendor: VendorPortal; caseCount: number }) {
  const shown = vendorDisplayName(vendor);
  const [message, setMessage] = useState<string | null>(null);
  const where = vendor.origin ? new URL(vendor.origin).host : 'entered by hand';
  const save = async (value: string) => {
    if (value.trim() === (vendor.userName ?? '')) return;
    try {
      const name = await renameVendor(getDb(), vendor.portal, value, new Date().toISOString());
      setMessage(`Shown as ${name} everywhere.`);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  const remove = async () => {
    const question = `Delete all ${caseCount} case${caseCount === 1 ? '' : 's'} of ${shown} (${where}) with their history, snoozes and notes? Only a backup can bring them back.`;
    if (!confirm(question)) return;
    const n = await deletePortalCases(getDb(), vendor.portal, new Date().toISOString());
    setMessage(`Deleted ${n} case${n === 1 ? '' : 's'} of ${shown}.`);
  };
  const platform = platformName(vendor.provider);
  return (
    <div className="vendor-controls" data-testid="vendor-controls" data-portal={vendor.portal}>
      <label>
        Vendor name{' '}
        <input
          key={vendor.userName ?? ''}
          defaultValue={vendor.userName ?? ''}
          placeholder={vendor.readName ?? defaultVendorName(vendor.provider, vendor.portal)}
          maxLength={80}
          aria-label={`Vendor name for ${where}`}
          onBlur={(e) => void save(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void save(e.currentTarget.value)}
        />
      </label>
      <span className="vendor-meta">
        {platform && platform !== shown ? ` runs on ${platform} · ` : ' '}
        {caseCount} case{caseCount === 1 ? '' : 's'}
      </span>
      {caseCount > 0 && (
        <button type="button" className="link-button danger" onClick={() => void remove()}>
          Delete these {caseCount} cases…
        </button>
      )}
      <MappedLabels vendor={vendor} shown={shown} onMessage={setMessage} />
      {message && <p role="status">{message}</p>}
    </div>
  );
}

/** The status words the user mapped for this portal (from a popup row), each with a way back. */
function MappedLabels({
  vendor,
  shown,
  onMessage,
}: {
  vendor: VendorPortal;
  shown: string;
  onMessage: (m: string) => void;
}) {
  const mapped = Object.values(vendor.statusMap ?? {});
  if (mapped.length === 0) return null;
  const forget = async (label: string) => {
    const n = await mapVendorStatus(getDb(), vendor.portal, label, null, new Date().toISOString());
    await askForSweep();
    onMessage(
      `“${humanLabel(label)}” is unread again at ${shown}: ${n} case${n === 1 ? '' : 's'} back under “Needs a look”.`,
    );
  };
  return (
    <ul className="mapped-labels" aria-label={`Status words mapped for ${shown}`}>
      {mapped.map(({ label, state }) => (
        <li key={label}>
          <span dir="auto" title={`The portal says: ${label}`}>
            “{humanLabel(label)}”
          </span>{' '}
          means {STATE_LABELS[state]}{' '}
          <button type="button" className="link-button" onClick={() => void forget(label)}>
            Forget
          </button>
        </li>
      ))}
    </ul>
  );
}
