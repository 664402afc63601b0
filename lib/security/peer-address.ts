import http from 'node:http';
import https from 'node:https';
import { PEER_HEADER } from './peer-header';

/**
 * The TCP peer of each request, in a header only this server writes.
 *
 * Why: Next (base-server.js) fills `X-Forwarded-For` from the socket only when the request has
 * none (`??=`); a header the client sent itself is kept as is. Past that point a server action
 * can no longer tell a spoofed `X-Forwarded-For: 6.6.6.6` from Next's own socket address, and
 * Next 16 offers actions no other way to the socket. So every incoming request gets
 * PEER_HEADER set to `socket.remoteAddress` before Next sees it, overwriting any value a
 * client sent under that name. lib/request.ts then trusts `X-Forwarded-For` only as far as
 * TRUST_PROXY_HOPS says.
 *
 * Installed from instrumentation.ts `register()`, which `next start` runs (and awaits) while it
 * prepares the first request: that first request itself and any arriving concurrently with it
 * predate the hook and fall back to the right-most `X-Forwarded-For` entry (see clientAddress),
 * a gap of one startup, covered by the per-instance sign-in backstop in lib/auth/rate-limit.ts.
 */
const INSTALLED = Symbol.for('stakeeasy.peerAddressHook');

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

function hook(proto: { emit: Emit } & Record<symbol, unknown>) {
  if (proto[INSTALLED]) return;
  const original = proto.emit;
  proto.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? '';
    }
    return original.call(this, event, ...args);
  };
  proto[INSTALLED] = true;
}

export function installPeerAddressHeader(): void {
  hook(http.Server.prototype as unknown as { emit: Emit } & Record<symbol, unknown>);
  hook(https.Server.prototype as unknown as { emit: Emit } & Record<symbol, unknown>);
}
