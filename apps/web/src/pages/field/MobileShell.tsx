import './mobile-setup.ts';
import { NavBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, switchLanguage } from '../../i18n/index.ts';

/** The frame of a phone page: a nav bar, a language switch, content on a light grey background. */
export function MobileShell(props: { title: string; onBack?: () => void; right?: ReactNode; children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', maxWidth: 560, margin: '0 auto' }}>
      <NavBar
        back={props.onBack ? undefined : null}
        onBack={props.onBack}
        right={props.right}
        style={{ background: '#fff', borderBottom: '1px solid #eee', position: 'sticky', top: 0, zIndex: 10 }}
      >
        {props.title}
      </NavBar>
      <div style={{ padding: 12, paddingBottom: 32 }}>{props.children}</div>
    </div>
  );
}

/** 中 / EN toggle for the phone pages (the console's switch is an antd Segmented). */
export function MobileLanguageSwitch() {
  const { i18n } = useTranslation();
  const next: Language = i18n.language === 'en-US' ? 'zh-CN' : 'en-US';
  return (
    <button
      type="button"
      onClick={() => void switchLanguage(next)}
      data-testid="language-switch"
      style={{
        border: '1px solid #d9d9d9',
        background: '#fff',
        borderRadius: 12,
        padding: '2px 8px',
        fontSize: 12,
        color: '#555',
      }}
    >
      {next === 'en-US' ? 'EN' : '中文'}
    </button>
  );
}
