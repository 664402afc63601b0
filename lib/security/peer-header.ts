/** Set by the server on every request to its socket peer (lib/security/peer-address.ts). */
export const PEER_HEADER = 'x-stakeeasy-peer';
