import { Button } from 'antd';
import { useLanguage } from '../i18n/language';
import { common } from '../i18n/messages';

/** Switches between Chinese and English; the choice is remembered in this browser (UI-1). */
export function LanguageSwitch({ size = 'small' }: { size?: 'small' | 'middle' }) {
  const { t, language, setLanguage } = useLanguage();
  return (
    <Button
      size={size}
      onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
      aria-label={t(common.languageSwitch)}
    >
      {t(common.language)}
    </Button>
  );
}
