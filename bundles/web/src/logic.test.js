import { describe, it, expect } from 'vitest'
import { lineAmount, linesTotal, formatMoney, problemToFields, neededRoles, can, orderActions, menuFor, toScaled, bilingual, reportsFor, reportChoices, signedQuantity, linesBody, routeOf, blankLine, formatTime, dayIn, monthStartOf, invoiceActions, contractActions, invoiceRequestBody, redRequestBody, parseIssued, daysUntil, scanProblem } from './logic.js'
import messages from './messages.js'

describe('money', () => {
  it('multiplies exactly and rounds half up like the server', () => {
    expect(lineAmount(3, 0.1)).toBe('0.30')
    expect(lineAmount('1.005', 1)).toBe('1.01')
    expect(lineAmount(-2, '120.50')).toBe('-241.00')
    expect(lineAmount('0.333', '3')).toBe('1.00')
    expect(lineAmount('', 5)).toBe('')
  })
  it('sums rounded line amounts', () => {
    expect(linesTotal([{ quantity: 10, unitPrice: 120 }, { quantity: -1, unitPrice: 120 }, { quantity: 1, unitPrice: 0.1 }])).toBe('1080.10')
    expect(linesTotal([])).toBe('0.00')
  })
  it('formats with grouping, two places and the yuan sign', () => {
    expect(formatMoney(1234567.5)).toBe('¥1,234,567.50')
    expect(formatMoney(-0.004)).toBe('¥0.00')
    expect(formatMoney('-1200')).toBe('-¥1,200.00')
    expect(formatMoney(null)).toBe('')
    expect(formatMoney(10, 'USD', 'en')).toBe('$10.00')
  })
  it('reads decimals without floating point error', () => {
    expect(toScaled(0.1 + 0.2, 2)).toBe(30n)
    expect(toScaled('abc', 2)).toBe(null)
  })
})

describe('errors', () => {
  it('maps each named field to its message, lines by row', () => {
    const { fields, general } = problemToFields({
      status: 400, title: 'Bad Request', detail: 'Invalid input',
      errors: [{ field: 'customerCode', message: 'unknown customer' }, { field: 'lines[1].quantity', message: 'must be positive' }]
    })
    expect(fields.customerCode).toBe('unknown customer')
    expect(fields['lines.1.quantity']).toBe('must be positive')
    expect(general).toBe('Invalid input')
  })
  it('joins two messages for one field and survives an empty body', () => {
    expect(problemToFields({ errors: [{ field: 'a', message: 'x' }, { field: 'a', message: 'y' }] }).fields.a).toBe('x; y')
    expect(problemToFields(null)).toEqual({ fields: {}, general: '' })
  })
  it('reads the needed roles from a 403', () => {
    expect(neededRoles({ detail: "User 'v' lacks a role for this action; one of [admin, sales] is needed" })).toEqual(['admin', 'sales'])
  })
})

describe('buttons by role', () => {
  it('shows only possible actions the user may take', () => {
    const draft = { type: 'ORDER', status: 'DRAFT' }
    expect(orderActions(draft, ['sales'])).toEqual(['confirm', 'cancel'])
    expect(orderActions(draft, ['viewer'])).toEqual([])
    expect(orderActions({ type: 'ORDER', status: 'CONFIRMED' }, ['warehouse'])).toEqual(['ship'])
    expect(orderActions({ type: 'RETURN', status: 'APPROVED' }, ['warehouse'])).toEqual(['receive'])
    expect(orderActions({ type: 'RETURN', status: 'SUBMITTED' }, ['admin'])).toEqual(['approve', 'reject'])
    expect(orderActions({ type: 'ORDER', status: 'CANCELLED' }, ['admin'])).toEqual([])
  })
  it('gives viewers no write permission and admins all', () => {
    for (const p of ['customer.write', 'order.write', 'stock.write', 'finance.write']) {
      expect(can(['viewer'], p)).toBe(false)
      expect(can(['admin'], p)).toBe(true)
    }
    expect(can(['finance'], 'finance.write')).toBe(true)
    expect(can(undefined, 'order.write')).toBe(false)
  })
  it('builds the menu from the roles', () => {
    expect(menuFor(['viewer'])).not.toContain('users')
    expect(menuFor(['viewer'])).not.toContain('stockEntry')
    expect(menuFor(['warehouse'])).toContain('stockEntry')
    expect(menuFor(['admin'])).toContain('users')
  })
  it('offers purchase order entry to purchasing, the finance ledger to finance and viewer only, the inbox when the module answers', () => {
    expect(menuFor(['purchasing'])).toContain('purchaseEntry')
    expect(menuFor(['sales'])).not.toContain('purchaseEntry')
    expect(menuFor(['finance'])).toContain('payables')
    expect(menuFor(['finance'])).toContain('finance')
    expect(menuFor(['viewer'])).toContain('payables')
    expect(menuFor(['viewer'])).toContain('finance')
    expect(menuFor(['admin'])).toContain('finance')
    for (const r of ['sales', 'purchasing', 'warehouse']) {
      expect(menuFor([r])).not.toContain('payables')
      expect(menuFor([r])).not.toContain('finance')
    }
    expect(can(['sales'], 'finance.read')).toBe(false)
    expect(menuFor(['sales'])).not.toContain('notifications')
    expect(menuFor(['sales'], { notifications: true })).toContain('notifications')
    expect(routeOf('purchaseEntry')).toBe('/purchase-orders/new')
    expect(routeOf('payables')).toBe('/payables')
  })
})

describe('line grid', () => {
  it('signs the quantity by direction, whatever sign was typed', () => {
    expect(signedQuantity({ direction: 'RETURN', quantity: '3' })).toBe('-3')
    expect(signedQuantity({ direction: 'RETURN', quantity: '-3' })).toBe('-3')
    expect(signedQuantity({ direction: 'SHIP', quantity: '2.5' })).toBe('2.5')
    expect(signedQuantity({ direction: 'RECEIVE', quantity: ' 4 ' })).toBe('4')
    expect(signedQuantity({ direction: 'RECEIVE', quantity: '' })).toBe('')
  })
  it('sends the filled lines only, with numbers and nulls', () => {
    const a = { ...blankLine('RECEIVE'), sku: 'NAOH-25', quantity: '10', unitPrice: '120.50', lot: 'L1', expiryDate: '2027-06-30' }
    const b = blankLine('RECEIVE')
    expect(linesBody([a, b])).toEqual([{ sku: 'NAOH-25', direction: 'RECEIVE', quantity: 10, unitPrice: 120.5, deliveryDate: null, lot: 'L1', expiryDate: '2027-06-30', reasonCode: null }])
    expect(blankLine('SHIP').key).not.toBe(blankLine('SHIP').key)
  })
})

describe('times', () => {
  it('shows an instant as local date and time to the minute', () => {
    const iso = new Date(2026, 10, 30, 20, 5, 43).toISOString()
    expect(formatTime(iso)).toBe('2026-11-30 20:05')
    expect(formatTime(null)).toBe('')
    expect(formatTime('not a time')).toBe('not a time')
  })
})

describe('labels', () => {
  const keys = (o, p = '') => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, p + k + '.') : [p + k])).sort()
  it('has every label in both languages', () => {
    expect(keys(messages.en)).toEqual(keys(messages['zh-CN']))
  })
})

describe('numbers for the API', () => {
  it('sends numbers, null for empty and leaves nonsense for the server to name', async () => {
    const { toNumber } = await import('./logic.js')
    expect(toNumber('1,200.50')).toBe(1200.5)
    expect(toNumber(' 30 ')).toBe(30)
    expect(toNumber('')).toBe(null)
    expect(toNumber('abc')).toBe('abc')
    expect(toNumber(-2)).toBe(-2)
  })
})

describe('reports', () => {
  it('shows the language of the screen of a bilingual label', () => {
    expect(bilingual('销量汇总 Sales summary', 'zh-CN')).toBe('销量汇总')
    expect(bilingual('销量汇总 Sales summary', 'en')).toBe('Sales summary')
    expect(bilingual('金额占比 Amount share %', 'en')).toBe('Amount share %')
    expect(bilingual('SKU', 'zh-CN')).toBe('SKU')
    expect(bilingual('净金额', 'en')).toBe('净金额')
  })
  it('lists only the reports one of the roles may read', () => {
    const all = [{ name: 'a', roles: ['sales'] }, { name: 'b', roles: ['finance'] }]
    expect(reportsFor(all, ['sales']).map((r) => r.name)).toEqual(['a'])
    expect(reportsFor(all, ['admin']).length).toBe(2)
    expect(reportsFor(all, null)).toEqual([])
  })
  it('knows the groupings each report accepts', () => {
    expect(reportChoices('purchase-sales', 'groupBy')).toEqual(['product', 'month'])
    expect(reportChoices('returns', 'groupBy')).toContain('reason')
    expect(reportChoices('sales-summary', 'warehouse')).toBeNull()
  })
})

describe('the company calendar', () => {
  it('takes the day in the business zone, not the browser\'s', () => {
    // 16:30 UTC on 30 November is already 1 December in Shanghai
    const instant = new Date(Date.UTC(2026, 10, 30, 16, 30))
    expect(dayIn('Asia/Shanghai', instant)).toBe('2026-12-01')
    expect(dayIn('UTC', instant)).toBe('2026-11-30')
    expect(dayIn(null, instant)).toBe(null)
    expect(dayIn('Not/AZone', instant)).toBe(null)
  })
  it('counts months back across the year', () => {
    expect(monthStartOf('2026-12-01')).toBe('2026-12-01')
    expect(monthStartOf('2026-12-31', 11)).toBe('2026-01-01')
    expect(monthStartOf('2026-03-15', 3)).toBe('2025-12-01')
  })
})

describe('invoices, contracts and employees', () => {
  it('shows the invoice and contract screens by role: finance issues, sales keeps contracts, viewer reads, admin all', () => {
    for (const r of ['sales', 'finance', 'viewer', 'admin']) {
      expect(menuFor([r])).toContain('invoices')
      expect(menuFor([r])).toContain('contracts')
    }
    for (const r of ['warehouse', 'purchasing']) {
      expect(menuFor([r])).not.toContain('invoices')
      expect(menuFor([r])).not.toContain('employees')
    }
    expect(menuFor(['sales'])).toContain('employees')
    expect(menuFor(['finance'])).not.toContain('employees')
    expect(menuFor(['admin'])).toContain('employees')
    expect(can(['sales'], 'invoice.request')).toBe(true)
    expect(can(['sales'], 'invoice.issue')).toBe(false)
    expect(can(['finance'], 'contract.write')).toBe(false)
    expect(can(['viewer'], 'employee.write')).toBe(false)
  })
  it('offers issue and cancel on a request, red on an issued blue invoice, to finance only', () => {
    expect(invoiceActions({ status: 'REQUESTED', kind: 'BLUE' }, ['finance'])).toEqual(['issue', 'cancel'])
    expect(invoiceActions({ status: 'REQUESTED', kind: 'RED' }, ['finance'])).toEqual(['issue', 'cancel'])
    expect(invoiceActions({ status: 'ISSUED', kind: 'BLUE' }, ['finance'])).toEqual(['red'])
    expect(invoiceActions({ status: 'ISSUED', kind: 'RED' }, ['admin'])).toEqual([])
    expect(invoiceActions({ status: 'CANCELLED', kind: 'BLUE' }, ['finance'])).toEqual([])
    expect(invoiceActions({ status: 'REQUESTED', kind: 'BLUE' }, ['sales', 'viewer'])).toEqual([])
  })
  it('offers a draft contract edit, activate and terminate; expire only after its last day', () => {
    expect(contractActions({ status: 'DRAFT' }, ['sales'], '2026-11-30')).toEqual(['edit', 'activate', 'terminate'])
    expect(contractActions({ status: 'ACTIVE', validUntil: '2026-12-31' }, ['sales'], '2026-11-30')).toEqual(['terminate'])
    expect(contractActions({ status: 'ACTIVE', validUntil: '2026-11-29' }, ['admin'], '2026-11-30')).toEqual(['expire', 'terminate'])
    expect(contractActions({ status: 'TERMINATED' }, ['sales'], '2026-11-30')).toEqual([])
    expect(contractActions({ status: 'DRAFT' }, ['finance', 'viewer'], '2026-11-30')).toEqual([])
  })
  it('requests whole orders by number and single lines with or without a quantity', () => {
    const body = invoiceRequestBody('C1', 'SPECIAL', { 'SO-1': true, 'SO-2': { 1: '2.5', 3: true, 4: null }, 'SO-3': null }, '')
    expect(body).toEqual({ customerCode: 'C1', type: 'SPECIAL', orderNumbers: ['SO-1'], lines: [{ orderNumber: 'SO-2', lineNo: 1, quantity: 2.5 }, { orderNumber: 'SO-2', lineNo: 3, quantity: null }], comment: null })
    // Text that is no number goes as it is, so the API's 400 names the line.
    expect(invoiceRequestBody('C1', 'ORDINARY', { 'SO-2': { 2: 'x' } }).lines[0].quantity).toBe('x')
  })
  it('reverses the ticked lines of the original, all that remains when no quantity is typed', () => {
    expect(redRequestBody('退货', [{ lineNo: 1, picked: true, quantity: '' }, { lineNo: 2, picked: false, quantity: '3' }, { lineNo: 3, picked: true, quantity: '1' }]))
      .toEqual({ reason: '退货', lines: [{ lineNo: 1, quantity: null }, { lineNo: 3, quantity: 1 }] })
    expect(redRequestBody('', []).reason).toBeNull()
  })
  it('reads the tax system\'s issued invoices from pasted text or a CSV, skipping the header', () => {
    const text = '申请单号\t发票号码\t发票代码\t开票日期\nIV-2026-000001\t12345678\t3100231130\t2026/11/30\n\n"iv-2026-000002",24312000000000123456,,20261201\r\nIV-2026-000003;87654321;031002300111;2026-12-1'
    expect(parseIssued(text)).toEqual([
      { requestNumber: 'IV-2026-000001', invoiceNumber: '12345678', invoiceCode: '3100231130', issueDate: '2026-11-30' },
      { requestNumber: 'IV-2026-000002', invoiceNumber: '24312000000000123456', invoiceCode: null, issueDate: '2026-12-01' },
      { requestNumber: 'IV-2026-000003', invoiceNumber: '87654321', invoiceCode: '031002300111', issueDate: '2026-12-01' }
    ])
    expect(parseIssued('')).toEqual([])
  })
  it('counts the days to a contract\'s end and refuses a scan too large or of another type before sending it', () => {
    expect(daysUntil('2026-12-31', '2026-11-30')).toBe(31)
    expect(daysUntil('2026-11-29', '2026-11-30')).toBe(-1)
    expect(daysUntil(null, '2026-11-30')).toBeNull()
    expect(scanProblem({ name: '合同扫描件.pdf', size: 1000 })).toBeNull()
    expect(scanProblem({ name: 'scan.JPG', size: 1000 })).toBeNull()
    expect(scanProblem({ name: 'scan', type: 'image/png', size: 1000 })).toBeNull()
    expect(scanProblem({ name: 'contract.docx', size: 1000 })).toBe('type')
    expect(scanProblem({ name: 'big.pdf', size: 10 * 1024 * 1024 + 1 })).toBe('size')
    expect(scanProblem({ name: 'empty.pdf', size: 0 })).toBe('size')
  })
})
