import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { scenes } from '../scenes';
import { App } from './app/App';
import { installDebugHooks } from './app/debugHooks';
import { registerOffline } from './embed/offline';
import { UpdateBanner } from './embed/UpdateBanner';
import './app/app.css';

// The one file in src/ that imports scenes/: the registry is handed to the app here.
installDebugHooks(scenes);
registerOffline();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <UpdateBanner />
    <App scenes={scenes} />
  </StrictMode>,
);
