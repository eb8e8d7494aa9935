import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/shared/error-boundary';
import { Timeline } from '@/components/popup/timeline';
import '@/components/styles.css';

// If the list itself cannot be drawn, the way to the user's data (export, backup, restore) stays open.
const recovery = (
  <p>
    Your cases are still stored: open{' '}
    <a href="/dashboard.html" target="_blank" rel="noreferrer">
      All cases
    </a>{' '}
    to export, back up or restore them.
  </p>
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary what="The case list" recovery={recovery}>
      <Timeline />
    </ErrorBoundary>
  </StrictMode>,
);
