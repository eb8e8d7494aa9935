import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsForm } from '@/components/options-form';
import { PortalSettings } from '@/components/portal-settings';
import '@/components/styles.css';

// One landmark for the whole page; each settings concern stays its own component inside it.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main className="options-page">
      <OptionsForm />
      <PortalSettings />
    </main>
  </StrictMode>,
);
