#include "http/client_connection.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace entente::server {
namespace {

int Port(int fd) {
  sockaddr_in a{};
  socklen_t len = sizeof(a);
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  return ntohs(a.sin_port);
}

// A loopback connection: the server's end (as httplib would hold it) and the client's.
class ConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof(a)), 0);
    ASSERT_EQ(listen(listener_, 4), 0);
    a.sin_port = htons(static_cast<uint16_t>(Port(listener_)));
    client_ = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_EQ(connect(client_, reinterpret_cast<sockaddr*>(&a), sizeof(a)), 0);
    server_ = accept(listener_, nullptr, nullptr);
    ASSERT_GE(server_, 0);
  }
  void TearDown() override {
    for (int fd : {client_, server_, listener_}) {
      if (fd >= 0) close(fd);
    }
  }
  ClientConnection Connection() const {
    return ClientConnection("127.0.0.1", Port(client_), Port(listener_));
  }

  int listener_ = -1, client_ = -1, server_ = -1;
};

TEST_F(ConnectionTest, OpenConnectionIsThere) {
  ClientConnection c = Connection();
  EXPECT_FALSE(c.Gone());
  EXPECT_FALSE(c.Gone());
}

TEST_F(ConnectionTest, BytesSentAheadMeanTheClientIsThere) {
  ClientConnection c = Connection();
  ASSERT_EQ(send(client_, "GET", 3, 0), 3);
  EXPECT_FALSE(c.Gone());
  char buf[3];
  EXPECT_EQ(recv(server_, buf, 3, 0), 3);  // the peek left the bytes for the server to read
}

TEST_F(ConnectionTest, ClosedClientIsGone) {
  ClientConnection c = Connection();
  EXPECT_FALSE(c.Gone());
  close(client_);
  client_ = -1;
  EXPECT_TRUE(c.Gone());
}

TEST_F(ConnectionTest, ResetClientIsGone) {
  linger hard{1, 0};  // close with RST
  ASSERT_EQ(setsockopt(client_, SOL_SOCKET, SO_LINGER, &hard, sizeof(hard)), 0);
  ClientConnection c = Connection();
  EXPECT_FALSE(c.Gone());  // found while connected: a reset socket has no peer address
  close(client_);
  client_ = -1;
  EXPECT_TRUE(c.Gone());
  EXPECT_TRUE(c.Gone());
}

TEST_F(ConnectionTest, UnknownConnectionIsNeverGone) {
  ClientConnection c("127.0.0.1", 1, 1);
  close(client_);
  client_ = -1;
  EXPECT_FALSE(c.Gone());  // nothing is known: the request runs to its deadline
}

}  // namespace
}  // namespace entente::server
