import type { Server } from 'node:http';

/** Close a server and any connections it still holds (keep-alive sockets would otherwise hold `close` open). */
export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}
