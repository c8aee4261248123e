import { ConfigProvider, ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { ReactNode } from 'react';

/**
 * Ant Design's default link blue, its grey secondary and disabled texts, its green tags and success texts fall short of WCAG 2.1 AA contrast (4.5:1) on white;
 * these darker tokens meet it.
 */
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    // The hover colour too: a button under the pointer (just clicked) keeps its contrast (the default #4096ff does not).
    colorPrimaryHover: '#003eb3',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.6)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.6)',
    // A finished progress bar's 完成 and its tick are written in the success colour: the default #52c41a has 2.1:1 on
    // the page's #f5f5f5; green-8 has 5.1:1.
    colorSuccess: '#237804',
    // No transitions: a clerk's screen changes at once (and a contrast check never meets a half-faded colour).
    motion: false,
  },
  components: {
    Menu: {
      darkItemColor: 'rgba(255, 255, 255, 0.85)',
      darkItemSelectedBg: '#0958d9',
      darkItemSelectedColor: '#ffffff',
    },
  },
};

/** Chinese texts, the accessible theme, and buttons labelled exactly as written (no space inserted in 退回). */
export function ConsoleProvider({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      {children}
    </ConfigProvider>
  );
}
