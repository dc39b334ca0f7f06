import { resolve } from "node:path";
import { defineConfig } from "vite";

// The console (index.html) and the demo site (demo.html) are built into Web/wwwroot, which Web serves.
export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: resolve(import.meta.dirname, "../wwwroot"),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        console: resolve(import.meta.dirname, "index.html"),
        demo: resolve(import.meta.dirname, "demo.html"),
      },
    },
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:5080",
      "/hubs": { target: "http://127.0.0.1:5080", ws: true },
    },
  },
});
