/** The adapter registry: one entry per portal family, keyed by provider id. */
import { aws } from './adapters/aws';
import { azure } from './adapters/azure';
import { freshdesk } from './adapters/freshdesk';
import { gcp } from './adapters/gcp';
import { jiraServiceManagement } from './adapters/jira-service-management';
import { microsoft365 } from './adapters/microsoft-365';
import { partnerCenter } from './adapters/microsoft-partner-center';
import { salesforce } from './adapters/salesforce';
import { servicenow } from './adapters/servicenow';
import { guarded } from './guard';
import type { ProviderAdapter } from './types';
import { zendesk } from './adapters/zendesk';

/** Every family, each guarded so that what it returns always fits the store (guard.ts). */
export const ADAPTERS: ProviderAdapter[] = [
  zendesk,
  azure,
  aws,
  gcp,
  partnerCenter,
  microsoft365,
  freshdesk,
  jiraServiceManagement,
  servicenow,
  salesforce,
].map(guarded);
