// Signed out: the sign-in form, whatever the address. Signed in: the shell and the screen the
// address names. Screens other than the desk load when first opened. A preview link's page is public:
// it shows without the sign-in and without the console around it.
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { Route, Switch, useRoute } from 'wouter';
import { LoginPage } from './auth/LoginPage';
import { useSession } from './auth/useSession';
import { DeskPage } from './desk/DeskPage';
import { useT } from './i18n/i18n';
import { SHARED_PREVIEW_PATH } from './shared-preview/link';
import { Shell } from './Shell';
import { Empty, Loading } from './ui/components';

const EditorPage = lazy(() => import('./stories/EditorPage'));
const NewStoryPage = lazy(() => import('./stories/NewStoryPage'));
const PreviewPage = lazy(() => import('./stories/PreviewPage'));
const HistoryPage = lazy(() => import('./history/HistoryPage'));
const LibraryPage = lazy(() => import('./photos/LibraryPage'));
const ImportPage = lazy(() => import('./imports/ImportPage'));
const UsersPage = lazy(() => import('./people/UsersPage'));
const RolesPage = lazy(() => import('./people/RolesPage'));
const SectionsPage = lazy(() => import('./sections/SectionsPage'));
const AuditPage = lazy(() => import('./audit/AuditPage'));
const WebhooksPage = lazy(() => import('./webhooks/WebhooksPage'));
const WebhookPage = lazy(() => import('./webhooks/WebhookPage'));
const SharedPreviewPage = lazy(() => import('./shared-preview/SharedPreviewPage'));

export function App() {
  const state = useSession();
  const queryClient = useQueryClient();
  const t = useT();
  const [sharedPreview] = useRoute(SHARED_PREVIEW_PATH);

  // Nothing one user fetched may show to the next one signing in on this browser.
  useEffect(() => {
    if (state.status === 'signed-out') queryClient.clear();
  }, [state.status, queryClient]);

  if (sharedPreview)
    return (
      <Suspense fallback={<Loading label={t('common.loading')} />}>
        <SharedPreviewPage />
      </Suspense>
    );
  if (state.status === 'starting') return <Loading label={t('common.loading')} />;
  if (state.status === 'signed-out') return <LoginPage reason={state.reason} />;
  return (
    <Shell>
      <Suspense fallback={<Loading label={t('common.loading')} />}>
        <Switch>
          <Route path="/" component={DeskPage} />
          <Route path="/stories/new" component={NewStoryPage} />
          <Route path="/stories/:id/preview" component={PreviewPage} />
          <Route path="/stories/:id/history" component={HistoryPage} />
          <Route path="/stories/:id" component={EditorPage} />
          <Route path="/photos" component={LibraryPage} />
          <Route path="/imports" component={ImportPage} />
          <Route path="/people" component={UsersPage} />
          <Route path="/roles" component={RolesPage} />
          <Route path="/sections" component={SectionsPage} />
          <Route path="/audit" component={AuditPage} />
          <Route path="/webhooks" component={WebhooksPage} />
          <Route path="/webhooks/:id" component={WebhookPage} />
          <Route>
            <Empty>{t('common.notFound')}</Empty>
          </Route>
        </Switch>
      </Suspense>
    </Shell>
  );
}
