// Events for the store's tests, and how they compare stores.
#ifndef ENTENTE_STORE_TEST_EVENTS_H_
#define ENTENTE_STORE_TEST_EVENTS_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/event.h"
#include "core/event_source.h"
#include "store/store.h"

namespace entente::store {

// Ingests `events`, as one ingest, into the store at `dir` of `env` (the directory made first).
inline Status IngestInto(Env* env, const std::string& dir, const std::vector<Event>& events) {
  RETURN_IF_ERROR(env->CreateDirs(dir));
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, Store::Open(dir, OpenMode::kWrite, env));
  IngestStats stats;
  return store->IngestEvents(events, &stats);
}

// Random events with the shapes the store must handle: impure actors (code prefix differs from
// country), IGOs, empty actors, NaN numbers, month/year precision, ids and no ids.
inline std::vector<Event> RandomEvents(int n, uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&](std::initializer_list<const char*> xs) {
    return std::string(*(xs.begin() + rng() % xs.size()));
  };
  std::vector<Event> out;
  for (int i = 0; i < n; ++i) {
    Event e;
    e.dataset = pick({"gdelt2", "gdelt1", "icews"});
    if (rng() % 4) e.id = std::to_string(100000 + rng() % 5000000);
    e.date = static_cast<Days>(15000 + rng() % 4000);
    e.precision = static_cast<DatePrecision>(rng() % 8 == 0 ? 1 + rng() % 2 : 0);
    for (Actor* a : {&e.source, &e.target}) {
      int kind = rng() % 6;
      std::string c = pick({"PAK", "RUS", "USA", "IND", "CHN"});
      if (kind == 0) {
        a->code = c + pick({"GOV", "MIL", "BUS"});
        a->country = c;
      } else if (kind == 1) {
        a->code = pick({"GOV", "MIL", "EDU"});
        a->country = c;
      } else if (kind == 2) {
        a->code = c + "GOV";  // no country: DyadCountry from the code
      } else if (kind == 3) {
        a->code = pick({"IGOUNO", "NGOXXX"});
      } else if (kind == 4) {
        a->code = pick({"RUSMIL", "PAKGOV"});  // impure: code prefix is not the country
        a->country = c;
      }
      a->name = a->code.empty() ? "" : "NAME " + a->code;
      if (rng() % 3 == 0) a->type1 = pick({"GOV", "MIL"});
      if (rng() % 9 == 0) a->religion1 = "MOS";
    }
    std::string code = pick({"010", "0314", "042", "057", "111", "190", "20"});
    e.code = code;
    e.base_code = code.substr(0, 3);
    e.root_code = rng() % 10 ? code.substr(0, 2) : "";
    e.quad = static_cast<int8_t>(rng() % 5);
    e.is_root = rng() % 2;
    e.goldstein = rng() % 7 ? static_cast<float>(static_cast<int>(rng() % 201) - 100) / 10.0f : NAN;
    e.mentions = static_cast<int32_t>(rng() % 50);
    e.sources = static_cast<int32_t>(rng() % 5);
    e.articles = static_cast<int32_t>(rng() % 40);
    e.tone = rng() % 5 ? static_cast<float>(rng() % 10000) / 777.0f - 6.0f : NAN;
    e.geo_country = pick({"PK", "RS", ""});
    e.geo_name = e.geo_country.empty() ? "" : "Somewhere, " + e.geo_country;
    e.lat = rng() % 4 ? static_cast<float>(rng() % 18000) / 100.0f - 90.0f : NAN;
    e.lon = rng() % 4 ? static_cast<float>(rng() % 36000) / 100.0f - 180.0f : NAN;
    e.date_added = 20150218230000ll + rng() % 100000;
    e.url = "https://news.example/" + std::to_string(rng()) + "/story.html";
    if (rng() % 7 == 0) e.sector = "energy";
    if (rng() % 11 == 0) e.text = "tab\there, newline\nthere";
    if (rng() % 13 == 0) e.citation = "Dawn, 2012";
    out.push_back(std::move(e));
  }
  return out;
}

// The events of `in` with a dedupe key not seen before in it, in order.
inline std::vector<Event> Unique(const std::vector<Event>& in) {
  std::vector<Event> out;
  std::unordered_set<uint64_t> seen;
  for (const Event& e : in) {
    if (seen.insert(EventKeyHash(ViewOf(e))).second) out.push_back(e);
  }
  return out;
}

// An event's dedupe key and the fields a wrong row would differ in (date, actors, url).
inline std::string EventIdentity(const EventRow& e) {
  return std::to_string(EventKeyHash(e)) + " " + std::to_string(e.date) + " " +
         std::string(e.source.code) + " " + std::string(e.target.code) + " " + std::string(e.url);
}

// Every event `source` holds, as EventIdentity, sorted: what two stores are compared by.
inline std::vector<std::string> Identities(EventSource* source) {
  std::vector<std::string> out;
  Status s = source->Scan(EventFilter{}, [&](const EventRow& e) {
    out.push_back(EventIdentity(e));
    return true;
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace entente::store

#endif  // ENTENTE_STORE_TEST_EVENTS_H_
