import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PrintView } from '@/components/print-view';
import '@/components/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PrintView keys={new URLSearchParams(location.search).get('keys')?.split(',').filter(Boolean) ?? null} />
  </StrictMode>,
);
