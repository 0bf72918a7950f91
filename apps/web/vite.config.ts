import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API runs on :3000 in development (`npm run dev` at the root); the built app is served by it.
export default defineConfig({
  plugins: [react()],
  resolve: {
    // antd and react-router sit in the root node_modules beside an older React pulled in by another
    // package; dedupe makes every import resolve to this workspace's React 19.
    dedupe: ['react', 'react-dom'],
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
