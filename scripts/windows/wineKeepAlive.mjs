// Loaded into Node for Windows under Wine by pauseguard:windows, never into the app: Wine 8 fails a connection whose
// socket was given TCP keep-alive before connecting ("connect UNKNOWN"), and fetch() does that on every connection, so
// no alert could leave. Keep-alive asked for while connecting is set the moment the socket is connected instead.
import net from 'node:net';

const setKeepAlive = net.Socket.prototype.setKeepAlive;
net.Socket.prototype.setKeepAlive = function setKeepAliveOnceConnected(...args) {
  if (!this.connecting) return setKeepAlive.apply(this, args);
  this.once('connect', () => setKeepAlive.apply(this, args));
  return this;
};
