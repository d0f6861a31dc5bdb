import type { NextConfig } from "next";
import { CROSS_ORIGIN_RESOURCE_PATHS, MAX_REQUEST_BODY_MB, SECURITY_HEADERS, type HeaderList } from "./lib/domain/security-headers";

const asConfigHeaders = (headers: HeaderList) => headers.map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Separate build folders let parallel end-to-end runs (different E2E_PORTs) build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  // `npm test` type-checks the whole project (tsc) before anything else; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // better-sqlite3 is a native addon; keep it (and the Prisma runtime) out of the bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  // Every response, static files included (the proxy adds the CSP to pages and route handlers).
  // For a path matched twice the later entry wins: the overlay and the public API may be read cross-origin.
  async headers() {
    return [
      { source: "/:path*", headers: asConfigHeaders([...SECURITY_HEADERS, ["Cross-Origin-Resource-Policy", "same-origin"]]) },
      ...CROSS_ORIGIN_RESOURCE_PATHS.map((source) => ({ source, headers: asConfigHeaders([["Cross-Origin-Resource-Policy", "cross-origin"]]) })),
    ];
  },
  experimental: {
    // An uploaded HTML page reaches the server through a server action (Next's default: 1 MB).
    // Next answers 500 above it; the proxy answers 413 first when Content-Length says so.
    serverActions: { bodySizeLimit: `${MAX_REQUEST_BODY_MB}mb` },
    // The proxy buffers request bodies up to this size and passes larger ones on cut off, without
    // an error: above the server-action limit, so a cut-off body still exceeds that limit.
    proxyClientMaxBodySize: `${MAX_REQUEST_BODY_MB + 1}mb`,
  },
};

export default nextConfig;
