import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/shared/error-boundary';
import { OptionsForm } from '@/components/options/options-form';
import { MyAddresses } from '@/components/options/my-addresses';
import { PortalSettings } from '@/components/options/portal-settings';
import '@/components/styles.css';

// One landmark for the whole page; each settings concern stays its own component inside it, and one
// that fails to draw leaves the other usable.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main className="options-page">
      <ErrorBoundary what="The alert settings">
        <OptionsForm />
      </ErrorBoundary>
      <ErrorBoundary what="The portal settings">
        <PortalSettings />
      </ErrorBoundary>
      <ErrorBoundary what="Your email addresses">
        <MyAddresses />
      </ErrorBoundary>
    </main>
  </StrictMode>,
);
