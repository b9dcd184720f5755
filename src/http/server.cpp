// The only translation unit that includes Boost.Beast/Asio for the server
// (build time on 2 cores: keep these headers in as few files as possible).
#include "http/server.hpp"

#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <cctype>
#include <chrono>
#include <list>
#include <mutex>
#include <optional>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

#include "http/request_framing.hpp"

namespace slipway::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

std::string NewRequestId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static const char* hex = "0123456789abcdef";
  std::string id(16, '0');
  auto v = rng();
  for (auto& c : id) {
    c = hex[v & 15];
    v >>= 4;
  }
  return id;
}

bool AcceptableRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) {
      return false;
    }
  }
  return true;
}

Response ErrorResponse(int status, std::string_view code, std::string_view message) {
  return Response::Json(
      status,
      boost::json::object{
          {"error", {{"code", code}, {"message", message}, {"details", boost::json::object{}}}}});
}

// Fills the parsed request; false when the target is not origin-form.
bool ToRequest(bhttp::request<bhttp::string_body>&& in, Request& out) {
  out.method = std::string(in.method_string());
  out.target = std::string(in.target());
  auto url = boost::urls::parse_origin_form(out.target);
  if (!url) return false;
  out.path = std::string(url->path());
  for (auto param : url->params()) {
    out.query.emplace_back(std::string(param.key), std::string(param.value));
  }
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Repeated lines form one comma-separated list (RFC 9110 §5.3), as a
    // client sending one Accept line per media type expects; cookies join
    // with "; " (RFC 6265 §5.4).
    auto [it, first] = out.headers.try_emplace(std::move(name), field.value());
    if (!first) {
      it->second += it->first == "cookie" ? "; " : ", ";
      it->second += field.value();
    }
  }
  out.body = std::move(in.body());
  return true;
}

// Moves the body out of `r` (the caller moves it back after writing).
bhttp::response<bhttp::string_body> ToBeast(Response& r, const Request& req, unsigned version,
                                            bool keep_alive) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(r.status), version};
  out.set(bhttp::field::server, "slipway");
  if (!r.content_type.empty()) out.set(bhttp::field::content_type, r.content_type);
  out.set("X-Request-Id", req.request_id);
  for (const auto& [name, value] : r.headers) out.insert(name, value);
  out.body() = std::move(r.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  return out;
}

}  // namespace

class Server::Impl {
 public:
  Impl(ServerSettings settings, Handler handler, Observer observer, InlineHandler inline_handler)
      : settings_(std::move(settings)),
        handler_(std::move(handler)),
        observer_(std::move(observer)),
        inline_handler_(std::move(inline_handler)),
        ioc_(settings_.network_threads),
        workers_(static_cast<std::size_t>(settings_.worker_threads)),
        acceptor_(ioc_),
        signals_(ioc_, SIGINT, SIGTERM) {}

  ~Impl() { workers_.join(); }

  void Listen() {
    tcp::endpoint endpoint{asio::ip::make_address(settings_.host), settings_.port};
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    boost::system::error_code ec;
    acceptor_.bind(endpoint, ec);
    if (ec) {
      throw std::runtime_error("cannot listen on " + settings_.host + ":" +
                               std::to_string(settings_.port) + ": " + ec.message());
    }
    acceptor_.listen(asio::socket_base::max_listen_connections);
  }

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

  void Run() {
    signals_.async_wait([this](const boost::system::error_code& ec, int) {
      if (!ec) BeginShutdown();
    });
    asio::co_spawn(ioc_, Accept(), asio::detached);
    std::vector<std::thread> threads;
    for (int i = 1; i < settings_.network_threads; ++i)
      threads.emplace_back([this] { ioc_.run(); });
    ioc_.run();
    for (auto& t : threads) t.join();
    workers_.join();
  }

  void Shutdown() {
    asio::post(ioc_, [this] { BeginShutdown(); });
  }

 private:
  struct Connection {
    beast::tcp_stream* stream = nullptr;
    bool busy = false;  // a request is being handled: let it finish
  };

  void BeginShutdown() {
    if (stopping_) return;
    stopping_ = true;
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    signals_.cancel();
    std::lock_guard lock(connections_mutex_);
    for (auto& conn : connections_) {
      if (!conn.busy) asio::post(conn.stream->get_executor(), [s = conn.stream] { s->cancel(); });
    }
    // Hard stop once the grace period is over, whatever is still running.
    grace_timer_.emplace(ioc_, settings_.shutdown_grace);
    grace_timer_->async_wait([this](const boost::system::error_code& ec) {
      if (!ec) ioc_.stop();
    });
    if (connections_.empty()) grace_timer_->cancel();
  }

  asio::awaitable<void> Accept() {
    while (!stopping_) {
      auto [ec, socket] = co_await acceptor_.async_accept(asio::make_strand(ioc_),
                                                          asio::as_tuple(asio::use_awaitable));
      if (ec) {
        if (stopping_ || ec == asio::error::operation_aborted) break;
        continue;  // e.g. EMFILE: keep serving the connections we have
      }
      asio::co_spawn(socket.get_executor(), Serve(std::move(socket)), asio::detached);
    }
  }

  std::list<Connection>::iterator Register(beast::tcp_stream& stream) {
    std::lock_guard lock(connections_mutex_);
    return connections_.insert(connections_.end(), Connection{&stream, false});
  }

  void Unregister(std::list<Connection>::iterator it) {
    std::lock_guard lock(connections_mutex_);
    connections_.erase(it);
    if (stopping_ && connections_.empty() && grace_timer_) grace_timer_->cancel();
  }

  void SetBusy(std::list<Connection>::iterator it, bool busy) {
    std::lock_guard lock(connections_mutex_);
    it->busy = busy;
  }

  asio::awaitable<Response> Handle(Request& req) {
    co_return co_await asio::co_spawn(
        workers_,
        [this, &req]() -> asio::awaitable<Response> {
          try {
            co_return handler_(req);
          } catch (const std::exception&) {
            co_return ErrorResponse(500, "internal", "internal error");
          }
        },
        asio::use_awaitable);
  }

  // The client left or went quiet, rather than sent something malformed:
  // there is nobody to answer.
  static bool ClientGone(const boost::system::error_code& ec) {
    return ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message ||
           ec == beast::error::timeout || ec == asio::error::operation_aborted ||
           ec == asio::error::eof || ec == asio::error::connection_reset;
  }

  // Reads until the unread bytes hold a whole header section (or enough to
  // refuse it), so that obs-fold is seen before Beast's parser unfolds it.
  asio::awaitable<boost::system::error_code> ReadHeaderSection(beast::tcp_stream& stream,
                                                               beast::flat_buffer& buffer,
                                                               HeaderScanner& scanner) {
    for (;;) {
      scanner.Scan({static_cast<const char*>(buffer.data().data()), buffer.size()});
      if (scanner.ready()) co_return boost::system::error_code{};
      auto [ec, n] = co_await stream.async_read_some(buffer.prepare(4096),
                                                     asio::as_tuple(asio::use_awaitable));
      if (ec) co_return ec;
      buffer.commit(n);
    }
  }

  asio::awaitable<void> Serve(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    boost::system::error_code ignored;
    stream.socket().set_option(tcp::no_delay(true), ignored);
    std::string remote = stream.socket().remote_endpoint(ignored).address().to_string();
    auto registration = Register(stream);
    beast::flat_buffer buffer;
    while (!stopping_) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(settings_.header_limit));
      parser.body_limit(settings_.body_limit);
      stream.expires_after(settings_.idle_timeout);
      HeaderScanner scanner(settings_.header_limit);
      auto ec = co_await ReadHeaderSection(stream, buffer, scanner);
      if (ec) break;  // closed, reset or idle too long: nobody to answer
      auto started = std::chrono::steady_clock::now();
      std::size_t n = 0;
      std::tie(ec, n) = co_await bhttp::async_read_header(stream, buffer, parser,
                                                          asio::as_tuple(asio::use_awaitable));
      if (scanner.obs_fold() && !ec) {
        co_await Refuse(stream, parser, remote, started, 400, "invalid",
                        "obsolete line folding (a header line starting with a space or tab) is not "
                        "accepted: send each header field on one line");
        break;
      }
      if (ec) {
        if (ec == bhttp::error::header_limit) {
          co_await Refuse(stream, parser, remote, started, 431, "invalid",
                          "request headers too large");
        } else if (ec == bhttp::error::body_limit) {
          // Content-Length already announced more than we accept.
          co_await Refuse(stream, parser, remote, started, 413, "payload_too_large",
                          "request body exceeds the configured limit");
        } else if (!ClientGone(ec)) {
          co_await Refuse(stream, parser, remote, started, 400, "invalid",
                          "malformed HTTP request: " + ec.message());
        }
        break;
      }
      if (auto refusal = FramingRefusalOf(parser.get())) {
        co_await Refuse(stream, parser, remote, started, refusal->status, refusal->code,
                        refusal->message);
        break;
      }
      SetBusy(registration, true);
      stream.expires_after(settings_.request_timeout);
      if (!parser.is_done()) {
        std::tie(ec, n) =
            co_await bhttp::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
      }
      if (ec) {
        if (ec == bhttp::error::body_limit) {
          co_await Refuse(stream, parser, remote, started, 413, "payload_too_large",
                          "request body exceeds the configured limit");
        } else if (!ClientGone(ec)) {
          // A chunk size that overflows, a bad chunk: the body cannot be framed.
          co_await Refuse(stream, parser, remote, started, 400, "invalid",
                          "malformed request body: " + ec.message());
        }
        SetBusy(registration, false);
        break;
      }
      bool keep_alive = parser.get().keep_alive();
      unsigned version = parser.get().version();
      Request req;
      req.remote_address = remote;
      std::string incoming_id(parser.get()["X-Request-Id"]);
      req.request_id = AcceptableRequestId(incoming_id) ? incoming_id : NewRequestId();
      Response res;
      if (!ToRequest(parser.release(), req)) {
        res = ErrorResponse(400, "invalid", "request target must be an absolute path");
      } else {
        req.secure = settings_.trust_forwarded_proto && req.Header("x-forwarded-proto") == "https";
        // Answers that need no blocking work (cache hits) skip the hop to the workers.
        auto quick = inline_handler_ ? inline_handler_(req) : std::nullopt;
        if (quick) {
          res = std::move(*quick);
        } else {
          res = co_await Handle(req);
        }
      }
      keep_alive = keep_alive && !stopping_ && !res.stream;
      // RFC 9110 §9.3.2: a HEAD answer has the header fields a GET would get
      // (Content-Length of the would-be body included) and never content, whatever
      // the handler filled in; a body would be read as the start of the next response.
      const bool headers_only = req.method == "HEAD";
      if (res.stream) {
        ec = co_await WriteStream(stream, res, req, version, headers_only);
      } else {
        auto out = ToBeast(res, req, version, keep_alive);
        bhttp::response_serializer<bhttp::string_body> serializer{out};
        stream.expires_after(settings_.request_timeout);
        if (headers_only) {
          std::tie(ec, n) = co_await bhttp::async_write_header(stream, serializer,
                                                               asio::as_tuple(asio::use_awaitable));
        } else {
          std::tie(ec, n) =
              co_await bhttp::async_write(stream, serializer, asio::as_tuple(asio::use_awaitable));
        }
        res.body = std::move(out.body());  // for the observer
      }
      double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      if (observer_) observer_(req, res, seconds);
      SetBusy(registration, false);
      if (ec || !keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.close();
    Unregister(registration);
  }

  // The framing rules Beast leaves to the server (request_framing.hpp).
  static std::optional<FramingRefusal> FramingRefusalOf(
      const bhttp::request<bhttp::string_body>& head) {
    std::vector<std::string_view> codings;
    auto [first, last] = head.equal_range(bhttp::field::transfer_encoding);
    for (auto it = first; it != last; ++it) codings.push_back(it->value());
    return CheckFraming(head.version(), codings, head.count(bhttp::field::host));
  }

  // Sends the header, then (unless `headers_only`) every piece of the stream
  // as a chunk until the stream ends, the client goes away or the server
  // shuts down. A client that goes away is noticed at once, not at the next
  // piece: streams that wait long for a piece (an event stream, a log) hold
  // watches and threads until then.
  asio::awaitable<boost::system::error_code> WriteStream(beast::tcp_stream& stream,
                                                         const Response& res, const Request& req,
                                                         unsigned version, bool headers_only) {
    using namespace asio::experimental::awaitable_operators;
    bhttp::response<bhttp::empty_body> head{static_cast<bhttp::status>(res.status), version};
    head.set(bhttp::field::server, "slipway");
    if (!res.content_type.empty()) head.set(bhttp::field::content_type, res.content_type);
    head.set("X-Request-Id", req.request_id);
    for (const auto& [name, value] : res.headers) head.insert(name, value);
    head.chunked(true);
    head.keep_alive(false);
    bhttp::response_serializer<bhttp::empty_body> serializer{head};
    stream.expires_after(settings_.request_timeout);
    auto [ec, n] =
        co_await bhttp::async_write_header(stream, serializer, asio::as_tuple(asio::use_awaitable));
    if (ec || headers_only)
      co_return ec;  // the connection closes after a stream: no last chunk either
    auto ended = co_await (PumpStream(stream, *res.stream) || UntilClientLeaves(stream.socket()));
    if (ended.index() == 1) co_return asio::error::eof;
    co_return std::get<0>(ended);
  }

  asio::awaitable<boost::system::error_code> PumpStream(beast::tcp_stream& stream,
                                                        BodyStream& body) {
    boost::system::error_code ec;
    std::size_t n = 0;
    asio::steady_timer wait(stream.get_executor());
    while (!ec && !stopping_) {
      bool done = false;
      auto piece = body.Poll(done);
      if (piece) {
        stream.expires_after(settings_.request_timeout);
        std::tie(ec, n) = co_await asio::async_write(
            stream, bhttp::make_chunk(asio::buffer(*piece)), asio::as_tuple(asio::use_awaitable));
        continue;
      }
      if (done) break;
      // Nothing ready: look again shortly. Polling keeps producers free of
      // any coupling to the network threads.
      wait.expires_after(std::chrono::milliseconds(10));
      std::tie(ec) = co_await wait.async_wait(asio::as_tuple(asio::use_awaitable));
    }
    if (!ec) {
      stream.expires_after(settings_.request_timeout);
      std::tie(ec, n) = co_await asio::async_write(stream, bhttp::make_chunk_last(),
                                                   asio::as_tuple(asio::use_awaitable));
    }
    co_return ec;
  }

  // Completes when the client closes or resets the connection. Nothing it
  // sends meanwhile is read as a request (the connection ends with the
  // stream), so those bytes are dropped.
  static asio::awaitable<void> UntilClientLeaves(tcp::socket& socket) {
    std::array<char, 512> scratch;
    for (;;) {
      auto [ec, n] = co_await socket.async_read_some(asio::buffer(scratch),
                                                     asio::as_tuple(asio::use_awaitable));
      if (ec) co_return;
    }
  }

  // Answers a request refused before it reached a handler and closes; the
  // access log and metrics see it like any other.
  asio::awaitable<void> Refuse(beast::tcp_stream& stream,
                               const bhttp::request_parser<bhttp::string_body>& parser,
                               const std::string& remote,
                               std::chrono::steady_clock::time_point started, int status,
                               std::string_view code, std::string message) {
    Request req;
    req.remote_address = remote;
    req.request_id = NewRequestId();
    if (parser.is_header_done()) {
      req.method = std::string(parser.get().method_string());
      req.target = std::string(parser.get().target());
    }
    auto error = ErrorResponse(status, code, message);
    auto out = ToBeast(error, req, 11, false);
    stream.expires_after(settings_.request_timeout);
    co_await bhttp::async_write(stream, out, asio::as_tuple(asio::use_awaitable));
    error.body = std::move(out.body());
    if (observer_) {
      observer_(req, error,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    }
  }

  ServerSettings settings_;
  Handler handler_;
  Observer observer_;
  InlineHandler inline_handler_;
  asio::io_context ioc_;
  asio::thread_pool workers_;
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  std::optional<asio::steady_timer> grace_timer_;
  std::atomic<bool> stopping_{false};
  std::mutex connections_mutex_;
  std::list<Connection> connections_;
};

Server::Server(ServerSettings settings, Handler handler, Observer observer,
               InlineHandler inline_handler)
    : impl_(std::make_unique<Impl>(std::move(settings), std::move(handler), std::move(observer),
                                   std::move(inline_handler))) {}
Server::~Server() = default;
void Server::Listen() { impl_->Listen(); }
std::uint16_t Server::port() const { return impl_->port(); }
void Server::Run() { impl_->Run(); }
void Server::Shutdown() { impl_->Shutdown(); }

}  // namespace slipway::http
