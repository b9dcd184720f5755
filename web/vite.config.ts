import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// The dev server proxies the API to a running `slipway serve` (SLIPWAY_URL).
const api = process.env.SLIPWAY_URL ?? 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [vue()],
  build: {
    target: 'es2022',
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
    },
  },
  server: { proxy: { '/api': { target: api, changeOrigin: false } } },
  test: { environment: 'happy-dom', include: ['src/**/*.test.ts'] },
})
