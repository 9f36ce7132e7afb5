import '@xyflow/react/dist/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './styles/theme.css';
import './styles/layout.css';
import './styles/canvas.css';
import './styles/panels.css';
import './styles/expression.css';
import './styles/layers.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html: the #root element is missing');
createRoot(root).render(<StrictMode><App /></StrictMode>);
