#include "http/client_connection.h"

#include <dirent.h>
#include <netdb.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstdlib>

namespace entente::server {
namespace {

// The numeric host and port of `addr`, as httplib writes Request::remote_addr and remote_port.
bool NumericAddress(const sockaddr_storage& addr, socklen_t len, std::string* host, int* port) {
  char h[NI_MAXHOST], p[NI_MAXSERV];
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&addr), len, h, sizeof(h), p, sizeof(p),
                  NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
    return false;
  }
  *host = h;
  *port = std::atoi(p);
  return true;
}

}  // namespace

int ClientConnection::FindSocket() const {
  DIR* dir = opendir("/proc/self/fd");
  if (dir == nullptr) return -1;
  int found = -1;
  while (dirent* entry = readdir(dir)) {
    char* end = nullptr;
    const long fd = std::strtol(entry->d_name, &end, 10);
    if (end == entry->d_name || *end != '\0' || fd == dirfd(dir)) continue;
    sockaddr_storage peer{}, local{};
    socklen_t peer_len = sizeof(peer), local_len = sizeof(local);
    if (getpeername(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0 ||
        getsockname(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&local), &local_len) != 0) {
      continue;  // not a connected socket
    }
    std::string peer_host, local_host;
    int peer_port = 0, local_port = 0;
    if (NumericAddress(peer, peer_len, &peer_host, &peer_port) &&
        NumericAddress(local, local_len, &local_host, &local_port) && peer_port == remote_port_ &&
        local_port == local_port_ && peer_host == remote_addr_) {
      found = static_cast<int>(fd);
      break;
    }
  }
  closedir(dir);
  return found;
}

bool ClientConnection::Gone() {
  if (fd_ == -2) fd_ = FindSocket();
  if (fd_ < 0) return false;
  char byte;
  const ssize_t n = recv(fd_, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n > 0) return false;  // a request sent ahead: the client is there
  if (n == 0) return true;  // orderly shutdown
  return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR;
}

}  // namespace entente::server
