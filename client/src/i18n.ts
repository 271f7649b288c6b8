/**
 * Interface texts in Vietnamese (the default) and English, and a tiny React context to use them.
 * Messages coming from the server are shown as they are (they are already Vietnamese).
 */
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AgencyKind, Role } from './gql/graphql';

/** The supported interface languages. */
export type Lang = 'vi' | 'en';

const vi = {
  'app.name': 'Phối Hợp',
  'app.tagline': 'Điều phối thi hành án dân sự',
  'app.title': 'Phối Hợp — Điều phối thi hành án dân sự',
  'app.skipToContent': 'Chuyển đến nội dung chính',
  'app.switchLanguage': 'English',
  'app.footer': 'Nền tảng phối hợp liên ngành trong thi hành án dân sự',

  'signIn.heading': 'Đăng nhập',
  'signIn.intro': 'Dành cho cán bộ các cơ quan tham gia phối hợp thi hành án dân sự.',
  'signIn.username': 'Tên đăng nhập',
  'signIn.password': 'Mật khẩu',
  'signIn.showPassword': 'Hiện mật khẩu',
  'signIn.submit': 'Đăng nhập',
  'signIn.submitting': 'Đang đăng nhập…',
  'signIn.missingFields': 'Vui lòng nhập tên đăng nhập và mật khẩu.',
  'signIn.sessionExpired': 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
  'signIn.signedOut': 'Bạn đã đăng xuất.',

  'error.network': 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  'error.server': 'Máy chủ gặp sự cố (mã {status}). Vui lòng thử lại sau.',
  'error.unexpected': 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.',

  'home.loading': 'Đang tải thông tin…',
  'home.greeting': 'Xin chào, {name}',
  'home.profile': 'Thông tin tài khoản',
  'home.username': 'Tên đăng nhập',
  'home.agency': 'Cơ quan',
  'home.roles': 'Vai trò',
  'home.server': 'Máy chủ',
  'home.version': 'Phiên bản',
  'home.instance': 'Mã máy chủ',
  'home.retry': 'Thử lại',
  'home.signOut': 'Đăng xuất',
  'home.signingOut': 'Đang đăng xuất…',
  'home.casesHeading': 'Việc thi hành án',
  'home.casesPlaceholder':
    'Danh sách việc thi hành án được chia sẻ với cơ quan của bạn sẽ có trong bản phát hành tiếp theo: trao đổi theo từng việc, phân công nhiệm vụ, lịch vận động, thuyết phục và cưỡng chế, cập nhật trực tuyến.',

  'live.connecting': 'Đang kết nối…',
  'live.connected': 'Đang kết nối trực tuyến',
  'live.reconnecting': 'Mất kết nối — đang thử lại',

  'role.SYSTEM_ADMIN': 'Quản trị hệ thống',
  'role.AGENCY_ADMIN': 'Quản trị cơ quan',
  'role.AGENCY_HEAD': 'Thủ trưởng cơ quan',
  'role.ENFORCEMENT_OFFICER': 'Chấp hành viên',
  'role.OFFICER': 'Cán bộ',
  'role.STEERING_MEMBER': 'Thành viên Ban Chỉ đạo THADS',
  'role.PROCURATOR': 'Kiểm sát viên',

  'agencyKind.ENFORCEMENT_OFFICE': 'Cơ quan thi hành án dân sự',
  'agencyKind.POLICE': 'Công an',
  'agencyKind.COURT': 'Tòa án nhân dân',
  'agencyKind.PROCURACY': 'Viện kiểm sát nhân dân',
  'agencyKind.PEOPLES_COMMITTEE': 'Ủy ban nhân dân',
  'agencyKind.STEERING_COMMITTEE': 'Ban Chỉ đạo thi hành án dân sự',
  'agencyKind.BANK': 'Ngân hàng',
  'agencyKind.MASS_ORGANISATION': 'Tổ chức chính trị – xã hội',
  'agencyKind.OTHER': 'Cơ quan, tổ chức khác',
} as const;

/** Every text key; `vi` is the reference dictionary. */
export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'app.name': 'Phối Hợp',
  'app.tagline': 'Civil judgment enforcement coordination',
  'app.title': 'Phối Hợp — Civil judgment enforcement coordination',
  'app.skipToContent': 'Skip to main content',
  'app.switchLanguage': 'Tiếng Việt',
  'app.footer': 'Inter-agency coordination of civil judgment enforcement',

  'signIn.heading': 'Sign in',
  'signIn.intro': 'For officials of the agencies that coordinate civil judgment enforcement.',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.showPassword': 'Show password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.missingFields': 'Please enter your username and password.',
  'signIn.sessionExpired': 'Your session has expired. Please sign in again.',
  'signIn.signedOut': 'You have signed out.',

  'error.network': 'Cannot reach the server. Please check your connection and try again.',
  'error.server': 'The server had a problem (status {status}). Please try again later.',
  'error.unexpected': 'Something unexpected went wrong. Please try again.',

  'home.loading': 'Loading…',
  'home.greeting': 'Hello, {name}',
  'home.profile': 'Your account',
  'home.username': 'Username',
  'home.agency': 'Agency',
  'home.roles': 'Roles',
  'home.server': 'Server',
  'home.version': 'Version',
  'home.instance': 'Instance',
  'home.retry': 'Try again',
  'home.signOut': 'Sign out',
  'home.signingOut': 'Signing out…',
  'home.casesHeading': 'Enforcement cases',
  'home.casesPlaceholder':
    'The enforcement cases shared with your agency arrive in a later release: a thread per case, tasks, persuasion visits and coercions, all updated live.',

  'live.connecting': 'Connecting…',
  'live.connected': 'Connected live',
  'live.reconnecting': 'Connection lost — retrying',

  'role.SYSTEM_ADMIN': 'System administrator',
  'role.AGENCY_ADMIN': 'Agency administrator',
  'role.AGENCY_HEAD': 'Head of agency',
  'role.ENFORCEMENT_OFFICER': 'Enforcement officer',
  'role.OFFICER': 'Officer',
  'role.STEERING_MEMBER': 'Enforcement steering committee member',
  'role.PROCURATOR': 'Procurator',

  'agencyKind.ENFORCEMENT_OFFICE': 'Civil judgment enforcement office',
  'agencyKind.POLICE': 'Police',
  'agencyKind.COURT': "People's Court",
  'agencyKind.PROCURACY': "People's Procuracy",
  'agencyKind.PEOPLES_COMMITTEE': "People's Committee",
  'agencyKind.STEERING_COMMITTEE': 'Enforcement steering committee',
  'agencyKind.BANK': 'Bank',
  'agencyKind.MASS_ORGANISATION': 'Mass organisation',
  'agencyKind.OTHER': 'Other agency or organisation',
};

/** Both dictionaries, keyed by language. */
export const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** Placeholder values for `{name}`-style slots in a message. */
export type MessageParams = Record<string, string | number>;

/** Looks up `key` in `lang` and fills `{slots}` from `params`. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = dictionaries[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => (name in params ? String(params[name]) : slot));
}

/** The translate function bound to the current language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Label of a role code in the current language. */
export const roleLabel = (t: Translate, role: Role): string => t(`role.${role}`);

/** Label of an agency kind in the current language. */
export const agencyKindLabel = (t: Translate, kind: AgencyKind): string => t(`agencyKind.${kind}`);

const STORAGE_KEY = 'phoihop.lang';

function storedLang(): Lang {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi'; // storage blocked (privacy mode): default language
  }
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Provides the language (Vietnamese unless the user chose English before) to the app. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across visits; the choice still applies now.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);

  const value = useMemo<I18nValue>(() => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }), [lang, setLang]);
  return createElement(I18nContext.Provider, { value }, children);
}

/** The language and its setter. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translate function for the current language. */
export function useT(): Translate {
  return useI18n().t;
}
