/**
 * Registration 1 of 2 for a family: its record (./<id>/family.ts). Provider ids, platform marks,
 * content-script hosts, tap patterns, contacts, clocks and status spellings are all derived from this
 * list. Data only, so lib/core may read it (eslint.config.mjs); the order is the order menus list them in.
 */
import { AWS } from './aws/family';
import { AZURE } from './azure/family';
import { FRESHDESK } from './freshdesk/family';
import { GCP } from './gcp/family';
import { JIRA_SERVICE_MANAGEMENT } from './jira-service-management/family';
import { MICROSOFT_365 } from './microsoft-365/family';
import { PARTNER_CENTER } from './microsoft-partner-center/family';
import { SALESFORCE } from './salesforce/family';
import { SERVICENOW } from './servicenow/family';
import { ZENDESK } from './zendesk/family';

export const FAMILY_RECORDS = [
  MICROSOFT_365,
  PARTNER_CENTER,
  AZURE,
  AWS,
  GCP,
  ZENDESK,
  FRESHDESK,
  JIRA_SERVICE_MANAGEMENT,
  SERVICENOW,
  SALESFORCE,
] as const;
