import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Dashboard } from '@/components/dashboard/dashboard';
import { DataPanel } from '@/components/dashboard/data-panel';
import { ErrorBoundary } from '@/components/shared/error-boundary';
import '@/components/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Whatever fails to draw, export, backup and restore stay reachable. */}
    <ErrorBoundary what="The dashboard" recovery={<DataPanel shownKeys={[]} />}>
      <Dashboard />
    </ErrorBoundary>
  </StrictMode>,
);
