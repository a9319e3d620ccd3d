// e2e: the dashboard server's defences, over real sockets on a free loopback port: a second
// server on a taken port fails to bind, slow and idle connections do not block other requests,
// foreign Host headers are refused, every answer carries the security headers, wrong methods get
// 405, absurd period grids are clipped or refused (here and in the CLI), an analysis whose client
// hung up stops. Outcomes only, with generous client timeouts; every socket is closed before the
// server stops.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "core/event_source.h"
#include "http/dashboard_server.h"
#include "io/chronicle.h"
#include "server/test_sources.h"
#include "testing.h"

namespace entente {
namespace {

using nlohmann::json;

class ServerLimitsTest : public ::testing::Test {
 protected:
  void Start(server::ServerOptions o = {}) {
    Result<std::vector<Event>> events = io::LoadEmbeddedChronicle();
    ASSERT_TRUE(events.ok()) << events.status().ToString();
    source_ = std::make_unique<VectorEventSource>("embedded chronicle", std::move(*events));
    o.port = 0;
    server_ = std::make_unique<server::DashboardServer>(source_.get(), o);
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { served_ = server_->Serve(); });
  }
  // The server over an API of the test's making.
  void Start(std::unique_ptr<server::Api> api) {
    server::ServerOptions o;
    o.port = 0;
    server_ = std::make_unique<server::DashboardServer>(std::move(api), o);
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { served_ = server_->Serve(); });
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    EXPECT_TRUE(served_.ok()) << served_.ToString();
  }
  std::unique_ptr<httplib::Client> Client() {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    c->set_connection_timeout(30);
    c->set_read_timeout(15);
    return c;
  }
  // A raw connection to the server, or -1.
  int Connect() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
      close(fd);
      return -1;
    }
    return fd;
  }

  std::unique_ptr<VectorEventSource> source_;
  std::unique_ptr<server::DashboardServer> server_;
  std::thread thread_;
  Status served_;
};

TEST_F(ServerLimitsTest, SecondServerOnTheSamePortFails) {
  Start();
  server::ServerOptions o;
  o.port = server_->port();
  server::DashboardServer second(source_.get(), o);
  Status st = second.Bind();
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kIOError);
}

// 64 connections that send a header line every second (never finishing their request) and 64
// that send nothing: a normal request still gets its answer.
TEST_F(ServerLimitsTest, DrippingAndIdleConnectionsDoNotBlockRequests) {
  Start();
  std::vector<int> dripping, idle;
  for (int i = 0; i < 64; ++i) {
    dripping.push_back(Connect());
    idle.push_back(Connect());
  }
  std::atomic<bool> done{false};
  std::thread drip([&] {
    for (int fd : dripping) send(fd, "GET /api/info HTTP/1.1\r\n", 24, MSG_NOSIGNAL);
    for (int round = 0; round < 25 && !done; ++round) {
      for (int fd : dripping) send(fd, "X-Drip: 1\r\n", 11, MSG_NOSIGNAL);
      for (int t = 0; t < 10 && !done; ++t)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let the server take them all
  auto client = Client();
  for (const char* path : {"/api/info", "/app.js", "/api/dyad?a=PAK&b=RUS"}) {
    httplib::Result res = client->Get(path);
    EXPECT_TRUE(res) << path << ": no answer while slow connections are open";
    if (res) {
      EXPECT_EQ(res->status, 200) << path;
    }
  }
  done = true;
  drip.join();
  for (int fd : dripping) close(fd);
  for (int fd : idle) close(fd);
}

TEST_F(ServerLimitsTest, ForeignHostIsRefused) {
  server::ServerOptions o;
  o.allowed_hosts = {"dash.example"};
  Start(o);
  auto client = Client();
  httplib::Result evil = client->Get("/api/info", {{"Host", "evil.example.com"}});
  ASSERT_TRUE(evil);
  EXPECT_EQ(evil->status, 421);
  json j = json::parse(evil->body, nullptr, false);
  EXPECT_EQ(j["error"]["code"], "bad_host") << evil->body;
  std::string port = std::to_string(server_->port());
  for (const std::string& host :
       std::vector<std::string>{"localhost", "localhost:" + port, "127.0.0.1:" + port, "127.1.2.3",
                                "[::1]:" + port, "LOCALHOST", "dash.example:8080"}) {
    httplib::Result ok = client->Get("/api/info", {{"Host", host}});
    ASSERT_TRUE(ok) << host;
    EXPECT_EQ(ok->status, 200) << host;
  }
  for (const std::string host : {"localhost.evil.example", "127.0.0.1.evil.example", "[::2]"}) {
    httplib::Result bad = client->Get("/", {{"Host", host}});
    ASSERT_TRUE(bad) << host;
    EXPECT_EQ(bad->status, 421) << host;
  }
}

TEST_F(ServerLimitsTest, EveryAnswerCarriesSecurityHeaders) {
  Start();
  auto client = Client();
  for (const char* path :
       {"/", "/app.js", "/api/info", "/api/dyad?a=PAK", "/report.html?a=PAK&b=RUS", "/nothing"}) {
    httplib::Result res = client->Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY") << path;
    EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer") << path;
    std::string csp = res->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << path;
  }
  httplib::Result report = client->Get("/report.html?a=PAK&b=RUS");
  EXPECT_EQ(report->get_header_value("Content-Security-Policy").find("script-src"),
            std::string::npos);
}

TEST_F(ServerLimitsTest, WrongMethodIsA405WithAllow) {
  Start();
  auto client = Client();
  httplib::Result post = client->Post("/api/info");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  EXPECT_EQ(json::parse(post->body, nullptr, false)["error"]["code"], "method_not_allowed");
  httplib::Result del = client->Delete("/app.js");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  // A POST with no Content-Length is answered at once, not after waiting for a body.
  int fd = Connect();
  std::string req = "POST /api/dyad HTTP/1.1\r\nHost: localhost\r\n\r\n";
  send(fd, req.data(), req.size(), MSG_NOSIGNAL);
  timeval tv{15, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  char buf[64] = {};
  ssize_t n = recv(fd, buf, sizeof(buf) - 1, 0);
  close(fd);
  EXPECT_GT(n, 0);
  EXPECT_TRUE(std::string(buf).starts_with("HTTP/1.1 405")) << buf;
  httplib::Result head = client->Head("/api/info");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
}

TEST_F(ServerLimitsTest, PeriodGridIsClippedToTheData) {
  Start();
  auto client = Client();
  httplib::Result res = client->Get("/api/dyad?a=PAK&b=RUS&by=month&from=0001&to=9999");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  json j = json::parse(res->body);
  EXPECT_LT(j["points"].size(), 1200u);  // the chronicle's months, not 120,000
  EXPECT_GE(j["points"][0]["period"].get<std::string>(), "1940");
}

// A client that sends a request and hangs up while the analysis runs: the analysis stops at its
// next read instead of running to the deadline.
TEST_F(ServerLimitsTest, AnalysisStopsWhenItsClientHangsUp) {
  Result<std::vector<Event>> events = io::LoadEmbeddedChronicle();
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  server::testing::GateSource gate(std::move(*events));
  server::ApiOptions api_options;
  api_options.deadline = std::chrono::seconds(600);
  auto owned = std::make_unique<server::Api>(&gate, api_options);
  server::Api* api = owned.get();
  Start(std::move(owned));
  int fd = Connect();
  ASSERT_GE(fd, 0);
  const std::string request = "GET /api/dyad?a=PAK&b=RUS HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  ASSERT_EQ(send(fd, request.data(), request.size(), 0), static_cast<ssize_t>(request.size()));
  gate.WaitInside();
  close(fd);
  gate.Open();
  for (int i = 0; i < 3000 && api->abandoned() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(api->abandoned(), 1u);
}

TEST(ServeCliTest, AbsurdPeriodGridIsAUsageError) {
  for (const char* command : {"dyad", "phases", "sectors"}) {
    testing::RunResult r = testing::RunEntente(
        {command, "PAK", "RUS", "--by", "month", "--from", "0001", "--to", "9999"});
    EXPECT_EQ(r.exit_code, 2) << command << ": " << r.err;
    EXPECT_NE(r.err.find("more than 40000 periods"), std::string::npos) << command << r.err;
  }
}

}  // namespace
}  // namespace entente
