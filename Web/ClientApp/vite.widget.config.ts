import { resolve } from "node:path";
import { defineConfig } from "vite";

// The embeddable widget: one self-contained script, Web/wwwroot/widget.js (runs after the main build).
export default defineConfig({
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    outDir: resolve(import.meta.dirname, "../wwwroot"),
    emptyOutDir: false,
    copyPublicDir: false,
    lib: {
      entry: resolve(import.meta.dirname, "src/widget/widget.ts"),
      name: "ConversationsWidget",
      formats: ["iife"],
      fileName: () => "widget.js",
    },
  },
});
