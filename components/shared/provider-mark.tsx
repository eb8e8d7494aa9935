import { vendorLabel, type ProviderId, type StoredCase } from '@/lib/core/model';

const MARKS: Partial<Record<ProviderId, string>> = {
  'microsoft-365': 'M365',
  'microsoft-partner-center': 'PC',
  azure: 'Az',
  aws: 'AWS',
  gcp: 'GC',
  zendesk: 'Zd',
  freshdesk: 'Fd',
  'jira-service-management': 'JS',
  servicenow: 'SN',
  salesforce: 'SF',
};

/** The provider's small coloured mark (decorative) followed by the vendor's name as text. */
export function ProviderMark({ item }: { item: Pick<StoredCase, 'provider' | 'vendorName'> }) {
  const label = vendorLabel(item);
  const mark = MARKS[item.provider] ?? label.slice(0, 2).toUpperCase();
  return (
    <span className="provider" data-provider={item.provider}>
      <span className={`provider-mark mark-${item.provider}`} aria-hidden="true">
        {mark}
      </span>
      <span className="provider-name" dir="auto">
        {label}
      </span>
    </span>
  );
}
