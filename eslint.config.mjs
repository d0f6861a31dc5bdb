import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", "lib/generated/**", "next-env.d.ts", "test-results*/**", "playwright-report*/**", "e2e/.artifacts/**", "public/embed.js", "data/**"]),
  {
    // Domain modules stay framework-free: no React, Next or server code in them.
    files: ["lib/domain/**", "lib/anchoring/**", "lib/claim-detection/**", "lib/validation/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["react", "react-dom", "next", "next/*", "next-auth", "next-auth/*", "@prisma/*", "**/server/**"] }],
    },
  },
]);
