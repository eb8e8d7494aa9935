import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Reports } from '@/components/charts/reports';
import { ErrorBoundary } from '@/components/shared/error-boundary';
import '@/components/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary what="The reports">
      <Reports />
    </ErrorBoundary>
  </StrictMode>,
);
