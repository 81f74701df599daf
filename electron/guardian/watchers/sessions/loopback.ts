// Whether a peer address is this computer itself (127.0.0.0/8, ::1, IPv4-mapped loopback, a zone suffix ignored):
// a connection from there is never a remote session.
export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/%.*$/, '').toLowerCase();
  return bare.startsWith('127.') || bare === '::1' || bare.startsWith('::ffff:127.') || bare === 'localhost';
}
