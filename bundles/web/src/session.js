import { reactive } from 'vue'
import { api, setCsrfToken } from './api.js'
import { dayIn } from './logic.js'

/** Who is signed in: user name and roles, from GET/POST /session. The CSRF token stays in api.js. */
export const session = reactive({ user: null, roles: [], checked: false, timeZone: null, businessDate: null })

function take(body) {
  session.user = body?.username ?? null
  session.roles = body?.roles ?? []
  session.timeZone = body?.timeZone ?? null
  session.businessDate = body?.businessDate ?? null
  setCsrfToken(body?.csrfToken ?? null)
}

/**
 * Today in the company's calendar (the business time zone /session names), as YYYY-MM-DD: a browser in another zone —
 * or a machine set to UTC — must not put this morning's orders into yesterday's month.
 */
export function businessToday() {
  return dayIn(session.timeZone, new Date()) ?? session.businessDate ?? new Date().toISOString().slice(0, 10)
}

export async function restore() {
  try {
    take(await api('GET', '/session', undefined, { quiet401: true }))
  } catch {
    take(null)
  }
  session.checked = true
}

export async function signIn(username, password) {
  take(await api('POST', '/session', { username, password }, { quiet401: true }))
}

export async function signOut() {
  try {
    await api('DELETE', '/session', undefined, { quiet401: true })
  } finally {
    take(null)
  }
}

export function forget() {
  take(null)
}
