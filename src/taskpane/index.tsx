import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>试点表格助手</p>);
