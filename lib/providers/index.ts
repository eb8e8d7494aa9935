/** The adapter registry: one entry per portal family, keyed by provider id. */
import type { ProviderId } from '../model';
import { aws } from './aws';
import { azure } from './azure';
import { gcp } from './gcp';
import { microsoft365 } from './microsoft-365';
import { partnerCenter } from './microsoft-partner-center';
import type { ProviderAdapter } from './types';
import { zendesk } from './zendesk';

export const ADAPTERS: ProviderAdapter[] = [zendesk, azure, aws, gcp, partnerCenter, microsoft365];

export function getAdapter(id: ProviderId): ProviderAdapter | undefined {
  return ADAPTERS.find((a) => a.id === id);
}
