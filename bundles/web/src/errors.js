import { ElMessage, ElMessageBox } from 'element-plus'
import { problemToFields, neededRoles } from './logic.js'
import { i18n } from './i18n.js'

const t = (k, p) => i18n.global.t(k, p)

/**
 * Shows what went wrong, never silently: a 400 puts each message at its field (into `fields`, a reactive
 * object the form reads), a 409 explains and offers to reload (and marks the field it names), a 403 names the roles that may.
 */
export function showError(e, { fields, reload } = {}) {
  const status = e?.status
  const problem = e?.problem ?? {}
  if (fields) for (const k of Object.keys(fields)) delete fields[k]
  if (status === 400 || status === 422) {
    const mapped = problemToFields(problem)
    if (fields) Object.assign(fields, mapped.fields)
    const list = Object.entries(mapped.fields).filter(([k]) => !k.includes('.') || !k.startsWith('lines.'))
    // The fields the detail does not already name are added to it.
    const extra = list.filter(([, v]) => !mapped.general.includes(v)).map(([k, v]) => k + ': ' + v)
    ElMessage({ type: 'error', message: mapped.general + (extra.length ? ' — ' + extra.join('; ') : ''), duration: 6000 })
  } else if (status === 409) {
    // A conflict naming a field (a quantity beyond what is open) is marked there too, beside the explanation.
    if (fields) Object.assign(fields, problemToFields(problem).fields)
    ElMessageBox.confirm(t('errors.conflict', { detail: problem.detail || problem.title || '' }), '409', {
      confirmButtonText: t('app.reload'), cancelButtonText: t('app.cancel'), type: 'warning'
    }).then(() => (reload ? reload() : window.location.reload())).catch(() => {})
  } else if (status === 403) {
    const roles = neededRoles(problem).map((r) => t('role.' + r)).join(' / ')
    ElMessage({ type: 'error', message: t('errors.forbidden', { roles: roles || problem.detail || '' }), duration: 6000 })
  } else if (status === 401) {
    // api.js sends the user back to the sign-in page
  } else {
    ElMessage({ type: 'error', message: t('errors.generic', { detail: problem.detail || e?.message || String(e) }), duration: 6000 })
  }
}

export function saved() {
  ElMessage({ type: 'success', message: t('errors.saved') })
}
