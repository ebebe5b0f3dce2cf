import { createI18n } from 'vue-i18n'
import messages from './messages.js'

const LANG_KEY = 'titrate.lang'
const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(LANG_KEY) : null

export const i18n = createI18n({ legacy: false, locale: saved === 'en' ? 'en' : 'zh-CN', fallbackLocale: 'zh-CN', messages })

/** Switches between zh-CN and English; the choice (never a credential) is remembered in the browser. */
export function toggleLanguage() {
  const next = i18n.global.locale.value === 'en' ? 'zh-CN' : 'en'
  i18n.global.locale.value = next
  localStorage.setItem(LANG_KEY, next)
  document.documentElement.lang = next
}
