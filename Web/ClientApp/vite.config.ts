import { resolve } from "node:path";
import { defineConfig } from "vite";

// The console (index.html) and the demo site (demo.html) are built into Web/wwwroot, which Web serves.
export default defineConfig({
  build: {
    outDir: resolve(__dirname, "../wwwroot"),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        console: resolve(__dirname, "index.html"),
        demo: resolve(__dirname, "demo.html"),
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
