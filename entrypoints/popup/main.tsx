import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Timeline } from '@/components/timeline';
import '@/components/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Timeline />
  </StrictMode>,
);
