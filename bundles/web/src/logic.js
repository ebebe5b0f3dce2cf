// Front-end rules that do not depend on Vue: exact money arithmetic, problem+json to field messages,
// which actions a user may see. Unit-tested in logic.test.js.

/** A decimal (number or string) as a BigInt scaled by 10^scale, rounded half up; null for empty input. */
export function toScaled(value, scale) {
  if (value === null || value === undefined || value === '') return null
  let s = typeof value === 'number' ? numberToPlain(value) : String(value).trim()
  if (!/^[-+]?\d*(\.\d*)?$/.test(s) || s === '' || s === '-' || s === '.') return null
  const negative = s.startsWith('-')
  s = s.replace(/^[-+]/, '')
  const [int, frac = ''] = s.split('.')
  const digits = BigInt((int || '0') + frac.padEnd(scale + 1, '0').slice(0, scale + 1))
  const rounded = (digits + 5n) / 10n
  return negative ? -rounded : rounded
}

function numberToPlain(n) {
  // Numbers from JSON are at most a few decimals; toFixed(10) avoids exponent notation, trailing zeros do not matter.
  return Number.isInteger(n) ? String(n) : n.toFixed(10)
}

/** A scaled BigInt back to a plain decimal string with exactly `scale` places. */
export function scaledToString(v, scale) {
  const negative = v < 0n
  const s = (negative ? -v : v).toString().padStart(scale + 1, '0')
  const out = scale === 0 ? s : s.slice(0, -scale) + '.' + s.slice(-scale)
  return (negative ? '-' : '') + out
}

/** quantity × unit price, rounded half up to 2 places (as the server does), as a string; '' when incomplete. */
export function lineAmount(quantity, unitPrice) {
  const q = toScaled(quantity, 6)
  const p = toScaled(unitPrice, 6)
  if (q === null || p === null) return ''
  const product = q * p // scale 12
  const divisor = 10n ** 10n
  const abs = product < 0n ? -product : product
  let cents = (abs + divisor / 2n) / divisor
  if (product < 0n) cents = -cents
  return scaledToString(cents, 2)
}

/** Sum of the lines' amounts (each rounded first), as a string with 2 places. */
export function linesTotal(lines) {
  let sum = 0n
  for (const l of lines) {
    const a = lineAmount(l.quantity, l.unitPrice)
    if (a !== '') sum += toScaled(a, 2)
  }
  return scaledToString(sum, 2)
}

/** An amount for display: grouping, 2 places, currency symbol of the locale (¥ for CNY in zh-CN). */
export function formatMoney(amount, currency = 'CNY', locale = 'zh-CN') {
  if (amount === null || amount === undefined || amount === '') return ''
  const scaled = toScaled(amount, 2)
  if (scaled === null) return String(amount)
  const plain = scaledToString(scaled, 2)
  const negative = plain.startsWith('-')
  const [int, frac] = plain.replace('-', '').split('.')
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const symbol = currencySymbol(currency, locale)
  return (negative ? '-' : '') + symbol + grouped + '.' + frac
}

function currencySymbol(currency, locale) {
  if (currency === 'CNY') return '¥'
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0)
    return parts.find((p) => p.type === 'currency')?.value ?? currency + ' '
  } catch {
    return currency + ' '
  }
}

/**
 * A problem+json body to what a form shows: messages by field name (both the full name, e.g.
 * `lines[1].quantity`, and for lines the row's key `lines.1.quantity`), and the text for the top of the form.
 */
export function problemToFields(problem) {
  const fields = {}
  for (const e of problem?.errors ?? []) {
    if (!e || !e.field) continue
    const key = String(e.field)
    fields[key] = fields[key] ? fields[key] + '; ' + e.message : e.message
    const m = key.match(/^lines\[(\d+)\]\.(.+)$/)
    if (m) fields[`lines.${m[1]}.${m[2]}`] = fields[key]
  }
  const general = problem?.detail || problem?.title || ''
  return { fields, general }
}

/** The roles a 403's detail names ("one of [admin, sales] is needed"), or []. */
export function neededRoles(problem) {
  const m = /\[([^\]]*)\]/.exec(problem?.detail ?? '')
  return m ? m[1].split(',').map((s) => s.trim()).filter(Boolean) : []
}

export const ROLES = ['admin', 'sales', 'warehouse', 'purchasing', 'finance', 'viewer']

/** Which roles may do what; mirrors the API's @Allowed (admin may always). */
export const PERMISSIONS = {
  'customer.write': ['sales'],
  'product.write': ['purchasing'],
  'order.write': ['sales'],
  'order.confirm': ['sales'],
  'order.ship': ['warehouse', 'sales'],
  'order.cancel': ['sales'],
  'order.close': ['sales'],
  'order.returns': ['sales'],
  'order.submit': ['sales'],
  'order.approve': ['sales'],
  'order.reject': ['sales'],
  'order.receive': ['warehouse', 'sales'],
  'order.tracking': ['sales'],
  'stock.write': ['warehouse'],
  'purchase.write': ['purchasing'],
  'finance.write': ['finance'],
  // The finance ledger (receivables, payables, postings, registers) is read by finance and viewer (and admin) only.
  'finance.read': ['finance', 'viewer'],
  // Invoices: sales and finance request, finance issues, cancels and reverses; sales, finance and viewer read.
  'invoice.read': ['sales', 'finance', 'viewer'],
  'invoice.request': ['sales', 'finance'],
  'invoice.issue': ['finance'],
  // Contracts and employees are kept by sales; every role reads them, the menu shows them to who works with them.
  'contract.read': ['sales', 'finance', 'viewer'],
  'contract.write': ['sales'],
  'employee.read': ['sales', 'viewer'],
  'employee.write': ['sales'],
  // What invoices copy: the buyer's tax data (sales, finance) and a product's tax rate and classification code (purchasing, finance).
  'customer.taxData': ['sales', 'finance'],
  'product.tax': ['purchasing', 'finance'],
  'admin': []
}

export function can(roles, permission) {
  if (!roles) return false
  if (roles.includes('admin')) return true
  return (PERMISSIONS[permission] ?? []).some((r) => roles.includes(r))
}

/** The actions a document allows in its state (as the API's state machine does). */
const NEXT = {
  ORDER: { DRAFT: ['confirm', 'cancel'], CONFIRMED: ['ship', 'cancel'], SHIPPED: ['close', 'returns'], CLOSED: ['returns'] },
  RETURN: { DRAFT: ['submit'], SUBMITTED: ['approve', 'reject'], APPROVED: ['receive'], RECEIVED: ['close'] }
}

/** The action buttons a user sees on a sales document: possible now and allowed for one of their roles. */
export function orderActions(order, roles) {
  const possible = NEXT[order?.type]?.[order?.status] ?? []
  return possible.filter((a) => can(roles, 'order.' + a))
}

/**
 * Menu entries by role: everybody reads the lists; entry screens only for who may write them (purchase order entry
 * for purchasing), contracts and invoices for sales, finance and viewer, employees for sales and viewer, receivables, payables and their payments for who reads the finance ledger (finance, viewer), the inbox
 * for everybody when the notifications module answers, administration only for admins.
 */
export function menuFor(roles, { notifications = false } = {}) {
  const items = ['dashboard', 'customers', 'products', 'orders']
  if (can(roles, 'contract.read')) items.push('contracts')
  if (can(roles, 'invoice.read')) items.push('invoices')
  items.push('stock')
  if (can(roles, 'stock.write')) items.push('stockEntry')
  items.push('purchasing')
  if (can(roles, 'purchase.write')) items.push('purchaseEntry')
  if (can(roles, 'finance.read')) items.push('finance', 'payables')
  items.push('reports')
  if (notifications) items.push('notifications')
  if (can(roles, 'employee.read')) items.push('employees')
  if (roles?.includes('admin')) items.push('users', 'admin')
  return items
}

/** The route of a menu entry. */
export function routeOf(entry) {
  return { stockEntry: '/stock-entry', purchaseEntry: '/purchase-orders/new' }[entry] ?? '/' + entry
}

/**
 * A form's text as the JSON number the API expects; empty → null; text that is no number is sent as it is,
 * so the API's 400 names the field.
 */
export function toNumber(v) {
  if (v === null || v === undefined || String(v).trim() === '') return null
  const s = String(v).trim().replace(/,/g, '')
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : v
}

/**
 * The reporting module titles and labels in both languages ("销量汇总 Sales summary"): the Chinese part for
 * zh-CN, the English part otherwise; a label in one language only is kept as it is.
 */
export function bilingual(label, locale) {
  const m = /^(.*?[^\x00-\x7f][^A-Za-z]*?)\s+([A-Za-z].*)$/.exec(label ?? '')
  if (!m) return label ?? ''
  return locale === 'en' ? m[2] : m[1]
}

/** The reports a user may open: admin all, others those naming one of their roles. */
export function reportsFor(reports, roles) {
  if (!roles) return []
  return (reports ?? []).filter((r) => roles.includes('admin') || (r.roles ?? []).some((x) => roles.includes(x)))
}

/** The choices of a report's enumerated parameters (as the reporting module accepts them). */
export function reportChoices(report, parameter) {
  if (parameter === 'groupBy') {
    if (report === 'purchase-sales') return ['product', 'month']
    if (report === 'returns') return ['product', 'customer', 'lot', 'reason']
    return ['product', 'category', 'customer', 'channel', 'day', 'month']
  }
  return { by: ['product', 'customer'], measure: ['amount', 'quantity'], basis: ['moved', 'ordered'],
    flow: ['wholesale', 'wholesale-return', 'retail', 'retail-return', 'purchase-receipt', 'purchase-return'] }[parameter] ?? null
}

/** A line's quantity with the sign the API expects: RETURN lines negative, SHIP and RECEIVE lines as typed (unsigned). */
export function signedQuantity(line) {
  const q = String(line?.quantity ?? '').trim().replace(/^[-+]/, '')
  if (q === '') return ''
  return line.direction === 'RETURN' ? '-' + q : q
}

let lineSeq = 0
/** An empty grid line going `direction`, with a key of its own for the grid's rows. */
export function blankLine(direction) {
  return { key: ++lineSeq, sku: '', productName: '', quantity: '', unitPrice: '', deliveryDate: null, lot: '', expiryDate: null, direction, reasonCode: null }
}

/** A document line from the API as a grid row (quantity unsigned, as typed). */
export function gridLine(line) {
  return { ...blankLine(line.direction), ...line, quantity: String(line.quantity ?? '').replace(/^-/, ''), lot: line.lot ?? '', key: ++lineSeq }
}

/** The grid's filled lines as the API's lines: signed quantity, numbers, empty fields as null. */
export function linesBody(lines) {
  return lines.filter((l) => l.sku).map((l) => ({
    sku: l.sku, direction: l.direction, quantity: toNumber(signedQuantity(l)), unitPrice: toNumber(l.unitPrice),
    deliveryDate: l.deliveryDate || null, lot: l.lot || null, expiryDate: l.expiryDate || null, reasonCode: l.reasonCode || null
  }))
}

/** An instant from the API (ISO, UTC) as local date and time to the minute, "2026-11-30 20:05"; '' when absent. */
export function formatTime(iso) {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return String(iso)
  const p = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** The calendar day of {@code instant} in {@code timeZone} as YYYY-MM-DD; null without a zone the browser knows. */
export function dayIn(timeZone, instant) {
  if (!timeZone) return null
  try {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant)
    const get = (type) => parts.find((p) => p.type === type)?.value
    return `${get('year')}-${get('month')}-${get('day')}`
  } catch {
    return null
  }
}

/** The first day of the month {@code back} months before the month of {@code isoDay} (YYYY-MM-DD). */
export function monthStartOf(isoDay, back = 0) {
  const [y, m] = isoDay.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 10)
}

/** The buttons an invoice shows in its state for the user's roles: a request is issued or cancelled, an issued blue invoice reversed (red). */
export function invoiceActions(invoice, roles) {
  if (!can(roles, 'invoice.issue')) return []
  if (invoice?.status === 'REQUESTED') return ['issue', 'cancel']
  if (invoice?.status === 'ISSUED' && invoice.kind === 'BLUE') return ['red']
  return []
}

/** The buttons a contract shows: a draft is edited, activated or terminated; an active one terminated, or expired after its last day. */
export function contractActions(contract, roles, today) {
  if (!can(roles, 'contract.write')) return []
  if (contract?.status === 'DRAFT') return ['edit', 'activate', 'terminate']
  if (contract?.status === 'ACTIVE') return contract.validUntil && today && contract.validUntil < today ? ['expire', 'terminate'] : ['terminate']
  return []
}

/**
 * An invoice request from what the user picked: whole orders go as `orderNumbers` (all that is open of them), and of
 * the other orders the lines given a quantity ('' = all that is open of the line, sent without one).
 * `picked` is `{orderNumber: true | {lineNo: quantity text}}`.
 */
export function invoiceRequestBody(customerCode, type, picked, comment) {
  const orderNumbers = []
  const lines = []
  for (const [orderNumber, what] of Object.entries(picked ?? {})) {
    if (what === true) orderNumbers.push(orderNumber)
    else if (what) for (const [lineNo, quantity] of Object.entries(what)) {
      if (quantity === null || quantity === undefined || quantity === false) continue
      lines.push({ orderNumber, lineNo: Number(lineNo), quantity: quantity === true ? null : toNumber(quantity) })
    }
  }
  return { customerCode, type, orderNumbers, lines, comment: comment || null }
}

/** A red-letter request: the ticked lines of the original, each with the quantity typed (none = all that remains). */
export function redRequestBody(reason, lines) {
  return { reason: reason || null, lines: lines.filter((l) => l.picked).map((l) => ({ lineNo: l.lineNo, quantity: toNumber(l.quantity) })) }
}

/**
 * The tax system's issued invoices as text (pasted from its export or a CSV/TSV file): one invoice per row,
 * "request number, invoice number, invoice code, issue date"; rows without our request number (headers, blanks) are
 * skipped; a date 2026/11/30, 2026.11.30 or 20261130 becomes 2026-11-30; an empty code (all-electronic) null.
 */
export function parseIssued(text) {
  const rows = []
  for (const raw of String(text ?? '').split(/\r?\n/)) {
    const cells = raw.split(/\t|,|;/).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim())
    if (!/^IV-/i.test(cells[0] ?? '')) continue
    const [requestNumber, invoiceNumber = '', invoiceCode = '', date = ''] = cells
    const d = date.replace(/[/.]/g, '-')
    const issueDate = /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`
      : /^\d{4}-\d{1,2}-\d{1,2}$/.test(d) ? d.split('-').map((p, i) => (i ? p.padStart(2, '0') : p)).join('-') : d || null
    rows.push({ requestNumber: requestNumber.toUpperCase(), invoiceNumber, invoiceCode: invoiceCode || null, issueDate })
  }
  return rows
}

/** Days from `today` to `day` (both YYYY-MM-DD), negative when past; null without both. */
export function daysUntil(day, today) {
  if (!day || !today) return null
  return Math.round((Date.parse(day + 'T00:00:00Z') - Date.parse(today + 'T00:00:00Z')) / 86400000)
}

/** The largest contract scan the API takes (10 MB), checked before the upload so nothing large is sent for nothing. */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024

/** Why a file cannot be a contract's signed scan ('type' or 'size'), or null; the API judges the content again. */
export function scanProblem(file) {
  if (!file) return 'type'
  if (file.size > MAX_SCAN_BYTES) return 'size'
  if (file.size === 0) return 'size'
  return /\.(pdf|png|jpe?g)$/i.test(file.name ?? '') || /^(application\/pdf|image\/(png|jpeg))$/.test(file.type ?? '') ? null : 'type'
}
