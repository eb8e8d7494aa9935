import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PrintView } from '@/components/print-view';
import { printKeys } from '@/lib/export/print-keys';
import '@/components/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PrintView keys={printKeys(location.search)} />
  </StrictMode>,
);
