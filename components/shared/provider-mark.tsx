import { vendorLabel, type StoredCase } from '@/lib/core/model';
import { PLATFORMS } from '@/lib/core/platforms';

/** The platform's small coloured mark (decorative; lib/core/platforms.ts) followed by the vendor's name as text. */
export function ProviderMark({ item }: { item: Pick<StoredCase, 'provider' | 'vendorName'> }) {
  const label = vendorLabel(item);
  const platform = PLATFORMS[item.provider];
  const mark = platform.mark || label.slice(0, 2).toUpperCase();
  return (
    <span className="provider" data-provider={item.provider}>
      <span className="provider-mark" style={{ background: platform.colour }} aria-hidden="true">
        {mark}
      </span>
      <span className="provider-name" dir="auto">
        {label}
      </span>
    </span>
  );
}
