import { Button } from 'antd';
import { useLanguage } from '../i18n/language';
import { common } from '../i18n/messages';

/** 中文 ⇄ English, remembered in this browser (UI-1). Its accessible name is its visible text and what it does. */
export function LanguageSwitch({ size = 'small' }: { size?: 'small' | 'middle' }) {
  const { t, language, setLanguage } = useLanguage();
  return (
    <Button
      size={size}
      onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
      aria-label={`${t(common.language)} · ${t(common.languageSwitch)}`}
    >
      {t(common.language)}
    </Button>
  );
}
