// End to end: `entente ingest` the shared GDELT 1.0/2.0 and ICEWS samples, then check the store
// gives back every field of every input row exactly as the readers produce it from the file;
// re-ingesting adds nothing; `export` to .jsonl re-ingests into an identical store, and to
// .sqlite gives a real SQLite database with the same rows and the promised indexes.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <cstring>
#include <map>

#include "core/sector.h"
#include "io/reader.h"
#include "store/store.h"
#include "testing.h"

namespace entente {
namespace {

using testing::RunEntente;

bool SameBits(float a, float b) { return std::memcmp(&a, &b, 4) == 0; }

std::string Describe(const Event& e) {
  std::string s;
  for (std::string_view f :
       {std::string_view(e.dataset), std::string_view(e.id), std::string_view(e.source.code),
        std::string_view(e.source.name), std::string_view(e.source.country),
        std::string_view(e.source.type1), std::string_view(e.target.code),
        std::string_view(e.target.name), std::string_view(e.target.country),
        std::string_view(e.code), std::string_view(e.base_code), std::string_view(e.root_code),
        std::string_view(e.geo_country), std::string_view(e.geo_name), std::string_view(e.url),
        std::string_view(e.sector), std::string_view(e.text), std::string_view(e.citation)}) {
    s += std::string(f) + "|";
  }
  for (const Actor* a : {&e.source, &e.target}) {
    s += a->known_group + "|" + a->ethnic + "|" + a->religion1 + "|" + a->religion2 + "|" +
         a->type2 + "|" + a->type3 + "|";
  }
  s += std::to_string(e.date) + "|" + std::to_string(static_cast<int>(e.precision)) + "|" +
       std::to_string(e.is_root) + "|" + std::to_string(e.quad) + "|" + std::to_string(e.mentions) +
       "|" + std::to_string(e.sources) + "|" + std::to_string(e.articles) + "|" +
       std::to_string(e.date_added);
  return s;
}

// What an export writes for a stored event: its sector (entente's when the dataset gives none)
// and date_added at its full YYYYMMDDhhmmss width (io/event_fields.h).
Event AsExported(Event e) {
  if (e.sector.empty()) e.sector = std::string(SectorName(ClassifySector(ViewOf(e))));
  if (e.date_added > 0 && e.date_added < 100000000) e.date_added *= 1000000;
  return e;
}

bool Same(const Event& a, const Event& b) {
  return Describe(a) == Describe(b) && SameBits(a.goldstein, b.goldstein) &&
         SameBits(a.tone, b.tone) && SameBits(a.lat, b.lat) && SameBits(a.lon, b.lon);
}

std::map<uint64_t, Event> ReadFileEvents(const std::string& path) {
  std::map<uint64_t, Event> out;
  io::ReadStats st;
  Status s = io::ReadEventFile(
      path, io::ReadOptions{},
      [&](const EventRow& e) {
        out.emplace(EventKeyHash(e), ToOwned(e));  // the first copy wins, as in the store
        return true;
      },
      &st);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

std::map<uint64_t, Event> StoreEvents(const std::string& dir) {
  std::map<uint64_t, Event> out;
  auto store = store::Store::Open(dir, store::OpenMode::kRead);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) return out;
  Status s = (*store)->Scan(EventFilter{}, [&](const EventRow& e) {
    EXPECT_TRUE(out.emplace(EventKeyHash(e), ToOwned(e)).second) << "stored twice";
    return true;
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

TEST(StoreRoundTrip, SharedSamplesComeBackFieldForField) {
  const char* files[] = {"gdelt2/geomesa-tutorials/20180101000000.export.CSV",
                         "gdelt2/DIAS-GDELT/20180326044500.export.CSV",
                         "gdelt2/spark-gdelt/events.csv",
                         "gdelt1/gdelt-demo/events.csv",
                         "gdelt1/gdelt_project-brian8128/20151207.export.CSV.small",
                         "icews/andybega-icews/events.2018.sample.tab"};
  testing::TempDir dir;
  std::string store = dir.File("store");
  std::map<uint64_t, Event> want;
  std::vector<std::string> args = {"--store", store, "-q", "ingest"};
  for (const char* f : files) {
    ENTENTE_REQUIRE_SHARED(path, f);
    for (auto& [k, e] : ReadFileEvents(path)) want.emplace(k, e);
    args.push_back(path);
  }
  testing::RunResult r = RunEntente(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Built with fmt: GCC 12 reports a false -Wrestrict on `" " + std::to_string(n)`.
  std::string stored_phrase = fmt::format(" {} stored", want.size());
  EXPECT_NE(r.out.find(stored_phrase), std::string::npos) << r.out;

  std::map<uint64_t, Event> got = StoreEvents(store);
  ASSERT_EQ(got.size(), want.size());
  int mismatches = 0;
  for (auto& [k, e] : want) {
    auto it = got.find(k);
    ASSERT_NE(it, got.end()) << Describe(e);
    if (!Same(it->second, e) && ++mismatches < 5) {
      ADD_FAILURE() << "stored:\n" << Describe(it->second) << "\nread:\n" << Describe(e);
    }
  }
  EXPECT_EQ(mismatches, 0);

  // Idempotent: nothing new the second time, every row a duplicate.
  r = RunEntente(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(" 0 stored"), std::string::npos) << r.out;
  EXPECT_EQ(StoreEvents(store).size(), want.size());

  // export .jsonl re-ingests into the same events, as exported.
  std::string jsonl = dir.File("all.jsonl");
  r = RunEntente({"--store", store, "-q", "export", "--to", jsonl});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string store2 = dir.File("store2");
  r = RunEntente({"--store", store2, "-q", "ingest", jsonl});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<uint64_t, Event> again = StoreEvents(store2);
  ASSERT_EQ(again.size(), want.size());
  int diff = 0;
  for (auto& [k, e] : got) {
    auto it = again.find(k);
    if (it == again.end() || !Same(it->second, AsExported(e))) {
      if (++diff < 3) ADD_FAILURE() << "after jsonl round trip: " << Describe(e);
    }
  }
  EXPECT_EQ(diff, 0);

  // export .sqlite: a real database with every row and both indexes.
  std::string db_path = dir.File("all.sqlite");
  r = RunEntente({"--store", store, "-q", "export", "--to", db_path, "--dyad", "PAK,RUS"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunEntente({"--store", store, "-q", "export", "--to", db_path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  auto scalar = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
      v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
  };
  EXPECT_EQ(scalar("SELECT count(*) FROM events"), static_cast<int64_t>(want.size()));
  EXPECT_EQ(scalar("SELECT count(*) FROM sqlite_master WHERE type='index' AND name IN "
                   "('events_dyad_date','events_date')"),
            2);
  EXPECT_GE(scalar("SELECT count(*) FROM events WHERE source_country='RUS' AND "
                   "target_country='PAK' AND code='080'"),
            1);
  sqlite3_close(db);

  // --plover adds PLOVER's columns to both kinds of export.
  std::string plover_db = dir.File("plover.sqlite");
  r = RunEntente({"--store", store, "-q", "export", "--plover", "--to", plover_db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(sqlite3_open_v2(plover_db.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  EXPECT_EQ(scalar("SELECT count(*) FROM events"), static_cast<int64_t>(want.size()));
  EXPECT_EQ(scalar("SELECT count(*) FROM events WHERE plover_event IS NULL"),
            scalar("SELECT count(*) FROM events WHERE root IN ('01', '02')"));
  EXPECT_GT(scalar("SELECT count(*) FROM events WHERE root = '04'"), 0);
  EXPECT_EQ(scalar("SELECT count(*) FROM events WHERE root = '04' AND plover_event <> 'CONSULT'"),
            0);
  sqlite3_close(db);
  std::string plover_csv = dir.File("plover.csv");
  r = RunEntente({"--store", store, "-q", "export", "--plover", "--to", plover_csv});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = testing::ReadFileOrDie(plover_csv);
  const std::string header = csv.substr(0, csv.find('\n'));
  EXPECT_TRUE(header.ends_with(",plover_event,plover_mode,plover_context")) << header;
}

}  // namespace
}  // namespace entente
