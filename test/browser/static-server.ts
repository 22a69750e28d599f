/** The browser tests serve dist/ with the server `review pdf` uses (src/lib/site/static-server.ts). */
export { type StaticServer, serveStatic } from '../../src/lib/site/static-server.ts';
