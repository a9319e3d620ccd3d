// Whether the client of a request is still connected, so that an analysis whose client has gone
// stops at its next read instead of running to the request's deadline.
//
// httplib 0.11 does not give a handler its connection's socket. The request carries the
// connection's addresses, and the socket stays open until the handler returns, so the descriptor
// whose peer and local addresses match is that connection's for as long as the handler runs. It
// is looked up once, on the first question, so ask early: a socket already reset has no peer
// address to match.
//
// A peer that closed or reset the connection is gone; so is one that only shut down its sending
// side (no HTTP client waits for an answer that way). Bytes the client sent ahead (a pipelined
// request) mean it is still there.
//
// Thread safety: one object per request, used by that request's thread.
#ifndef ENTENTE_HTTP_CLIENT_CONNECTION_H_
#define ENTENTE_HTTP_CLIENT_CONNECTION_H_

#include <string>

namespace entente::server {

class ClientConnection {
 public:
  ClientConnection(std::string remote_addr, int remote_port, int local_port)
      : remote_addr_(std::move(remote_addr)), remote_port_(remote_port), local_port_(local_port) {}

  // True once the peer has closed or reset the connection. False while it is open, and when the
  // socket cannot be found (then nothing is known, and the request runs to its deadline).
  bool Gone();

 private:
  // The descriptor of the connected socket with these addresses, or -1.
  int FindSocket() const;

  std::string remote_addr_;
  int remote_port_, local_port_;
  int fd_ = -2;  // -2: not looked up yet
};

}  // namespace entente::server

#endif  // ENTENTE_HTTP_CLIENT_CONNECTION_H_
