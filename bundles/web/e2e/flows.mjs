// End-to-end flows in Debian's Chromium (playwright-core, never a downloaded browser) against a running
// distribution. Driven by BrowserIT in itests, which prepares users and stock and passes them in the
// environment; prints one JSON line of results and exits non-zero at the first failed step.
import { chromium } from 'playwright-core'
import fs from 'node:fs'
import path from 'node:path'

const env = process.env
const BASE = env.TITRATE_URL
const RUN = env.TITRATE_RUN
const SHOTS = env.TITRATE_SCREENSHOTS
const SKUS = env.TITRATE_SKUS.split(',')
const WAREHOUSE = env.TITRATE_WAREHOUSE
const FIELD = env.TITRATE_CUSTOM_FIELD
const REASON = env.TITRATE_REASON
const users = Object.fromEntries(['sales', 'warehouse', 'finance', 'viewer'].map((r) => [r, { name: env['TITRATE_' + r.toUpperCase() + '_USER'], password: env.TITRATE_PASSWORD }]))
const results = { screenshots: [] }
const pages = []
const alerts = []
fs.mkdirSync(SHOTS, { recursive: true })

const browser = await chromium.launch({
  executablePath: env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
})

function step(name) {
  process.stderr.write(`[e2e] ${name}\n`)
}

async function context() {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', baseURL: BASE })
  ctx.setDefaultTimeout(20000)
  const page = await ctx.newPage()
  pages.push(page)
  page.on('dialog', async (d) => {
    alerts.push(d.message())
    await d.dismiss()
  })
  page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`))
  return { ctx, page }
}

async function shot(page, name) {
  await page.waitForLoadState('networkidle')
  const file = path.join(SHOTS, name + '.png')
  await page.screenshot({ path: file })
  results.screenshots.push(name + '.png')
}

const input = (page, id) => page.locator(`[data-testid="${id}"]`).locator('xpath=descendant-or-self::input').first()
const byId = (page, id) => page.locator(`[data-testid="${id}"]`).first()

async function choose(page, id, text) {
  await byId(page, id).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
  // The list fades out; the next choice must not hit this one's items.
  await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((e) => getComputedStyle(e).display === 'none'))
}

async function signIn(page, who) {
  await page.goto('/signin')
  await input(page, 'username').fill(users[who].name)
  await input(page, 'password').fill(users[who].password)
  await byId(page, 'signin').click()
  await page.waitForURL('**/dashboard')
  await page.waitForSelector('[data-testid="dashboard"][data-ready="true"]')
}

async function textOf(page, id) {
  await page.waitForFunction((i) => document.querySelector(`[data-testid="${i}"]`)?.textContent.trim(), id)
  return (await byId(page, id).textContent()).trim()
}

async function status(page, text) {
  await page.waitForFunction((t) => document.querySelector('[data-testid="order-status"]')?.textContent?.trim() === t, text)
}

try {
  // Cold first load of the signed-in dashboard: fresh browser context (empty cache), session cookie only.
  step('cold load')
  {
    const { ctx, page } = await context()
    const r = await ctx.request.post('/api/v1/session', { data: { username: users.sales.name, password: users.sales.password } })
    if (r.status() !== 200) throw new Error('POST /session ' + r.status())
    const t0 = Date.now()
    await page.goto('/dashboard')
    await page.waitForSelector('[data-testid="dashboard"][data-ready="true"]')
    results.coldDashboardMillis = Date.now() - t0
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0]
      const js = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js'))
      return { domInteractive: Math.round(n.domInteractive), domContentLoaded: Math.round(n.domContentLoadedEventEnd), jsTransferBytes: js.reduce((s, e) => s + e.transferSize, 0), jsFiles: js.length }
    })
    Object.assign(results, { coldNavigation: nav })
    await ctx.close()
  }

  step('sales signs in')
  const sales = await context()
  let page = sales.page
  await page.goto('/signin')
  await shot(page, '01-signin')
  await signIn(page, 'sales')
  await shot(page, '02-dashboard')
  results.dashboardCharts = await page.locator('[data-testid="charts"]').count() > 0 ? 'shown' : 'hidden (no reporting module)'

  step('create a customer')
  const customer = 'E2E' + RUN
  await page.goto('/customers')
  await byId(page, 'customer-new').click()
  await input(page, 'c-code').fill(customer)
  await input(page, 'c-name').fill('杭州试剂商贸有限公司 ' + RUN)
  await byId(page, 'c-save').click()
  await page.waitForURL('**/customers/' + customer)
  await input(page, 'fu-summary').fill('拜访采购部，询价氢氧化钠 25kg')
  await byId(page, 'fu-add').click()
  await page.locator('[data-testid="followups"]', { hasText: '询价氢氧化钠' }).waitFor()
  await shot(page, '04-customer-detail')

  step('a customer named <script> shows as text')
  const xss = 'X' + RUN
  await page.goto('/customers')
  await byId(page, 'customer-new').click()
  await input(page, 'c-code').fill(xss)
  await input(page, 'c-name').fill('<script>alert(1)</script>')
  await byId(page, 'c-save').click()
  await page.waitForURL('**/customers/' + xss)
  await page.locator('[data-testid="customer-name"]', { hasText: '<script>alert(1)</script>' }).waitFor()
  if ((await byId(page, 'customer-name').innerHTML()).includes('<script')) throw new Error('the name became markup')
  await page.goto('/customers?q=' + xss)
  await input(page, 'customer-q').fill(xss)
  await input(page, 'customer-q').press('Enter')
  await page.locator('[data-testid="customer-table"]', { hasText: '<script>alert(1)</script>' }).waitFor()
  await shot(page, '03-customers')
  results.xssAlerts = alerts.length

  step('enter a 3-line order with a custom field')
  await page.goto('/orders/new?customer=' + customer)
  await choose(page, 'o-warehouse', WAREHOUSE)
  await input(page, 'cf-' + FIELD).fill('PO-' + RUN)
  for (let i = 0; i < 3; i++) {
    if (i > 0) await byId(page, 'add-line').click()
    await input(page, 'l-sku-' + i).fill(SKUS[i])
    await page.locator('.el-autocomplete-suggestion li:visible', { hasText: SKUS[i] }).first().click()
    await input(page, 'l-qty-' + i).fill(String(i + 2))
  }
  await page.waitForFunction(() => !/[^\d,]0\.00$/.test(document.querySelector('[data-testid="entry-total"]').textContent))
  results.entryTotal = (await byId(page, 'entry-total').textContent()).trim()
  await shot(page, '05-order-entry')
  await byId(page, 'order-save').click()
  await page.waitForURL((u) => /\/orders\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'))
  const order = await textOf(page, 'order-number')
  results.order = order
  await byId(page, 'a-confirm').click()
  await status(page, '已确认')
  if (await page.locator('[data-testid="a-ship"]').count() !== 1) throw new Error('sales should see ship')

  step('warehouse ships it')
  const wh = await context()
  await signIn(wh.page, 'warehouse')
  await wh.page.goto('/orders/' + order)
  if (await wh.page.locator('[data-testid="a-confirm"], [data-testid="a-cancel"]').count() !== 0) throw new Error('warehouse sees sales buttons')
  await byId(wh.page, 'a-ship').click()
  await status(wh.page, '已发货')
  await shot(wh.page, '06-order-shipped')

  step('return with an exchange line')
  await page.goto('/orders/' + order)
  await byId(page, 'a-returns').click()
  await page.waitForURL(/\/edit$/)
  for (let i = 0; i < 3; i++) await choose(page, 'l-reason-' + i, REASON)
  await byId(page, 'add-line').click()
  await choose(page, 'l-dir-3', '发货')
  await input(page, 'l-sku-3').fill(SKUS[0])
  await page.locator('.el-autocomplete-suggestion li:visible', { hasText: SKUS[0] }).first().click()
  await input(page, 'l-qty-3').fill('1')
  await shot(page, '07-return-entry')
  await byId(page, 'order-save').click()
  await page.waitForURL((u) => /\/orders\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'))
  const ret = await textOf(page, 'order-number')
  results.return = ret
  await input(page, 'tracking-carrier').fill('顺丰速运')
  await input(page, 'tracking-number').fill('SF' + RUN)
  await byId(page, 'save-tracking').click()
  await page.locator('.el-message--success').first().waitFor()
  await byId(page, 'a-submit').click()
  await status(page, '已提交')
  await byId(page, 'a-approve').click()
  await status(page, '已批准')
  await wh.page.goto('/orders/' + ret)
  await byId(wh.page, 'a-receive').click()
  await status(wh.page, '已收货')
  await shot(wh.page, '08-return-received')

  step('orders list with net totals')
  await page.goto('/orders')
  await byId(page, 'net-total').waitFor()
  await shot(page, '09-orders')

  step('finance registers a receipt and sees the balance change')
  const fin = await context()
  await signIn(fin.page, 'finance')
  await fin.page.goto('/finance')
  await input(fin.page, 'fin-party').fill(customer)
  await byId(fin.page, 'fin-search').click()
  const bal = fin.page.locator(`[data-testid="bal-${customer}"]`)
  await bal.waitFor()
  results.balanceBefore = (await bal.textContent()).trim()
  await byId(fin.page, 'receipt-new').click()
  await input(fin.page, 'm-amount').fill('100')
  await byId(fin.page, 'm-save').click()
  await fin.page.waitForFunction(([sel, before]) => document.querySelector(sel)?.textContent.trim() !== before, [`[data-testid="bal-${customer}"]`, results.balanceBefore])
  results.balanceAfter = (await bal.textContent()).trim()
  await shot(fin.page, '10-finance')

  step('batch stock document from ticked rows')
  await wh.page.goto('/stock-entry')
  await choose(wh.page, 'sd-warehouse', WAREHOUSE)
  await byId(wh.page, 'sd-load').click()
  const rows = wh.page.locator('[data-testid="sd-rows"] .el-table__body .el-table__row')
  await rows.first().waitFor()
  for (let i = 0; i < 2; i++) {
    await rows.nth(i).locator('.el-checkbox').click()
    await input(wh.page, 'sd-qty-' + i).fill('1')
  }
  await input(wh.page, 'sd-reference').fill('PICK-' + RUN)
  await shot(wh.page, '11-stock-entry')
  await byId(wh.page, 'sd-post').click()
  await byId(wh.page, 'sd-posted').waitFor()
  results.stockDocument = (await byId(wh.page, 'sd-posted').textContent()).trim()
  await wh.page.goto('/stock')
  await shot(wh.page, '12-stock')

  step('language switch')
  await page.goto('/dashboard')
  await byId(page, 'lang').click()
  await page.locator('[data-testid="menu-dashboard"]', { hasText: 'Dashboard' }).waitFor()
  await page.waitForSelector('[data-testid="dashboard"][data-ready="true"]')
  await shot(page, '13-dashboard-en')
  await byId(page, 'lang').click()
  await page.locator('[data-testid="menu-dashboard"]', { hasText: '首页' }).waitFor()
  results.languageSwitch = 'zh-CN → en → zh-CN'

  step('a viewer sees no write buttons and the API refuses anyway')
  const view = await context()
  await signIn(view.page, 'viewer')
  await view.page.goto('/customers')
  await byId(view.page, 'customer-table').waitFor()
  await view.page.goto('/orders')
  await byId(view.page, 'order-table').waitFor()
  await view.page.goto('/orders/' + order)
  await byId(view.page, 'order-number').waitFor()
  const writeButtons = await view.page.locator('[data-testid="customer-new"], [data-testid="order-new"], [data-testid^="a-"]').count()
  if (writeButtons !== 0) throw new Error('viewer sees ' + writeButtons + ' write buttons')
  const me = await (await view.ctx.request.get('/api/v1/session', { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json()
  const refused = await view.ctx.request.post('/api/v1/customers', { data: { code: 'V' + RUN, name: '只读用户的客户' }, headers: { 'X-CSRF-Token': me.csrfToken } })
  results.viewerApiStatus = refused.status()
  const noToken = await sales.ctx.request.post('/api/v1/customers', { data: { code: 'N' + RUN, name: '没有令牌' } })
  results.withoutCsrfStatus = noToken.status()
  results.alerts = alerts
  console.log(JSON.stringify(results))
} catch (e) {
  // What each open page showed when the step failed, for the log and target/screenshots.
  for (let i = 0; i < pages.length; i++) {
    if (pages[i].isClosed()) continue
    await pages[i].screenshot({ path: path.join(SHOTS, `failure-${i}.png`) }).catch(() => {})
    process.stderr.write(`[failure page ${i}] ${pages[i].url()}\n${await pages[i].locator('body').innerText().catch(() => '')}\n`)
  }
  throw e
} finally {
  await browser.close()
}
