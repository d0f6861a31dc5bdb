import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Separate build folders let parallel end-to-end runs (different E2E_PORTs) build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  // `npm test` type-checks the whole project (tsc) before anything else; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // better-sqlite3 is a native addon; keep it (and the Prisma runtime) out of the bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  experimental: {
    // An uploaded HTML page (up to 5 MB, lib/validation/import.ts) reaches the server through a
    // server action; serialised it grows (escaped quotes, multi-byte characters). Default: 1 MB.
    serverActions: { bodySizeLimit: "12mb" },
  },
};

export default nextConfig;
