// The UI language (Simplified Chinese or English, from the browser unless chosen) and the newsroom's
// time zone: every text goes through `t`, every time through `formatTime`.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDateTime, zoneLabel } from '../ui/time';
import { en, type MessageKey } from './en';
import { zhHans } from './zh-Hans';

export type Language = 'zh-Hans' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-Hans', 'en'];
const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, 'zh-Hans': zhHans };
const STORAGE_KEY = 'masthead.language';
export const DEFAULT_TIME_ZONE = 'Asia/Kuala_Lumpur';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface Locale {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  timeZone: string;
  setTimeZone: (timeZone: string) => void;
  formatTime: (iso: string | Date) => string;
  zone: string;
}

function browserLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'zh-Hans') return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    if (/^zh\b/i.test(tag)) return 'zh-Hans';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return 'en';
}

export function translate(language: Language, key: MessageKey, values?: Record<string, string | number>): string {
  const text = CATALOGUES[language][key] ?? en[key] ?? key;
  return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : text;
}

const LocaleContext = createContext<Locale | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(browserLanguage);
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);

  const t = useCallback<Translate>((key, values) => translate(language, key, values), [language]);
  const formatTime = useCallback((iso: string | Date) => formatDateTime(iso, language, timeZone), [language, timeZone]);

  const value = useMemo(
    () => ({ language, setLanguage, t, timeZone, setTimeZone, formatTime, zone: zoneLabel(timeZone) }),
    [language, setLanguage, t, timeZone, formatTime],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  const locale = useContext(LocaleContext);
  if (!locale) throw new Error('useLocale outside LocaleProvider');
  return locale;
}

export const useT = () => useLocale().t;
