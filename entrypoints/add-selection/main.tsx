import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/shared/error-boundary';
import { AddSelection } from '@/components/selection/add-selection';
import '@/components/styles.css';

const params = new URLSearchParams(location.search);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary what="The add-to-case dialog">
      <AddSelection
        text={params.get('text') ?? ''}
        pageUrl={params.get('page') ?? ''}
        pageTitle={params.get('title') ?? ''}
      />
    </ErrorBoundary>
  </StrictMode>,
);
