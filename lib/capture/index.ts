/** The adapter registry: one entry per portal family, keyed by provider id. */
import { aws } from './families/aws/adapter';
import { azure } from './families/azure/adapter';
import { freshdesk } from './families/freshdesk/adapter';
import { gcp } from './families/gcp/adapter';
import { jiraServiceManagement } from './families/jira-service-management/adapter';
import { microsoft365 } from './families/microsoft-365/adapter';
import { partnerCenter } from './families/microsoft-partner-center/adapter';
import { salesforce } from './families/salesforce/adapter';
import { servicenow } from './families/servicenow/adapter';
import { guarded } from './guard';
import type { ProviderAdapter } from './types';
import { zendesk } from './families/zendesk/adapter';

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
