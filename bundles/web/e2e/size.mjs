// JavaScript shipped, gzip as served: `npm run size` after `npm run build`. Initial = what index.html loads
// (its module script and modulepreloads); total = every .js of the build; charts = the chunk only the
// dashboard's charts and the report pages fetch.
import fs from 'node:fs'
import path from 'node:path'

const dir = 'target/webapp'
const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8')
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1])
const gz = (f) => fs.statSync(path.join(dir, f + '.gz')).size
const all = fs.readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => 'assets/' + f)
const kb = (n) => (n / 1024).toFixed(1) + ' KiB'
const charts = all.filter((f) => /charts-/.test(f))
console.log(`initial JS (gzip): ${kb(initial.reduce((s, f) => s + gz(f), 0))} in ${initial.length} files`)
console.log(`total JS (gzip): ${kb(all.reduce((s, f) => s + gz(f), 0))} in ${all.length} files`)
console.log(`ECharts chunk, loaded only by the dashboard's charts and report pages (gzip): ${kb(charts.reduce((s, f) => s + gz(f), 0))}`)
console.log(`CSS (gzip): ${kb(fs.readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.css')).reduce((s, f) => s + gz('assets/' + f), 0))}`)
