/** The adapter registry: one entry per portal family, keyed by provider id. */
import type { ProviderId } from '../model';
import { azure } from './azure';
import type { ProviderAdapter } from './types';
import { zendesk } from './zendesk';

export const ADAPTERS: ProviderAdapter[] = [zendesk, azure];

export function getAdapter(id: ProviderId): ProviderAdapter | undefined {
  return ADAPTERS.find((a) => a.id === id);
}
