import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsForm } from '@/components/options-form';
import { PortalSettings } from '@/components/portal-settings';
import '@/components/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsForm />
    <PortalSettings />
  </StrictMode>,
);
