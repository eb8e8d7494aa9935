/** The adapter registry: one entry per portal family, keyed by provider id. */
import { aws } from './aws';
import { azure } from './azure';
import { freshdesk } from './freshdesk';
import { gcp } from './gcp';
import { jiraServiceManagement } from './jira-service-management';
import { microsoft365 } from './microsoft-365';
import { partnerCenter } from './microsoft-partner-center';
import { salesforce } from './salesforce';
import { servicenow } from './servicenow';
import { guarded } from './guard';
import type { ProviderAdapter } from './types';
import { zendesk } from './zendesk';

/** Every family, each guarded so that what it returns always fits the store (guard.ts). */
export const ADAPTERS: ProviderAdapter[] = [zendesk, azure, aws, gcp, partnerCenter, microsoft365, freshdesk, jiraServiceManagement, servicenow, salesforce].map(guarded);
