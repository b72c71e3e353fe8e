import { useEffect, useLayoutEffect } from 'react';
import { useLanguage } from '../i18n/language';
import { common, type Bilingual } from '../i18n/messages';

/**
 * The browser tab's title in the chosen language: the screen, then the console's name (UI-1). The frame sets
 * each route's title as a fallback (a layout effect, so it runs before the screen's own effects); a screen that
 * calls this hook itself, e.g. with an order number, has the last word.
 */
export function usePageTitle(title: Bilingual | string | null | undefined, options?: { fallback?: boolean }) {
  const { t } = useLanguage();
  const screen = typeof title === 'string' ? title : title ? t(title) : null;
  const text = screen ? `${screen} · ${t(common.appTitle)}` : t(common.appTitle);
  const useTitleEffect = options?.fallback ? useLayoutEffect : useEffect;
  useTitleEffect(() => {
    document.title = text;
  }, [text]);
}
