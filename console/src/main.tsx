import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { ApiProblem } from './api/problem';
import { App } from './App';
import { session } from './auth/session';
import { LocaleProvider } from './i18n/i18n';
import { ToastProvider } from './ui/toasts';
import './ui/styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A refusal (4xx) will not change by asking again; a network or server error may.
      retry: (count, error) => !(error instanceof ApiProblem && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

void session.resume();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <ToastProvider>
          <Router base="/admin">
            <App />
          </Router>
        </ToastProvider>
      </LocaleProvider>
    </QueryClientProvider>
  </StrictMode>,
);
