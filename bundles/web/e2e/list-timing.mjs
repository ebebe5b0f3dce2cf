// How long the orders list takes to open in the browser (Debian's Chromium, 1366×768, zh-CN) against a running
// distribution: a cold load of /orders (fresh profile, session cookie only) until the first page's rows and the net
// totals show, then the list opened from the menu (the application already loaded), then the next page. The list pages
// on the server (50 rows a request), so the figures hold for any number of orders. Run by SalesBenchmarkIT on its
// 100 000-order database, or by hand: TITRATE_URL=http://localhost:8181 TITRATE_USER=admin TITRATE_PASSWORD=… node e2e/list-timing.mjs
// Prints one JSON line of milliseconds; asserts nothing about time.
import { chromium } from 'playwright-core'

const env = process.env
const runs = Number(env.TITRATE_RUNS ?? 5)
const browser = await chromium.launch({
  executablePath: env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
})
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function listShown(page, firstNumber) {
  await page.waitForFunction((before) => {
    const rows = document.querySelectorAll('[data-testid="order-table"] .el-table__body .el-table__row')
    const net = document.querySelector('[data-testid="net-total"]')?.textContent ?? ''
    const first = rows[0]?.querySelector('td')?.textContent.trim()
    return rows.length > 0 && net.includes('¥') && first !== before
  }, firstNumber, { timeout: 120000 })
}

try {
  const out = { runs }
  const cold = []
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', baseURL: env.TITRATE_URL })
    const r = await ctx.request.post('/api/v1/session', { data: { username: env.TITRATE_USER, password: env.TITRATE_PASSWORD } })
    if (r.status() !== 200) throw new Error('POST /session ' + r.status())
    const page = await ctx.newPage()
    const t0 = Date.now()
    await page.goto('/orders')
    await listShown(page, null)
    cold.push(Date.now() - t0)
    if (i === 0) {
      out.total = (await page.locator('.el-pagination__total').textContent()).trim()
      out.rowsShown = await page.locator('[data-testid="order-table"] .el-table__body .el-table__row').count()
    }
    const menu = []
    const next = []
    for (let j = 0; j < runs; j++) {
      await page.locator('[data-testid="menu-dashboard"]').click()
      await page.waitForSelector('[data-testid="dashboard"][data-ready="true"]', { timeout: 120000 })
      const t1 = Date.now()
      await page.locator('[data-testid="menu-orders"]').click()
      await listShown(page, null)
      menu.push(Date.now() - t1)
      const first = (await page.locator('[data-testid="order-table"] .el-table__body .el-table__row td').first().textContent()).trim()
      const t2 = Date.now()
      await page.locator('.el-pagination .btn-next').click()
      await listShown(page, first)
      next.push(Date.now() - t2)
    }
    if (i === 0) Object.assign(out, { fromMenuMillis: median(menu), nextPageMillis: median(next), fromMenuAll: menu, nextPageAll: next })
    await ctx.close()
  }
  Object.assign(out, { coldMillis: median(cold), coldAll: cold })
  console.log(JSON.stringify(out))
} finally {
  await browser.close()
}
