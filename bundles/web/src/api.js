// The one way to the REST API: same origin, the session cookie, the CSRF token on every write,
// problem+json turned into ApiError. No password is ever kept: only the token, in memory.
let csrfToken = null
let onUnauthorized = () => {}

export function setCsrfToken(token) {
  csrfToken = token
}

export function whenUnauthorized(handler) {
  onUnauthorized = handler
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || 'HTTP ' + status)
    this.status = status
    this.problem = problem ?? {}
  }
}

export async function api(method, path, body, { quiet401 = false, raw = false } = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  // A file (a contract's scan) goes as it is, with its own type; anything else as JSON.
  if (body !== undefined) headers['Content-Type'] = raw ? body.type || 'application/octet-stream' : 'application/json'
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  const res = await fetch('/api/v1' + path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body)
  })
  const text = res.status === 204 ? '' : await res.text()
  let data = null
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = { detail: text }
    }
  }
  if (!res.ok) {
    if (res.status === 401 && !quiet401) onUnauthorized()
    throw new ApiError(res.status, data)
  }
  return data
}

export const get = (path) => api('GET', path)
export const post = (path, body) => api('POST', path, body ?? {})
export const put = (path, body) => api('PUT', path, body)
export const upload = (path, file) => api('POST', path, file, { raw: true })

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, v)
  const s = q.toString()
  return s ? '?' + s : ''
}

/** Active products whose SKU, name or CAS number matches `q`, for an autocomplete's suggestions (none when the API fails). */
export async function productSuggestions(q, cb) {
  try {
    cb((await get('/products' + query({ q, active: true, limit: 20 }))).items)
  } catch {
    cb([])
  }
}
