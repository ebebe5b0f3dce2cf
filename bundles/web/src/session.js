import { reactive } from 'vue'
import { api, setCsrfToken } from './api.js'

/** Who is signed in: user name and roles, from GET/POST /session. The CSRF token stays in api.js. */
export const session = reactive({ user: null, roles: [], checked: false })

function take(body) {
  session.user = body?.username ?? null
  session.roles = body?.roles ?? []
  setCsrfToken(body?.csrfToken ?? null)
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
