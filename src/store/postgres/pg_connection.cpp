#include "store/postgres/pg_connection.hpp"

#include <charconv>
#include <cstring>
#include <variant>

#include "store/postgres/placeholders.hpp"

namespace slipway::store::postgres {

namespace {

// Ad hoc SQL must not fill the server with prepared statements; past this
// many, new statements run unprepared.
constexpr std::size_t kMaxPreparedStatements = 256;

std::string Trimmed(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

PGconn* Connect(const std::string& url) {
  // The URL comes last so anything it sets overrides these defaults.
  const char* keys[] = {"connect_timeout", "application_name", "client_encoding", "dbname",
                        nullptr};
  const char* values[] = {"10", "slipway", "UTF8", url.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = Trimmed(PQerrorMessage(conn));
    PQfinish(conn);
    throw DbError("cannot connect to PostgreSQL: " + message, /*transient=*/true);
  }
  // Notices ("relation already exists, skipping") would otherwise go to stderr.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  return conn;
}

std::string ParamText(const Param& param) {
  char buf[32];
  if (auto* i = std::get_if<std::int64_t>(&param)) {
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, *i).ptr);
  }
  // Shortest text that reads back as the same double ("inf" and "nan" included).
  return std::string(buf, std::to_chars(buf, buf + sizeof buf, std::get<double>(param)).ptr);
}

bool IsTransientState(std::string_view state) {
  // Serialization failure, deadlock, connection exceptions, server shutting down.
  return state == "40001" || state == "40P01" || state.substr(0, 2) == "08" || state == "57P01" ||
         state == "57P02" || state == "57P03";
}

}  // namespace

PgConnection::PgConnection(std::string url) : url_(std::move(url)), conn_(Connect(url_)) {}

PgConnection::~PgConnection() { PQfinish(conn_); }

void PgConnection::EnsureReady() {
  if (Lost() || PQtransactionStatus(conn_) != PQTRANS_IDLE) Reconnect();
}

void PgConnection::Reconnect() {
  prepared_.clear();
  PQreset(conn_);
  if (Lost()) {
    throw DbError("cannot reconnect to PostgreSQL: " + Trimmed(PQerrorMessage(conn_)),
                  /*transient=*/true);
  }
}

PgConnection::Result PgConnection::Check(PGresult* result, std::string_view sql) const {
  Result owned(result);
  ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return owned;
  const char* state_field = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string_view state = state_field ? state_field : "";
  std::string message = Trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
  if (message.empty()) message = Trimmed(PQerrorMessage(conn_));
  message = "PostgreSQL: " + message + " [" + std::string(sql) + "]";
  if (state == "23505") throw UniqueViolation(message);
  throw DbError(message, Lost() || IsTransientState(state));
}

const std::string* PgConnection::Prepared(std::string_view sql) {
  auto it = prepared_.find(sql);
  if (it != prepared_.end()) return &it->second;
  if (prepared_.size() >= kMaxPreparedStatements) return nullptr;
  std::string name = "slipway_" + std::to_string(prepared_.size());
  Check(PQprepare(conn_, name.c_str(), RewritePlaceholders(sql).c_str(), 0, nullptr), sql);
  return &prepared_.emplace(std::string(sql), std::move(name)).first->second;
}

PgConnection::Result PgConnection::Run(std::string_view sql, const Params& params) {
  // Sent as text with no type: the server infers each parameter's type from
  // its use, exactly as for a quoted literal.
  std::vector<std::string> texts;
  texts.reserve(params.size());  // no reallocation: `values` points into it
  std::vector<const char*> values(params.size(), nullptr);
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (auto* s = std::get_if<std::string>(&params[i])) {
      values[i] = s->c_str();
    } else if (!std::holds_alternative<std::nullptr_t>(params[i])) {
      values[i] = texts.emplace_back(ParamText(params[i])).c_str();
    }
  }
  const int count = static_cast<int>(params.size());
  if (const std::string* name = Prepared(sql)) {
    return Check(PQexecPrepared(conn_, name->c_str(), count, values.data(), nullptr, nullptr, 0),
                 sql);
  }
  return Check(PQexecParams(conn_, RewritePlaceholders(sql).c_str(), count, nullptr, values.data(),
                            nullptr, nullptr, 0),
               sql);
}

std::vector<Row> PgConnection::Query(std::string_view sql, const Params& params) {
  Result result = Run(sql, params);
  PGresult* r = result.get();
  const int columns = PQnfields(r);
  const int count = PQntuples(r);
  std::vector<Row> rows;
  if (count == 0) return rows;
  auto names = std::make_shared<std::vector<std::string>>();
  names->reserve(columns);
  for (int c = 0; c < columns; ++c) names->emplace_back(PQfname(r, c));
  rows.reserve(count);
  for (int i = 0; i < count; ++i) {
    std::vector<std::optional<std::string>> values;
    values.reserve(columns);
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(r, i, c)) {
        values.emplace_back(std::nullopt);
      } else {
        values.emplace_back(std::in_place, PQgetvalue(r, i, c),
                            static_cast<std::size_t>(PQgetlength(r, i, c)));
      }
    }
    rows.emplace_back(names, std::move(values));
  }
  return rows;
}

std::int64_t PgConnection::Exec(std::string_view sql, const Params& params) {
  Result result = Run(sql, params);
  // A SELECT reports rows read, not changed; DDL reports nothing (empty text).
  if (std::string_view(PQcmdStatus(result.get())).starts_with("SELECT")) return 0;
  const char* tuples = PQcmdTuples(result.get());
  std::int64_t changed = 0;
  std::from_chars(tuples, tuples + std::strlen(tuples), changed);
  return changed;
}

void PgConnection::ExecScript(std::string_view sql) {
  Check(PQexec(conn_, std::string(sql).c_str()), "script");
}

void PgConnection::Commit() {
  Result result = Run("COMMIT", {});
  // COMMIT of a transaction aborted by an error the caller swallowed "succeeds"
  // with the tag ROLLBACK; reporting success would lose writes silently.
  if (std::string_view(PQcmdStatus(result.get())) == "ROLLBACK") {
    throw DbError("PostgreSQL: transaction was aborted by an earlier error and rolled back");
  }
}

}  // namespace slipway::store::postgres
