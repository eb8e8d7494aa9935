import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/shared/error-boundary';
import { PrintView } from '@/components/print/print-view';
import { printKeys } from '@/lib/export/print-keys';
import '@/components/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary what="The print view">
      <PrintView keys={printKeys(location.search)} />
    </ErrorBoundary>
  </StrictMode>,
);
