import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { gzipSync } from 'node:zlib'
import fs from 'node:fs'
import path from 'node:path'

const OUT = 'target/webapp'

/** Leaves a .gz beside every text file, which the bundle's filter serves to browsers that accept gzip. */
function precompress() {
  return {
    name: 'titrate-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          const file = path.join(dir, entry.name)
          if (entry.isDirectory()) walk(file)
          else if (/\.(js|css|html|svg|json)$/.test(entry.name)) fs.writeFileSync(file + '.gz', gzipSync(fs.readFileSync(file), { level: 9 }))
        }
      }
      // closeBundle also runs after a failed build, which wrote nothing: leave its own error visible.
      if (fs.existsSync(OUT)) walk(OUT)
    }
  }
}

export default defineConfig({
  plugins: [vue(), precompress()],
  build: {
    outDir: OUT,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200
  },
  server: {
    proxy: { '/api': 'http://localhost:8181' }
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.js']
  }
})
