#include "store/sqlite_export.h"

#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <set>

#include "io/event_fields.h"

namespace entente::store {
namespace {

std::string SqlType(const std::string& column) {
  static const std::set<std::string> kInts = {"quad",     "mentions", "sources",
                                              "articles", "is_root",  "date_added"};
  static const std::set<std::string> kReals = {"goldstein", "tone", "lat", "lon"};
  if (kInts.count(column)) return "INTEGER";
  if (kReals.count(column)) return "REAL";
  return "TEXT";
}

class Db {
 public:
  ~Db() {
    if (stmt_) sqlite3_finalize(stmt_);
    if (db_) sqlite3_close(db_);
  }
  Status Open(const std::string& path) {
    path_ = path;
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) return Error("open");
    return Status::Ok();
  }
  Status Exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      return Status::IOError(fmt::format("{}: sqlite: {}", path_, msg));
    }
    return Status::Ok();
  }
  Status Error(std::string_view what) {
    return Status::IOError(
        fmt::format("{}: sqlite {}: {}", path_, what, db_ ? sqlite3_errmsg(db_) : "out of memory"));
  }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::string path_;
};

}  // namespace

Status ExportSqlite(EventSource* source, const EventFilter& filter, const std::string& path,
                    bool plover, int64_t* rows, const SqliteProgress& progress) {
  std::string tmp = path + ".tmp";
  unlink(tmp.c_str());
  std::vector<std::string> cols = io::EventColumnsFull();
  if (plover) cols.insert(cols.end(), io::PloverColumns().begin(), io::PloverColumns().end());
  Status s;
  {
    Db db;
    RETURN_IF_ERROR(db.Open(tmp));
    std::string create = "CREATE TABLE events (", insert = "INSERT INTO events VALUES (";
    for (size_t i = 0; i < cols.size(); ++i) {
      create += fmt::format("{}\"{}\" {}", i ? ", " : "", cols[i], SqlType(cols[i]));
      insert += i ? ", ?" : "?";
    }
    create += ")";
    insert += ")";
    RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"));
    RETURN_IF_ERROR(db.Exec(create));
    RETURN_IF_ERROR(db.Exec("BEGIN"));
    if (sqlite3_prepare_v2(db.db_, insert.c_str(), -1, &db.stmt_, nullptr) != SQLITE_OK) {
      return db.Error("prepare");
    }
    std::vector<io::FieldValue> values;
    int64_t n = 0;
    // The bar's end; 0 (unknown) when the source cannot count, which leaves count and rate.
    int64_t total = 0;
    if (progress) {
      if (Result<int64_t> n = source->CountScanned(filter); n.ok()) total = *n;
    }
    Status scan = source->Scan(filter, [&](const EventRow& e) {
      io::EventFieldValues(e, true, &values);
      if (plover) io::AppendPloverValues(e.code, &values);
      sqlite3_reset(db.stmt_);
      for (size_t i = 0; i < values.size(); ++i) {
        const io::FieldValue& v = values[i];
        int at = static_cast<int>(i + 1);
        switch (v.kind) {
          case io::FieldValue::kNull: sqlite3_bind_null(db.stmt_, at); break;
          case io::FieldValue::kInt: sqlite3_bind_int64(db.stmt_, at, v.i); break;
          case io::FieldValue::kReal: sqlite3_bind_double(db.stmt_, at, v.d); break;
          case io::FieldValue::kText:
            sqlite3_bind_text(db.stmt_, at, v.s.data(), static_cast<int>(v.s.size()),
                              SQLITE_TRANSIENT);
            break;
        }
      }
      if (sqlite3_step(db.stmt_) != SQLITE_DONE) {
        s = db.Error("insert");
        return false;
      }
      ++n;
      if (progress) progress(n, total);
      return true;
    });
    if (s.ok()) s = scan;
    if (s.ok()) s = db.Exec("COMMIT");
    if (s.ok()) {
      s = db.Exec(
          "CREATE INDEX events_dyad_date ON events(source_country, target_country, date);"
          "CREATE INDEX events_date ON events(date);");
    }
    if (s.ok()) s = db.Exec("PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;");
    *rows = n;
  }
  if (s.ok() && rename(tmp.c_str(), path.c_str()) != 0) {
    s = Status::IOError(fmt::format("{}: cannot rename the finished database into place", path));
  }
  if (!s.ok()) unlink(tmp.c_str());
  return s;
}

}  // namespace entente::store
