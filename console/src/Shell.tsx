// The frame around every screen: navigation (only what the user's permissions open), the language,
// the newsroom's time zone, and signing out. Moving to another screen puts focus on its title.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from './api/client';
import { unwrap } from './api/problem';
import { ChangePasswordDialog } from './auth/ChangePasswordDialog';
import { session } from './auth/session';
import { useCan, useUser } from './auth/useSession';
import type { Permission } from './auth/permissions';
import type { MessageKey } from './i18n/en';
import { LANGUAGES, useLocale, type Language } from './i18n/i18n';
import { Button } from './ui/components';

interface NavItem {
  href: string;
  label: MessageKey;
  anyOf: Permission[];
}

const WORK: NavItem[] = [
  { href: '/', label: 'nav.desk', anyOf: ['article.edit.own', 'article.edit.any'] },
  { href: '/photos', label: 'nav.photos', anyOf: ['media.upload', 'media.edit', 'media.delete'] },
  { href: '/imports', label: 'nav.imports', anyOf: ['import.run'] },
];
const ADMIN: NavItem[] = [
  { href: '/people', label: 'nav.people', anyOf: ['user.manage'] },
  { href: '/roles', label: 'nav.roles', anyOf: ['role.manage'] },
  { href: '/sections', label: 'nav.sections', anyOf: ['category.manage'] },
  { href: '/audit', label: 'nav.audit', anyOf: ['audit.read'] },
  { href: '/webhooks', label: 'nav.webhooks', anyOf: ['webhook.manage'] },
];

export function useNewsroom() {
  return useQuery({ queryKey: ['newsroom'], queryFn: async () => unwrap(await api.GET('/api/admin/newsroom')), staleTime: Infinity });
}

export function Shell({ children }: { children: ReactNode }) {
  const { t, language, setLanguage, setTimeZone, timeZone, zone } = useLocale();
  const user = useUser();
  const can = useCan();
  const [location] = useLocation();
  const newsroom = useNewsroom();
  const [changingPassword, setChangingPassword] = useState(false);

  useEffect(() => {
    if (newsroom.data) setTimeZone(newsroom.data.timeZone);
  }, [newsroom.data, setTimeZone]);

  const visible = (items: NavItem[]) => items.filter((item) => item.anyOf.some(can));
  const current = (href: string) => (href === '/' ? location === '/' : location.startsWith(href));
  const links = (items: NavItem[]) => (
    <ul>
      {visible(items).map((item) => (
        <li key={item.href}>
          <Link href={item.href} aria-current={current(item.href) ? 'page' : undefined}>
            {t(item.label)}
          </Link>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <nav className="shell-nav" aria-label={t('shell.nav')}>
        <Link href="/" className="brand">
          Masthead
        </Link>
        {links(WORK)}
        {visible(ADMIN).length > 0 && (
          <>
            <div className="nav-group" aria-hidden="true">
              {t('nav.administration')}
            </div>
            {links(ADMIN)}
          </>
        )}
        <div className="account">
          <div className="who">
            {user.displayName}
            <div className="tz-note">{user.email}</div>
          </div>
          <div className="tz-note">{t('shell.timeZone', { zone: timeZone, offset: zone })}</div>
          <label className="visually-hidden" htmlFor="language-select">
            {t('shell.language')}
          </label>
          <select id="language-select" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
          <Button onClick={() => setChangingPassword(true)}>{t('account.changePassword')}</Button>
          <Button onClick={() => void session.signOut()}>{t('shell.signOut')}</Button>
          <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
        </div>
      </nav>
      <main className="shell-main" id="main">
        {children}
      </main>
    </div>
  );
}
