// Coder speed: sentences per second on a generated news-like corpus, with our dictionaries and
// with the full PETRARCH2 dictionaries loaded beside them; dictionary load time; peak memory.
// Baseline in the same run: a naive matcher that tries every dictionary phrase at every token
// (what a coder without the trie would do). TABARI and PETRARCH cannot be built here (no
// Debian packages, nothing may be downloaded), so they are not measured here; the figures quoted
// for them are TABARI ~25,000 sentences/s and PETRARCH2 ~250 sentences/s.
//
// Run: build-*/coder_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "coder/coder.h"
#include "coder/text.h"

namespace entente::coder {
namespace {

// A seeded corpus of news-like sentences built from the gold set's vocabulary: an actor, a
// verb phrase, an actor, a tail; one sentence in four carries no event.
std::vector<std::string> Corpus(size_t n, uint32_t seed) {
  static const char* kActors[] = {"Russia",
                                  "Pakistan",
                                  "India",
                                  "China",
                                  "the United States",
                                  "Afghanistan",
                                  "Moscow",
                                  "Islamabad",
                                  "New Delhi",
                                  "Beijing",
                                  "Kabul",
                                  "Washington",
                                  "Russian Foreign Minister Sergei Lavrov",
                                  "Pakistani Prime Minister Imran Khan",
                                  "Pakistan's army chief",
                                  "Russian President Vladimir Putin",
                                  "the Kremlin",
                                  "Indian Prime Minister Narendra Modi",
                                  "Chinese President Xi Jinping",
                                  "NATO",
                                  "the SCO",
                                  "Gazprom",
                                  "the Pakistani military",
                                  "Russian Defence Minister Sergei Shoigu",
                                  "the foreign minister of Pakistan",
                                  "Afghan officials",
                                  "the Taliban"};
  static const char* kVerbs[] = {"visited",
                                 "held talks with",
                                 "met",
                                 "signed an agreement with",
                                 "praised",
                                 "criticized",
                                 "accused",
                                 "imposed sanctions on",
                                 "plans to visit",
                                 "did not sign a deal with",
                                 "provided military aid to",
                                 "sent humanitarian aid to",
                                 "hosted",
                                 "urged",
                                 "threatened",
                                 "rejected an offer from",
                                 "agreed to expand trade with",
                                 "conducted joint exercises with",
                                 "summoned the envoy of",
                                 "suspended aid to",
                                 "attacked",
                                 "refused to meet",
                                 "welcomed",
                                 "called on"};
  static const char* kTails[] = {".",
                                 " on Monday.",
                                 " in 2012.",
                                 " last week.",
                                 ", officials said.",
                                 " to discuss energy cooperation.",
                                 " after months of tension.",
                                 " on October 4, 2015.",
                                 " in a statement on Tuesday.",
                                 " despite objections."};
  static const char* kPlain[] = {
      "The weather in the capital was hot and humid for most of the week.",
      "Markets closed higher on Thursday as investors weighed the latest inflation figures.",
      "The ministry said more details would be released in the coming days.",
      "Analysts expect the decision to take several months."};
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (rng() % 4 == 0) {
      out.emplace_back(kPlain[rng() % std::size(kPlain)]);
      continue;
    }
    std::string s = kActors[rng() % std::size(kActors)];
    s[0] = char(std::toupper(static_cast<unsigned char>(s[0])));
    s += ' ';
    s += kVerbs[rng() % std::size(kVerbs)];
    s += ' ';
    s += kActors[rng() % std::size(kActors)];
    s += kTails[rng() % std::size(kTails)];
    out.push_back(std::move(s));
  }
  return out;
}

std::string SharedDir() {
  const char* env = std::getenv("ENTENTE_SHARED_DATA");
  return env ? env : "/work/shared/data";
}

DictionaryOptions FullOptions() {
  std::string d = SharedDir() + "/petrarch2/dictionaries/";
  DictionaryOptions o;
  o.dirs = {d + "CAMEO.2.0.txt", d + "Phoenix.Countries.actors.txt",
            d + "Phoenix.International.actors.txt", d + "Phoenix.MilNonState.actors.txt",
            d + "Phoenix.agents.txt"};
  return o;
}

double PeakRssMb() {
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return double(ru.ru_maxrss) / 1024.0;
}

void BM_LoadBuiltin(benchmark::State& state) {
  for (auto _ : state) {
    auto d = LoadDictionaries(DictionaryOptions{});
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(BM_LoadBuiltin)->Unit(benchmark::kMillisecond);

void BM_LoadFullPetrarch(benchmark::State& state) {
  size_t phrases = 0;
  for (auto _ : state) {
    auto d = LoadDictionaries(FullOptions());
    if (!d.ok()) {
      state.SkipWithError("shared PETRARCH2 dictionaries not found");
      return;
    }
    phrases = (*d)->phrase_count();
  }
  state.counters["phrases"] = double(phrases);
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_LoadFullPetrarch)->Unit(benchmark::kMillisecond)->Iterations(3);

void CodeCorpus(benchmark::State& state, const Dictionary& dict) {
  static const std::vector<std::string> corpus = Corpus(20000, 12345);
  Coder coder(&dict);
  std::vector<CodedEvent> events;
  size_t sentences = 0, coded = 0;
  for (auto _ : state) {
    for (const std::string& s : corpus) {
      events.clear();
      coder.CodeSentence(s, 16000, 1, 0, &events);
      coded += events.size();
    }
    sentences += corpus.size();
  }
  state.counters["sentences_per_s"] =
      benchmark::Counter(double(sentences), benchmark::Counter::kIsRate);
  state.counters["events_per_sentence"] = double(coded) / double(sentences);
  state.counters["peak_rss_mb"] = PeakRssMb();
}

void BM_CodeBuiltin(benchmark::State& state) {
  static auto dict = LoadDictionaries(DictionaryOptions{});
  CodeCorpus(state, **dict);
}
BENCHMARK(BM_CodeBuiltin)->Unit(benchmark::kMillisecond);

void BM_CodeFullPetrarch(benchmark::State& state) {
  static auto dict = LoadDictionaries(FullOptions());
  if (!dict.ok()) {
    state.SkipWithError("shared PETRARCH2 dictionaries not found");
    return;
  }
  CodeCorpus(state, **dict);
}
BENCHMARK(BM_CodeFullPetrarch)->Unit(benchmark::kMillisecond);

// Baseline: the same tokens, matched by trying every phrase of the built-in dictionaries at
// every position (no trie), then nothing else. Only the matching step is compared, so the ratio
// to BM_MatchTrie is the trie's gain.
struct Phrases {
  std::vector<std::vector<uint32_t>> list;
};
const Phrases& AllPhrases(const Dictionary& d) {
  static Phrases p = [&] {
    Phrases out;
    // Walk the trie by brute force: every path up to 4 tokens that ends at a terminal node.
    std::vector<std::pair<uint32_t, std::vector<uint32_t>>> stack{{0, {}}};
    while (!stack.empty()) {
      auto [node, path] = stack.back();
      stack.pop_back();
      if (path.size() >= 4) continue;
      for (uint32_t id = 1; id < d.vocabulary_size(); ++id) {
        uint32_t child = d.trie().Child(node, id);
        if (!child) continue;
        std::vector<uint32_t> next = path;
        next.push_back(id);
        if (d.trie().IsTerminal(child)) out.list.push_back(next);
        stack.emplace_back(child, std::move(next));
      }
    }
    return out;
  }();
  return p;
}

template <bool kNaive>
void MatchCorpus(benchmark::State& state) {
  static auto dict = LoadDictionaries(DictionaryOptions{});
  const Dictionary& d = **dict;
  static const std::vector<std::string> corpus = Corpus(kNaive ? 2000 : 20000, 777);
  const Phrases& phrases = AllPhrases(d);
  TokenizedSentence ts;
  std::vector<uint32_t> ids;
  size_t sentences = 0, matched = 0;
  for (auto _ : state) {
    for (const std::string& s : corpus) {
      Tokenize(s, &ts);
      ids.clear();
      for (const Token& t : ts.tokens) ids.push_back(d.Lookup(t.text));
      for (size_t i = 0; i < ids.size(); ++i) {
        size_t best = 0;
        if (kNaive) {
          for (const auto& p : phrases.list) {
            if (p.size() > ids.size() - i || p.size() <= best) continue;
            bool ok = true;
            for (size_t k = 0; k < p.size() && ok; ++k) ok = ids[i + k] == p[k];
            if (ok) best = p.size();
          }
        } else {
          uint32_t node;
          best = d.trie().LongestMatch(&ids[i], ids.size() - i, &node);
        }
        matched += best;
      }
    }
    sentences += corpus.size();
  }
  state.counters["sentences_per_s"] =
      benchmark::Counter(double(sentences), benchmark::Counter::kIsRate);
  state.counters["phrases"] = double(phrases.list.size());
  benchmark::DoNotOptimize(matched);
}
void BM_MatchTrie(benchmark::State& state) { MatchCorpus<false>(state); }
void BM_MatchNaive(benchmark::State& state) { MatchCorpus<true>(state); }
BENCHMARK(BM_MatchTrie)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatchNaive)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace entente::coder

BENCHMARK_MAIN();
