/**
 * The entry point of the anchoring worker: bundled on its own by scripts/build-embed.ts
 * (buildAnchorWorker) and carried inside embed.js as a string, from which the page starts the
 * worker (lib/anchoring/dom/anchor-client.ts). Runs only in a worker's global scope.
 */
import { serveAnchorRequests, type MessageEndpoint } from "./anchor-worker";

serveAnchorRequests(globalThis as unknown as MessageEndpoint);
