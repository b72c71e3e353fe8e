import { useEffect } from 'react';
import { useLanguage } from '../i18n/language';
import { common, type Bilingual } from '../i18n/messages';

/** The browser tab's title in the chosen language: the screen, then the console's name (UI-1). */
export function usePageTitle(title: Bilingual | null | undefined): void {
  const { t } = useLanguage();
  const text = title ? `${t(title)} · ${t(common.appTitle)}` : t(common.appTitle);
  useEffect(() => {
    document.title = text;
  }, [text]);
}
