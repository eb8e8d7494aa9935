// Benchmark baseline: an extension page that renders one React list element, nothing else.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <ul>
    <li data-testid="case-row">baseline</li>
  </ul>,
);
