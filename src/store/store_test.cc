// The store against plain references: every field back bit for bit, idempotent re-ingest, Scan
// vs a filtered vector and Aggregate vs the Aggregator on random filters, and the failure modes
// (lock contention, a flipped byte, leftovers of a dead ingest).
#include "store/store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <random>
#include <set>
#include <span>
#include <tuple>
#include <unordered_set>

#include "store/actor_days.h"
#include "store/actor_volume.h"
#include "store/columns.h"
#include "store/file_util.h"
#include "store/ingester.h"
#include "store/manifest.h"
#include "store/segment_reader.h"
#include "store/sqlite_export.h"
#include "store/store_config.h"
#include "store/test_events.h"
#include "testing.h"

namespace entente::store {
namespace {

bool SameBits(float a, float b) { return std::memcmp(&a, &b, 4) == 0; }

std::string Fingerprint(const EventRow& e) {
  std::string s = std::string(e.dataset) + "|" + std::string(e.id) + "|" + std::to_string(e.date);
  s += "|" + std::to_string(EventKeyHash(e));
  return s;
}

void ExpectSameEvent(const EventRow& a, const EventRow& b) {
  EXPECT_EQ(ToOwned(a).dataset, ToOwned(b).dataset);
  Event x = ToOwned(a), y = ToOwned(b);
  EXPECT_EQ(x.id, y.id);
  EXPECT_EQ(x.date, y.date);
  EXPECT_EQ(x.precision, y.precision);
  for (auto [p, q] : {std::pair{&x.source, &y.source}, {&x.target, &y.target}}) {
    EXPECT_EQ(p->code, q->code);
    EXPECT_EQ(p->name, q->name);
    EXPECT_EQ(p->country, q->country);
    EXPECT_EQ(p->known_group, q->known_group);
    EXPECT_EQ(p->ethnic, q->ethnic);
    EXPECT_EQ(p->religion1, q->religion1);
    EXPECT_EQ(p->religion2, q->religion2);
    EXPECT_EQ(p->type1, q->type1);
    EXPECT_EQ(p->type2, q->type2);
    EXPECT_EQ(p->type3, q->type3);
  }
  EXPECT_EQ(x.is_root, y.is_root);
  EXPECT_EQ(x.code, y.code);
  EXPECT_EQ(x.base_code, y.base_code);
  EXPECT_EQ(x.root_code, y.root_code);
  EXPECT_EQ(x.quad, y.quad);
  EXPECT_TRUE(SameBits(x.goldstein, y.goldstein));
  EXPECT_EQ(x.mentions, y.mentions);
  EXPECT_EQ(x.sources, y.sources);
  EXPECT_EQ(x.articles, y.articles);
  EXPECT_TRUE(SameBits(x.tone, y.tone));
  EXPECT_EQ(x.geo_country, y.geo_country);
  EXPECT_EQ(x.geo_name, y.geo_name);
  EXPECT_TRUE(SameBits(x.lat, y.lat));
  EXPECT_TRUE(SameBits(x.lon, y.lon));
  EXPECT_EQ(x.date_added, y.date_added);
  EXPECT_EQ(x.url, y.url);
  EXPECT_EQ(x.sector, y.sector);
  EXPECT_EQ(x.text, y.text);
  EXPECT_EQ(x.citation, y.citation);
}

// The input with duplicates (by key) removed, first copy kept.
std::vector<Event> ScanAll(EventSource* s, const EventFilter& f) {
  std::vector<Event> out;
  Status st = s->Scan(f, [&](const EventRow& e) {
    out.push_back(ToOwned(e));
    return true;
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  std::vector<std::pair<std::string, size_t>> order;
  for (size_t i = 0; i < out.size(); ++i) order.emplace_back(Fingerprint(ViewOf(out[i])), i);
  std::sort(order.begin(), order.end());
  std::vector<Event> sorted;
  for (auto& [fp, i] : order) sorted.push_back(std::move(out[i]));
  return sorted;
}

// A store in `dir` holding `events` as two segments (split at `split`), so that the
// cross-segment paths of every query run too. Null (with a test failure) when it cannot be made.
std::unique_ptr<Store> IngestAsTwoSegments(const std::string& dir, const std::vector<Event>& events,
                                           size_t split) {
  auto store = Store::Open(dir, OpenMode::kWrite);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) return nullptr;
  IngestStats st;
  std::vector<Event> first(events.begin(), events.begin() + split);
  std::vector<Event> second(events.begin() + split, events.end());
  for (const std::vector<Event>* part : {&first, &second}) {
    Status s = (*store)->IngestEvents(*part, &st);
    EXPECT_TRUE(s.ok()) << s.ToString();
    if (!s.ok()) return nullptr;
  }
  return std::move(store).value();
}

// A store in a scratch directory holding events as two segments (IngestAsTwoSegments), and the
// same events as a VectorEventSource: the row-by-row reference its answers must equal.
class TwoSegmentStoreTest : public ::testing::Test {
 protected:
  // Makes the store and the reference of `events`; wrap it in ASSERT_NO_FATAL_FAILURE.
  void Build(std::vector<Event> events, size_t split) {
    events_ = std::move(events);
    store_ = IngestAsTwoSegments(dir_.path(), events_, split);
    ASSERT_NE(store_, nullptr);
    ref_ = std::make_unique<VectorEventSource>("ref", events_);
  }

  testing::TempDir dir_;
  std::vector<Event> events_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<VectorEventSource> ref_;
};

// Scan and CountEvents on the store give what the reference gives for `f`.
void ExpectSameEvents(Store* store, VectorEventSource* ref, const EventFilter& f) {
  std::vector<Event> got = ScanAll(store, f), want = ScanAll(ref, f);
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(Fingerprint(ViewOf(got[i])), Fingerprint(ViewOf(want[i])));
  }
  auto count = store->CountEvents(f);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, static_cast<int64_t>(want.size()));
}

// One pattern of `ps`, or two different ones (two thirds of the time): an actor-volume filter.
std::vector<std::string> OneOrTwoActors(std::mt19937& rng, std::span<const char* const> ps) {
  std::vector<std::string> out = {ps[rng() % ps.size()]};
  if (rng() % 3 != 0) {
    std::string b = ps[rng() % ps.size()];
    if (b != out[0]) out.push_back(b);
  }
  return out;
}

// The store's Aggregate answers `q` row for row as the reference does.
void ExpectSameRows(const Result<std::vector<AggregateRow>>& fast,
                    const Result<std::vector<AggregateRow>>& slow) {
  ASSERT_TRUE(fast.ok() && slow.ok()) << fast.status().ToString();
  ASSERT_EQ(fast->size(), slow->size());
  for (size_t i = 0; i < fast->size(); ++i) {
    const AggregateRow &x = (*fast)[i], &y = (*slow)[i];
    EXPECT_EQ(x.period, y.period);
    EXPECT_EQ(x.a, y.a);
    EXPECT_EQ(x.b, y.b);
    EXPECT_EQ(x.root, y.root);
    EXPECT_EQ(x.events, y.events);
    EXPECT_DOUBLE_EQ(x.weight, y.weight);
    for (int k = 0; k < 4; ++k) EXPECT_DOUBLE_EQ(x.quad[k], y.quad[k]);
    EXPECT_NEAR(x.goldstein_sum, y.goldstein_sum, 1e-6 * (1 + std::fabs(y.goldstein_sum)));
    EXPECT_DOUBLE_EQ(x.goldstein_weight, y.goldstein_weight);
  }
}

void ExpectSameAggregate(Store* store, VectorEventSource* ref, const AggregateQuery& q) {
  ExpectSameRows(store->Aggregate(q), ref->Aggregate(q));
}

TEST(StoreTest, RoundTripEveryFieldAndIdempotentReingest) {
  testing::TempDir dir;
  std::vector<Event> events = RandomEvents(20000, 1);
  // Exact duplicates inside one ingest are counted, not stored twice.
  events.push_back(events[5]);
  events.push_back(events[77]);
  std::vector<Event> unique = Unique(events);
  {
    auto store = Store::Open(dir.path(), OpenMode::kWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    IngestStats st;
    ASSERT_TRUE((*store)->IngestEvents(events, &st).ok());
    EXPECT_EQ(st.rows, static_cast<int64_t>(events.size()));
    EXPECT_EQ(st.stored, static_cast<int64_t>(unique.size()));
    EXPECT_EQ(st.duplicates, static_cast<int64_t>(events.size() - unique.size()));
    IngestStats again;
    ASSERT_TRUE((*store)->IngestEvents(events, &again).ok());
    EXPECT_EQ(again.stored, 0);
    EXPECT_EQ(again.duplicates, static_cast<int64_t>(events.size()));
    EXPECT_EQ((*store)->events(), static_cast<int64_t>(unique.size()));
  }
  auto store = Store::Open(dir.path(), OpenMode::kRead);
  ASSERT_TRUE(store.ok());
  std::vector<Event> got = ScanAll(store->get(), EventFilter{});
  VectorEventSource ref("ref", unique);
  std::vector<Event> want = ScanAll(&ref, EventFilter{});
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) ExpectSameEvent(ViewOf(got[i]), ViewOf(want[i]));

  auto info = (*store)->Info();
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->events, static_cast<int64_t>(unique.size()));
  int64_t sum = 0;
  for (auto& [name, n] : info->datasets) sum += n;
  EXPECT_EQ(sum, info->events);
  EXPECT_GT(info->bytes, 0u);
}

EventFilter RandomFilter(std::mt19937& rng) {
  EventFilter f;
  const char* cs[] = {"PAK", "RUS", "USA", "IND", "CHN", "IGO", "RUSMIL", "PAKGOV", "GOV"};
  int k = rng() % 6;
  if (k <= 2) {
    f.dyad_a = cs[rng() % 9];
    f.dyad_b = cs[rng() % 9];
    f.directed = rng() % 2;
  } else if (k == 3) {
    if (rng() % 2) f.source = cs[rng() % 9];
    if (rng() % 2) f.target = cs[rng() % 9];
  } else if (k == 4) {
    f.actors = {cs[rng() % 9], cs[rng() % 9]};
  }
  if (rng() % 2) f.from = static_cast<Days>(15000 + rng() % 4000);
  if (rng() % 2) f.to = static_cast<Days>(15000 + rng() % 4000);
  if (rng() % 4 == 0) f.code_prefix = rng() % 2 ? "0" : "03";
  if (rng() % 5 == 0) f.quad = 1 + rng() % 4;
  if (rng() % 6 == 0) f.dataset = rng() % 2 ? "icews" : "nope";
  if (rng() % 4 == 0) {  // the noise filters: no cube serves them, rows decide
    f.quality.root_only = rng() % 2;
    f.quality.min_sources = static_cast<int32_t>(rng() % 4);
    f.quality.min_articles = static_cast<int32_t>(rng() % 30);
  }
  return f;
}

// Every field of every event, and Scan, CountEvents and Aggregate on ten random filters, as the
// reference gives them (the checks after a compaction or merge).
void ExpectStoreMatchesReference(Store* s, VectorEventSource* ref, uint32_t seed) {
  std::vector<Event> got = ScanAll(s, EventFilter{}), want = ScanAll(ref, EventFilter{});
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) ExpectSameEvent(ViewOf(got[i]), ViewOf(want[i]));
  std::mt19937 rng(seed);
  for (int round = 0; round < 10; ++round) {
    EventFilter f = RandomFilter(rng);
    SCOPED_TRACE(f.Describe());
    ASSERT_NO_FATAL_FAILURE(ExpectSameEvents(s, ref, f));
    AggregateQuery q;
    q.filter = f;
    q.period = static_cast<Period>(rng() % 5);
    q.by_dyad = rng() % 2;
    q.by_root = rng() % 2;
    ASSERT_NO_FATAL_FAILURE(ExpectSameAggregate(s, ref, q));
  }
}

TEST_F(TwoSegmentStoreTest, ScanAndAggregateMatchReferenceOnRandomFilters) {
  ASSERT_NO_FATAL_FAILURE(Build(Unique(RandomEvents(30000, 7)), 12000));
  std::mt19937 rng(42);
  for (int round = 0; round < 40; ++round) {
    EventFilter f = RandomFilter(rng);
    SCOPED_TRACE(f.Describe());
    ASSERT_NO_FATAL_FAILURE(ExpectSameEvents(store_.get(), ref_.get(), f));

    AggregateQuery q;
    q.filter = f;
    q.period = static_cast<Period>(rng() % 5);
    q.by_period = rng() % 4 != 0;
    q.by_dyad = rng() % 2;
    q.by_root = rng() % 2;
    q.weight = static_cast<Weight>(rng() % 3);
    ASSERT_NO_FATAL_FAILURE(ExpectSameAggregate(store_.get(), ref_.get(), q));
  }
}

// (id, source code, date) of each event `visit` sees, in the order it sees them.
using Seen = std::vector<std::tuple<std::string, std::string, int64_t>>;

Seen ScanInOrder(Store* s, const EventFilter& f) {
  Seen out;
  EXPECT_TRUE(s->Scan(f, [&](const EventRow& e) {
                 out.emplace_back(std::string(e.id), std::string(e.source.code), e.date);
                 return true;
               }).ok());
  return out;
}

Seen ScanColumnsInOrder(Store* s, const EventFilter& f, size_t stop_after = SIZE_MAX,
                        ScanPart part = {}) {
  Seen out;
  const int columns[] = {kId, kSrcCode, kDate};
  Status st = s->ScanColumns(
      f, columns,
      [&](const ColumnBatch& b) {
        const std::vector<std::string_view>& codes = b.segment->dict(kSrcCode);
        for (uint32_t r : b.rows) {
          out.emplace_back(std::string(b.columns[kId]->strs[r]),
                           std::string(codes[b.columns[kSrcCode]->ids[r]]),
                           b.columns[kDate]->ints[r]);
        }
        return out.size() < stop_after;
      },
      part);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

// The parts of a scan in index order.
Seen ScanInParts(Store* s, const EventFilter& f, int parts) {
  Seen out;
  for (int i = 0; i < parts; ++i) {
    Seen part = ScanColumnsInOrder(s, f, SIZE_MAX, ScanPart{i, parts});
    out.insert(out.end(), part.begin(), part.end());
  }
  return out;
}

// The columnar scan visits the events Scan visits, in Scan's order and within its limit, for
// every kind of filter (dyad, actors, code, quad, dataset, noise), and stops when told to;
// ScanBound is never below what Scan visits; its parts, in order, are the whole scan.
TEST_F(TwoSegmentStoreTest, ScanColumnsVisitsWhatScanVisits) {
  ASSERT_NO_FATAL_FAILURE(Build(Unique(RandomEvents(30000, 11)), 17000));
  std::mt19937 rng(7);
  for (int round = 0; round < 40; ++round) {
    EventFilter f = RandomFilter(rng);
    if (round % 3 == 0) f.limit = static_cast<int64_t>(rng() % 200);
    SCOPED_TRACE(f.Describe());
    Seen want = ScanInOrder(store_.get(), f);
    EXPECT_EQ(ScanColumnsInOrder(store_.get(), f), want);
    Result<int64_t> bound = store_->ScanBound(f);
    ASSERT_TRUE(bound.ok());
    EXPECT_GE(*bound, static_cast<int64_t>(want.size()));
    if (f.limit < 0) {
      EXPECT_EQ(ScanInParts(store_.get(), f, 2), want);
      EXPECT_EQ(ScanInParts(store_.get(), f, 3), want);
    } else {
      EXPECT_FALSE(
          store_->ScanColumns(f, {}, [](const ColumnBatch&) { return true; }, {0, 2}).ok());
    }
  }
  Seen all = ScanColumnsInOrder(store_.get(), EventFilter{});
  ASSERT_EQ(all.size(), events_.size());
  EXPECT_EQ(*store_->ScanBound(EventFilter{}), static_cast<int64_t>(events_.size()));
  Seen half = ScanColumnsInOrder(store_.get(), EventFilter{}, SIZE_MAX, {0, 2});
  EXPECT_GT(half.size(), 0u);  // both parts hold events
  EXPECT_LT(half.size(), all.size());
  Seen first = ScanColumnsInOrder(store_.get(), EventFilter{}, 1);
  ASSERT_FALSE(first.empty());
  EXPECT_LT(first.size(), all.size());  // stopped after the first block
  EXPECT_EQ(first[0], all[0]);
}

// Actor filters are decided once per dyad directory entry when the entry is pure and the
// patterns have 3 letters (entry_match.h), row by row otherwise: every combination of source,
// target, actors and dyad, with patterns of 2, 3 and 6 letters, must give what a brute-force
// Matches() over the rows gives, for Scan, CountEvents and Aggregate.
TEST_F(TwoSegmentStoreTest, ActorFiltersDecidedPerEntryEqualBruteForce) {
  ASSERT_NO_FATAL_FAILURE(Build(Unique(RandomEvents(20000, 11)), 7000));
  const char* ps[] = {"PAK",    "RUS",    "USA", "IND", "CHN",    "IGO", "NGO",
                      "RUSMIL", "PAKGOV", "GOV", "US",  "IGOUNO", "XYZ"};
  auto pat = [&](std::mt19937& rng) { return std::string(ps[rng() % std::size(ps)]); };
  std::mt19937 rng(2024);
  for (int round = 0; round < 150; ++round) {
    EventFilter f;
    if (rng() % 2) f.source = pat(rng);
    if (rng() % 2) f.target = pat(rng);
    if (rng() % 2) {
      f.actors.push_back(pat(rng));
      if (rng() % 2) f.actors.push_back(pat(rng));
    }
    if (rng() % 2) {
      f.dyad_a = pat(rng);
      f.dyad_b = pat(rng);
      f.directed = rng() % 2;
    }
    if (rng() % 3 == 0) f.from = static_cast<Days>(15000 + rng() % 4000);
    if (rng() % 3 == 0) f.to = static_cast<Days>(15000 + rng() % 4000);
    SCOPED_TRACE(f.Describe());
    ASSERT_NO_FATAL_FAILURE(ExpectSameEvents(store_.get(), ref_.get(), f));
    AggregateQuery q;
    q.filter = f;
    q.period = Period::kYear;
    q.by_dyad = rng() % 2;
    q.by_root = rng() % 2;
    ASSERT_NO_FATAL_FAILURE(ExpectSameAggregate(store_.get(), ref_.get(), q));
  }
}

// "Events involving A or B per period" (a dyad's intensity denominator) is answered from the
// segments' actor cubes minus the events involving both (actor_volume.h): it must equal the
// row-by-row answer for one and two patterns, including role codes (GOV, IGO) whose entries are
// impure, every period the path takes, every weight, month-aligned bounds and QuadClass filters.
TEST_F(TwoSegmentStoreTest, ActorCubeAnswersEqualBruteForce) {
  ASSERT_NO_FATAL_FAILURE(Build(Unique(RandomEvents(20000, 13)), 8000));
  std::vector<std::unique_ptr<SegmentReader>> segments;
  auto manifest = ReadManifest(Env::Default(), dir_.path());
  ASSERT_TRUE(manifest.ok());
  for (const SegmentInfo& s : manifest->segments) {
    auto r = SegmentReader::Open(Env::Default(), dir_.path() + "/" + s.name);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    segments.push_back(std::move(*r));
  }
  ASSERT_EQ(segments.size(), 2u);
  const char* ps[] = {"PAK", "RUS", "USA", "IND", "CHN", "IGO", "GOV", "NGO", "XYZ"};
  std::mt19937 rng(31);
  for (int round = 0; round < 120; ++round) {
    AggregateQuery q;
    q.filter.actors = OneOrTwoActors(rng, ps);
    const Period periods[] = {Period::kMonth, Period::kQuarter, Period::kYear};
    q.period = periods[rng() % 3];
    q.by_period = rng() % 4 != 0;
    q.weight = static_cast<Weight>(rng() % 3);
    Days month = PeriodStart(static_cast<Days>(15000 + rng() % 4000), Period::kMonth);
    if (rng() % 2) q.filter.from = month;
    if (rng() % 2) {
      q.filter.to =
          PeriodStart(NextPeriodStart(month, Period::kMonth) + rng() % 400, Period::kMonth) - 1;
    }
    if (rng() % 4 == 0) q.filter.quad = 1 + rng() % 4;
    SCOPED_TRACE(q.filter.Describe());
    ASSERT_TRUE(ActorVolumeServes(q, segments));
    ASSERT_NO_FATAL_FAILURE(ExpectSameRows(AggregateActorVolume(q, segments), ref_->Aggregate(q)));
    // And through the store, as BuildSeries asks.
    ASSERT_NO_FATAL_FAILURE(ExpectSameAggregate(store_.get(), ref_.get(), q));
  }
  // A dyad filter, a 6-letter pattern or a week period take the row path.
  AggregateQuery other;
  other.filter.actors = {"PAKGOV"};
  EXPECT_FALSE(ActorVolumeServes(other, segments));
  other.filter.actors = {"PAK"};
  other.period = Period::kWeek;
  EXPECT_FALSE(ActorVolumeServes(other, segments));
}

// With an ActorDayCache (as `serve` gives its sources), actor volumes by week or day, and with
// bounds inside a month, come from day cells (actor_days.h): the same rows as the row path, and a
// second ask of the same actors reads no rows again. A cache too small for one entry still
// answers, keeping nothing.
TEST_F(TwoSegmentStoreTest, ActorDayCellsAnswerEqualBruteForce) {
  std::vector<Event> events = RandomEvents(20000, 17);
  // Dyads of countries whose actors all carry their country's code: pure directory entries,
  // whose rows are taken by key alone, on either side of the key.
  std::mt19937 clean(5);
  for (int i = 0; i < 3000; ++i) {
    Event e = events[i];
    e.id = std::to_string(900000000 + i);
    const char* cs[] = {"BRA", "DEU", "FRA", "JPN"};
    for (Actor* a : {&e.source, &e.target}) {
      a->country = cs[clean() % 4];
      a->code = a->country + "GOV";
    }
    events.push_back(e);
  }
  events = Unique(events);
  ASSERT_NO_FATAL_FAILURE(Build(events, 8000));
  auto cache = std::make_shared<ActorDayCache>(8u << 20);
  store_->UseActorDayCache(cache);
  const char* ps[] = {"PAK", "RUS", "USA", "IND", "CHN", "IGO", "GOV", "XYZ", "DEU", "FRA", "JPN"};
  std::mt19937 rng(43);
  for (int round = 0; round < 120; ++round) {
    AggregateQuery q;
    q.filter.actors = OneOrTwoActors(rng, ps);
    const Period periods[] = {Period::kWeek, Period::kDay, Period::kMonth, Period::kYear};
    q.period = periods[rng() % 4];
    q.by_period = rng() % 4 != 0;
    q.weight = static_cast<Weight>(rng() % 3);
    const Days day = static_cast<Days>(15000 + rng() % 4000);
    if (rng() % 2) q.filter.from = day;
    if (rng() % 2) q.filter.to = day + static_cast<Days>(rng() % 900);
    if (rng() % 4 == 0) q.filter.quad = 1 + rng() % 4;
    SCOPED_TRACE(q.filter.Describe());
    ASSERT_NO_FATAL_FAILURE(ExpectSameAggregate(store_.get(), ref_.get(), q));
  }
  const ActorDayCache::Stats first = cache->stats();
  EXPECT_GT(first.hits, first.misses);         // 8 patterns x 2 segments, asked ~180 times
  EXPECT_LE(first.misses, 2 * std::size(ps));  // each pattern once per segment
  AggregateQuery week;
  week.filter.actors = {"PAK", "IND"};
  week.period = Period::kWeek;
  ASSERT_NO_FATAL_FAILURE(ExpectSameAggregate(store_.get(), ref_.get(), week));
  EXPECT_EQ(cache->stats().misses, first.misses);

  store_->UseActorDayCache(std::make_shared<ActorDayCache>(16));
  ASSERT_NO_FATAL_FAILURE(ExpectSameAggregate(store_.get(), ref_.get(), week));
}

// Events per dyad come from the directory where an entry's rows all match (store.h
// CountByDyad): for actor, source, target and dyad filters of 2, 3 and 6 letters, dates that cut
// entries, and the filters that fall back to Aggregate, the counts must be the row-by-row ones.
TEST_F(TwoSegmentStoreTest, CountByDyadEqualsBruteForce) {
  ASSERT_NO_FATAL_FAILURE(Build(Unique(RandomEvents(20000, 23)), 9000));
  const char* ps[] = {"PAK", "RUS", "USA", "IND", "CHN", "IGO", "GOV", "RUSMIL", "US", "XYZ"};
  std::mt19937 rng(59);
  for (int round = 0; round < 150; ++round) {
    EventFilter f;
    const int kind = static_cast<int>(rng() % 4);
    if (kind == 0) {
      for (int k = 1 + static_cast<int>(rng() % 3); k > 0; --k) f.actors.push_back(ps[rng() % 10]);
    } else if (kind == 1) {
      f.dyad_a = ps[rng() % 10];
      f.dyad_b = ps[rng() % 10];
      f.directed = rng() % 3 == 0;
    } else if (kind == 2) {
      f.source = ps[rng() % 10];
      if (rng() % 2) f.target = ps[rng() % 10];
    }
    const Days day = static_cast<Days>(15000 + rng() % 4000);
    if (rng() % 2) f.from = day;
    if (rng() % 2) f.to = day + static_cast<Days>(rng() % 1500);
    if (rng() % 8 == 0) f.quad = 1 + rng() % 4;
    SCOPED_TRACE(f.Describe());
    auto got = store_->CountByDyad(f);
    auto want = ref_->CountByDyad(f);
    ASSERT_TRUE(got.ok() && want.ok()) << got.status().ToString();
    ASSERT_EQ(got->size(), want->size());
    for (size_t i = 0; i < got->size(); ++i) {
      EXPECT_EQ((*got)[i].a, (*want)[i].a);
      EXPECT_EQ((*got)[i].b, (*want)[i].b);
      EXPECT_EQ((*got)[i].events, (*want)[i].events);
    }
  }
}

// Aggregates without actor parts are answered from the segments' period cubes when the period
// and the date bounds fall on month boundaries (period_cube.h): the answer must be the row-by-row
// one, for every period, weight and grouping, and with month-aligned bounds and QuadClass filters.
TEST_F(TwoSegmentStoreTest, PeriodCubeAnswersEqualBruteForce) {
  ASSERT_NO_FATAL_FAILURE(Build(Unique(RandomEvents(20000, 5)), 9000));
  std::mt19937 rng(77);
  for (int round = 0; round < 120; ++round) {
    AggregateQuery q;
    const Period periods[] = {Period::kMonth, Period::kQuarter, Period::kYear, Period::kWeek};
    q.period = periods[rng() % 4];
    q.by_period = rng() % 4 != 0;
    q.by_root = rng() % 2;
    q.weight = static_cast<Weight>(rng() % 3);
    Days month = PeriodStart(static_cast<Days>(15000 + rng() % 4000), Period::kMonth);
    if (rng() % 2) q.filter.from = month;
    if (rng() % 2) q.filter.to = NextPeriodStart(month, Period::kMonth) + rng() % 400;
    if (q.filter.to) q.filter.to = PeriodStart(*q.filter.to, Period::kMonth) - 1;  // month end
    if (rng() % 5 == 0) q.filter.from = q.filter.from.value_or(15000) + 3;  // not aligned: rows
    if (rng() % 4 == 0) q.filter.quad = 1 + rng() % 4;
    SCOPED_TRACE(q.filter.Describe());
    ASSERT_NO_FATAL_FAILURE(ExpectSameAggregate(store_.get(), ref_.get(), q));
    auto count = store_->CountEvents(q.filter);
    auto want = ref_->CountEvents(q.filter);
    ASSERT_TRUE(count.ok() && want.ok());
    EXPECT_EQ(*count, *want);
  }
}

TEST(StoreTest, SecondWriterIsToldWhoHoldsTheLockAndReadersAreNotBlocked) {
  testing::TempDir dir;
  auto writer = Store::Open(dir.path(), OpenMode::kWrite);
  ASSERT_TRUE(writer.ok());
  auto second = Store::Open(dir.path(), OpenMode::kWrite);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kBusy);
  EXPECT_NE(second.status().message().find("store is locked by pid " + std::to_string(getpid())),
            std::string::npos)
      << second.status().message();
  auto reader = Store::Open(dir.path(), OpenMode::kRead);
  EXPECT_TRUE(reader.ok());
}

// Ingests `events` into a new store in `dir` and closes it; wrap it in ASSERT_NO_FATAL_FAILURE.
void IngestAndClose(const std::string& dir, const std::vector<Event>& events) {
  auto store = Store::Open(dir, OpenMode::kWrite);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  IngestStats st;
  ASSERT_TRUE((*store)->IngestEvents(events, &st).ok());
}

TEST(StoreTest, FlippedByteIsCorruptionNamingTheFile) {
  testing::TempDir dir;
  ASSERT_NO_FATAL_FAILURE(IngestAndClose(dir.path(), RandomEvents(5000, 3)));
  auto m = ReadManifest(Env::Default(), dir.path());
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->segments.size(), 1u);
  std::string seg = dir.path() + "/" + m->segments[0].name;
  std::string bytes = testing::ReadFileOrDie(seg);
  for (size_t at : {bytes.size() / 3, bytes.size() - 60}) {  // a data block, then the meta
    std::string bad = bytes;
    bad[at] ^= 0x5a;
    testing::WriteFileOrDie(seg, bad);
    Status s;
    auto store = Store::Open(dir.path(), OpenMode::kRead);
    if (!store.ok()) {
      s = store.status();
    } else {
      s = (*store)->Verify();
    }
    EXPECT_EQ(s.code(), StatusCode::kCorruption) << s.ToString();
    EXPECT_NE(s.message().find(seg), std::string::npos) << s.message();
  }
  testing::WriteFileOrDie(seg, bytes);
  auto store = Store::Open(dir.path(), OpenMode::kRead);
  ASSERT_TRUE(store.ok());
  EXPECT_TRUE((*store)->Verify().ok());
}

TEST(StoreTest, TornManifestIsCorruptionAndLeftoversAreRemovedByTheNextWriter) {
  testing::TempDir dir;
  ASSERT_NO_FATAL_FAILURE(IngestAndClose(dir.path(), RandomEvents(100, 4)));
  testing::WriteFileOrDie(dir.File("seg-00000099.ens"), "half a segment");
  testing::WriteFileOrDie(dir.File("MANIFEST.tmp"), "half a manifest");
  {
    auto store = Store::Open(dir.path(), OpenMode::kWrite);
    ASSERT_TRUE(store.ok());
    EXPECT_FALSE(std::ifstream(dir.File("seg-00000099.ens")).good());
    EXPECT_FALSE(std::ifstream(dir.File("MANIFEST.tmp")).good());
    EXPECT_EQ((*store)->events(), 100 - 0);
  }
  std::string m = testing::ReadFileOrDie(dir.File("MANIFEST"));
  testing::WriteFileOrDie(dir.File("MANIFEST"), m.substr(0, m.size() / 2));
  auto store = Store::Open(dir.path(), OpenMode::kRead);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption);
  EXPECT_NE(store.status().message().find("MANIFEST"), std::string::npos);
}

TEST(StoreTest, EmptyOrMissingDirectoryIsAnEmptyStore) {
  testing::TempDir dir;
  auto store = Store::Open(dir.File("nothing-here"), OpenMode::kRead);
  ASSERT_TRUE(store.ok());
  EXPECT_TRUE((*store)->empty());
  EXPECT_EQ(ScanAll(store->get(), EventFilter{}).size(), 0u);
}

// Dedupe gives the same counts whether the keys already accepted are held in memory (KeySet) or
// read back from the segments' key frames (over the memory budget): within one ingest across
// workers' runs, and against the store's segments on a re-ingest.
// Small ingests are merged once more than kMaxSmallSegments pile up, and Compact merges the rest:
// every field of every event, every answer and the dedupe keys survive both.
TEST(StoreTest, CompactionKeepsEveryEventAndDedupe) {
  testing::TempDir dir;
  std::vector<Event> events = Unique(RandomEvents(12000, 5));
  const int parts = config::kMaxSmallSegments + 3;
  auto store = Store::Open(dir.path(), OpenMode::kWrite);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  int merged = 0;
  size_t per = events.size() / parts + 1;
  for (size_t from = 0; from < events.size(); from += per) {
    std::vector<Event> part(events.begin() + from,
                            events.begin() + std::min(events.size(), from + per));
    IngestStats st;
    ASSERT_TRUE((*store)->IngestEvents(part, &st).ok());
    EXPECT_TRUE(st.compact_warning.empty()) << st.compact_warning;
    merged += st.compacted;
  }
  EXPECT_EQ(merged, config::kMaxSmallSegments + 1);  // one merge, of the first nine
  auto info = (*store)->Info();
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->segments, parts - config::kMaxSmallSegments);

  VectorEventSource ref("ref", events);
  auto check = [&](Store* s) { ExpectStoreMatchesReference(s, &ref, 3); };
  ASSERT_NO_FATAL_FAILURE(check(store->get()));

  CompactStats cs;
  ASSERT_TRUE((*store)->Compact(CompactOptions{}, &cs).ok());
  EXPECT_EQ(cs.merged, parts - config::kMaxSmallSegments);
  EXPECT_EQ(cs.segments_after, 1);
  EXPECT_EQ(cs.rows_merged, events.size());
  ASSERT_NO_FATAL_FAILURE(check(store->get()));
  IngestStats again;
  ASSERT_TRUE((*store)->IngestEvents(events, &again).ok());
  EXPECT_EQ(again.stored, 0);
  EXPECT_EQ(again.duplicates, static_cast<int64_t>(events.size()));
  ASSERT_TRUE((*store)->Compact(CompactOptions{}, &cs).ok());
  EXPECT_EQ(cs.merged, 0);  // one segment: nothing to do

  // Only the merged segment's file is left, and a reader sees the same.
  auto names = Env::Default()->ListDir(dir.path());
  ASSERT_TRUE(names.ok());
  int files = 0;
  for (const std::string& n : *names) files += n.ends_with(".ens");
  EXPECT_EQ(files, 1);
  auto reader = Store::Open(dir.path(), OpenMode::kRead);
  ASSERT_TRUE(reader.ok());
  ASSERT_NO_FATAL_FAILURE(check(reader->get()));
}

// Compaction tells its progress in order, however many workers merge (the output cut small, so
// many dyad ranges are merged at once): the rows done never decrease, the total is every row
// rewritten, and the last call reaches it.
TEST(StoreTest, CompactionProgressReachesTheTotalInOrder) {
  testing::TempDir dir;
  std::vector<Event> events = Unique(RandomEvents(30000, 13));
  auto store = Store::Open(dir.path(), OpenMode::kWrite);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  CompactionPolicy policy;
  policy.segment_rows = 500;
  (*store)->set_compaction_policy(policy);
  const size_t per = events.size() / 3 + 1;
  for (size_t from = 0; from < events.size(); from += per) {
    std::vector<Event> part(events.begin() + from,
                            events.begin() + std::min(events.size(), from + per));
    IngestStats st;
    ASSERT_TRUE((*store)->IngestEvents(part, &st).ok());
  }

  std::vector<std::pair<uint64_t, uint64_t>> calls;  // (done, total)
  CompactOptions options;
  options.progress = [&](uint64_t done, uint64_t total) { calls.emplace_back(done, total); };
  CompactStats cs;
  ASSERT_TRUE((*store)->Compact(options, &cs).ok());
  ASSERT_EQ(cs.rows_merged, events.size());
  ASSERT_GT(cs.written, 2);
  ASSERT_GE(calls.size(), static_cast<size_t>(cs.written));  // at least once per output
  for (size_t i = 0; i < calls.size(); ++i) {
    EXPECT_EQ(calls[i].second, events.size()) << i;
    EXPECT_GE(calls[i].first, i > 0 ? calls[i - 1].first : 0) << i;
  }
  EXPECT_EQ(calls.back().first, events.size());
}

// The SQLite export tells every row it inserts, against the count it will reach.
TEST(StoreTest, SqliteExportCountsRowsUpToTheTotal) {
  testing::TempDir dir;
  std::vector<Event> events = Unique(RandomEvents(700, 17));
  VectorEventSource source("ref", events);
  std::vector<std::pair<int64_t, int64_t>> calls;  // (rows, total)
  int64_t rows = 0;
  Status s = ExportSqlite(&source, EventFilter{}, dir.File("x.sqlite"), /*plover=*/false, &rows,
                          [&](int64_t n, int64_t total) { calls.emplace_back(n, total); });
  ASSERT_TRUE(s.ok()) << s.ToString();
  const int64_t n = static_cast<int64_t>(events.size());
  ASSERT_EQ(rows, n);
  ASSERT_EQ(calls.size(), events.size());
  for (int64_t i = 0; i < n; ++i) EXPECT_EQ(calls[i], std::make_pair(i + 1, n)) << i;
}

TEST(StoreTest, SegmentNumberReadsSegmentFileNames) {
  EXPECT_EQ(SegmentNumber(SegmentFileName(42)), 42u);
  EXPECT_EQ(SegmentNumber(SegmentFileName(123456789)), 123456789u);
  EXPECT_EQ(SegmentNumber("MANIFEST"), 0u);
  EXPECT_EQ(SegmentNumber("seg-12x4.ens"), 0u);
  EXPECT_EQ(SegmentNumber("seg-.ens"), 0u);
}

// The proportions of the real policy with rows in the hundreds: merged output is cut past
// segment_rows, above the large tier's bound, and one merge takes at most that many rows. Each
// tier merges when it holds more than `max_segments`.
CompactionPolicy ShrunkPolicy(int max_segments) {
  CompactionPolicy policy;
  policy.tiers = {
      {100, max_segments, true}, {800, max_segments, false}, {1200, max_segments, false}};
  policy.max_merge_rows = 1600;
  policy.segment_rows = 1600;
  return policy;
}

// A writable store in `dir` that merges by `policy`. Null (with a test failure) when it cannot be
// opened.
std::unique_ptr<Store> OpenWithPolicy(const std::string& dir, const CompactionPolicy& policy) {
  auto store = Store::Open(dir, OpenMode::kWrite);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) return nullptr;
  (*store)->set_compaction_policy(policy);
  return std::move(store).value();
}

// The after-ingest merge by size tiers (policy shrunk to rows in the hundreds): small segments
// are merged as soon as there are too many; medium and large ones only when too many are older
// than the ingest, smallest first, at most max_merge_rows at a time; the ingest's own segments
// wait for the next one.
TEST(StoreTest, AfterIngestMergeKeepsTiersBounded) {
  testing::TempDir dir;
  CompactionPolicy policy = ShrunkPolicy(3);
  std::vector<Event> events = Unique(RandomEvents(9000, 21));
  std::unique_ptr<Store> store = OpenWithPolicy(dir.path(), policy);
  ASSERT_NE(store, nullptr);
  size_t at = 0;
  auto ingest = [&](size_t n) {
    std::vector<Event> part(events.begin() + at, events.begin() + std::min(events.size(), at + n));
    at += part.size();
    IngestStats st;
    EXPECT_TRUE(store->IngestEvents(part, &st).ok());
    EXPECT_TRUE(st.compact_warning.empty()) << st.compact_warning;
    return st;
  };
  auto segments = [&] {
    auto m = ReadManifest(Env::Default(), dir.path());
    EXPECT_TRUE(m.ok());
    return m.ok() ? m->segments : std::vector<SegmentInfo>{};
  };

  // Five medium ingests: the fifth finds four older medium segments (more than three) and merges
  // those four, not itself.
  for (int i = 0; i < 4; ++i) EXPECT_EQ(ingest(300).compacted, 0);
  IngestStats fifth = ingest(300);
  EXPECT_EQ(fifth.compacted, 4);
  EXPECT_EQ(fifth.compacted_rows, 1200u);
  std::vector<SegmentInfo> now = segments();
  EXPECT_TRUE(std::any_of(now.begin(), now.end(),
                          [](const SegmentInfo& s) { return s.name == SegmentFileName(5); }));

  // Then many small ingests: after each, at most three small segments and at most five in each
  // larger tier (three old ones, one made by a merge in the tier below, one the remainder of a
  // merge cut past segment_rows); each tier's merge rewrites at most 1600 rows (or two
  // segments).
  int bigger_merges = 0;
  while (at < events.size()) {
    IngestStats st = ingest(37);
    int in_tier[3] = {0, 0, 0};
    for (const SegmentInfo& s : segments()) {
      for (int t = 0; t < 3; ++t) {
        if (s.rows < policy.tiers[t].below_rows) {
          ++in_tier[t];
          break;
        }
      }
    }
    EXPECT_LE(in_tier[0], 3) << at;
    EXPECT_LE(in_tier[1], 5) << at;
    EXPECT_LE(in_tier[2], 5) << at;
    uint64_t small_merged = 4 * policy.tiers[0].below_rows;
    EXPECT_LE(st.compacted_rows, small_merged + 2 * 2 * policy.tiers[2].below_rows) << at;
    bigger_merges += st.compacted_rows > small_merged;
  }
  EXPECT_GT(bigger_merges, 2);
  EXPECT_LE(segments().size(), 15u);  // 9000 rows in about 210 ingests

  VectorEventSource ref("ref", events);
  ASSERT_NO_FATAL_FAILURE(ExpectStoreMatchesReference(store.get(), &ref, 4));
  IngestStats again;
  ASSERT_TRUE(store->IngestEvents(events, &again).ok());
  EXPECT_EQ(again.stored, 0);
}

// An ingest that wrote many segments merges its own output, a group of at most max_merge_rows at
// a time, until no more than max_own_segments of them are below the large bound; the segments
// that were there before it stay as they were.
TEST(StoreTest, AfterIngestMergeShrinksTheIngestsOwnOutput) {
  testing::TempDir dir;
  CompactionPolicy policy = ShrunkPolicy(100);
  policy.max_own_segments = 2;
  std::vector<Event> events = Unique(RandomEvents(3100, 33));
  events.resize(3000);
  std::unique_ptr<Store> store = OpenWithPolicy(dir.path(), policy);
  ASSERT_NE(store, nullptr);
  for (size_t at = 0; at < events.size(); at += 250) {
    std::vector<Event> part(events.begin() + at, events.begin() + at + 250);
    IngestStats st;
    ASSERT_TRUE(store->IngestEvents(part, &st).ok());
    ASSERT_EQ(st.compacted, 0);  // no tier is over its limit
  }
  auto before = ReadManifest(Env::Default(), dir.path());
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(before->segments.size(), 12u);

  // As if the last ten segments were one ingest's output.
  CompactOptions options;
  options.after_ingest = true;
  options.first_new_segment = SegmentNumber(before->segments[2].name);
  CompactStats cs;
  ASSERT_TRUE(store->Compact(options, &cs).ok());
  EXPECT_EQ(cs.merged, 10);
  // Six of 250 rows (1500: a seventh would pass 1600), then the other four: 1500 is above the
  // large bound, so only the 1000-row output stays below it, one of at most two.
  EXPECT_EQ(cs.rows_merged, 2500u);
  auto after = ReadManifest(Env::Default(), dir.path());
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->segments.size(), 4u);
  EXPECT_EQ(after->segments[0].name, before->segments[0].name);
  EXPECT_EQ(after->segments[1].name, before->segments[1].name);

  VectorEventSource ref("ref", events);
  ASSERT_NO_FATAL_FAILURE(ExpectStoreMatchesReference(store.get(), &ref, 4));
}

}  // namespace
}  // namespace entente::store
