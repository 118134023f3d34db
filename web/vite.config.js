import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "vite";

const here = import.meta.dirname;

// ReDoc's standalone bundle is already built (and names modules a bundler cannot resolve):
// it is copied from its npm package into the output, less the one thing it loads from a CDN
// (the Redocly logo beside its "API docs by Redocly" link), which is left out.
const REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg";
const redocBundle = {
  name: "copy-redoc-bundle",
  generateBundle() {
    this.emitFile({
      type: "asset",
      fileName: "assets/redoc.standalone.js",
      source: readFileSync(resolve(here, "node_modules/redoc/bundles/redoc.standalone.js"), "utf8").replace(
        REDOC_LOGO,
        "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E",
      ),
    });
  },
};

// Three pages: the explorer, Swagger UI (/docs) and ReDoc (/redoc), all built from npm packages.
export default defineConfig({
  plugins: [redocBundle],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        index: resolve(here, "index.html"),
        docs: resolve(here, "docs.html"),
        redoc: resolve(here, "redoc.html"),
      },
    },
  },
});
