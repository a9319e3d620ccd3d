// The compiled codebook against every CAMEO lookup copy in ../shared/data/cameo/ (skipped with a
// message when the shared data is absent), and against the codes the real GDELT and ICEWS samples
// use. The copies disagree in a few places; each disagreement we accept is listed here and in
// docs/CAMEO.md, so that a new difference fails the test instead of slipping in.
#include "core/cameo.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/event.h"
#include "core/tsv.h"
#include "testing.h"

namespace entente {
namespace {

using ::entente::testing::ReadFileOrDie;

// Lines of a text file without CR/LF; the first (header) line dropped when `header`.
std::vector<std::string> Lines(const std::string& path, bool header) {
  std::string text = ReadFileOrDie(path);
  std::vector<std::string> out;
  std::string_view unread = text;
  bool first = true;
  while (!unread.empty()) {
    std::string line(CutAt(&unread, '\n'));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (first && header) {
      first = false;
      continue;
    }
    first = false;
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::string Trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

// A two-column lookup (code TAB label) with a header line; the first row for a code wins.
std::map<std::string, std::string> TwoColumns(const std::string& path) {
  std::map<std::string, std::string> out;
  for (const std::string& line : Lines(path, /*header=*/true)) {
    size_t tab = line.find('\t');
    std::string code = Trim(line.substr(0, tab));
    std::string label = tab == std::string::npos ? "" : line.substr(tab + 1);
    out.emplace(code, label);
  }
  return out;
}

// Lower case, runs of whitespace collapsed, mojibake of curly quotes (UTF-8 "Ò"/"Ó" from Mac
// Roman, and their double-encoded forms) and quote characters dropped.
std::string Normalise(std::string_view s) {
  std::string t(s);
  for (const char* junk :
       {"\xC3\x83\xE2\x80\x99", "\xC3\x83\xE2\x80\x9C", "\xC3\x92", "\xC3\x93", "\"", "'"}) {
    for (size_t p; (p = t.find(junk)) != std::string::npos;) t.erase(p, std::strlen(junk));
  }
  std::string out;
  bool space = false;
  for (char c : t) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool Known(const std::set<std::string>& documented, const std::string& code) {
  return documented.count(code) > 0;
}

// ---------------------------------------------------------------------------------------------
// The codebook on its own.

TEST(Cameo, HasEveryLevelOfEventCode) {
  EXPECT_GE(AllEventCodes().size(), 310u);
  EXPECT_EQ(AllRootCodes().size(), 20u);
  for (const EventCodeInfo& e : AllEventCodes()) {
    SCOPED_TRACE(std::string(e.code));
    ASSERT_GE(e.code.size(), 2u);
    ASSERT_LE(e.code.size(), 4u);
    EXPECT_FALSE(e.label.empty());
    EXPECT_NE(LookupEventCode(e.root), nullptr) << "root of every code is a code";
    EXPECT_NE(LookupEventCode(e.base), nullptr) << "base of every code is a code";
    EXPECT_EQ(e.quad, QuadClassOfRoot(e.root));
    EXPECT_GE(e.goldstein, -10.0f);
    EXPECT_LE(e.goldstein, 10.0f);
    // No stray whitespace or non-ASCII (the mojibake of 044 is fixed).
    for (char c : e.label) EXPECT_TRUE(c >= 0x20 && c < 0x7f) << e.label;
    EXPECT_EQ(Trim(std::string(e.label)), e.label);
  }
}

TEST(Cameo, DecisionsFromDocsCameoMd) {
  const EventCodeInfo* d106 = LookupEventCode("106");
  ASSERT_NE(d106, nullptr);
  EXPECT_EQ(d106->label, "Demand withdrawal");
  EXPECT_FLOAT_EQ(d106->goldstein, -5.0f);
  EXPECT_EQ(d106->root, "10");
  EXPECT_EQ(d106->quad, 3);
  EXPECT_EQ(EventCodeLabel("044"), "Meet at a third location");
  EXPECT_EQ(EventCodeLabel("1056"), "Demand de-escalation of military engagement");
  EXPECT_EQ(EventCodeLabel("1213"), "Reject judicial cooperation");
  EXPECT_EQ(EventCodeLabel("1214"), "Reject intelligence cooperation");
  EXPECT_FLOAT_EQ(LookupEventCode("1952")->goldstein, -10.0f);
  EXPECT_EQ(CountryName("SSD"), "South Sudan");
  EXPECT_EQ(KnownGroupName("SCO"), "Shanghai Cooperation Organisation (SCO)");
  EXPECT_TRUE(IsEntenteKnownGroup("SCO"));
  EXPECT_TRUE(IsEntenteKnownGroup("BRC"));
  EXPECT_FALSE(IsEntenteKnownGroup("NAT"));
  EXPECT_FALSE(IsEventCode("0")) << "'0' in one copy is a placeholder, not a code";
}

TEST(Cameo, Lookups) {
  EXPECT_EQ(RootLabel("04"), "CONSULT");
  EXPECT_EQ(RootLabel("0431"), "CONSULT");
  EXPECT_EQ(RootLabel("4"), "");
  EXPECT_EQ(RootLabel("21"), "");
  EXPECT_EQ(QuadClassLabel(1), "Verbal Cooperation");
  EXPECT_EQ(QuadClassLabel(4), "Material Conflict");
  EXPECT_EQ(QuadClassLabel(0), "");
  EXPECT_EQ(LookupEventCode("0314")->base, "031");
  EXPECT_EQ(LookupEventCode("03")->base, "03");
  EXPECT_EQ(LookupEventCode("10"), LookupEventCode("10"));
  EXPECT_EQ(LookupEventCode("010")->goldstein, 0.0f);
  EXPECT_EQ(LookupEventCode("10"), AllRootCodes()[9]);
  EXPECT_EQ(LookupEventCode("10 "), nullptr);
  EXPECT_EQ(LookupEventCode(""), nullptr);
  EXPECT_EQ(CountryName("PAK"), "Pakistan");
  EXPECT_EQ(CountryName("RUS"), "Russia");
  EXPECT_FALSE(IsCountryCode("pak"));
  EXPECT_EQ(ActorTypeName("GOV"), "Government");
  EXPECT_EQ(KnownGroupName("NAT"), "North Atlantic Treaty Organization (NATO)");
  EXPECT_EQ(ReligionName("MOS"), "Muslim");
  EXPECT_GE(AllCountries().size(), 260u);
  EXPECT_GE(AllActorTypes().size(), 39u);
  EXPECT_GE(AllKnownGroups().size(), 115u);
}

// Only states are countries in lists of dyads: roles, regions, areas, IGOs and blanks are not.
TEST(Cameo, StatesAreNotRolesRegionsOrBlanks) {
  for (const char* state : {"PAK", "RUS", "USA", "GEO", "HKG", "SSD", "PSE"}) {
    EXPECT_TRUE(IsStateCode(state)) << state;
  }
  for (const char* other :
       {"GOV", "BUS", "LEG", "COP", "CVL", "MIL", "REB", "IGO", "NGO",  "UNO",    "EUR",
        "WST", "AFR", "ASA", "MEA", "GZS", "BAG", "",    " ",   " RUS", "RUSGOV", "pak"}) {
    EXPECT_FALSE(IsStateCode(other)) << "'" << other << "'";
  }
  EXPECT_TRUE(IsRegionCode("EUR"));
  EXPECT_TRUE(IsRegionCode("WSB"));
  EXPECT_FALSE(IsRegionCode("PAK"));
  EXPECT_FALSE(IsRegionCode("GOV"));
  EXPECT_TRUE(IsCountryCode("EUR"));  // CAMEO's country table keeps its regions
  int states = 0;
  for (const CodeName& c : AllCountries()) states += IsStateCode(c.code);
  EXPECT_EQ(states, 234);
  EXPECT_EQ(TrimCode(" GEOGOV "), "GEOGOV");
  EXPECT_EQ(TrimCode(" "), "");
}

TEST(Cameo, SplitActorCode) {
  ActorCodeParts p = SplitActorCode("PAKGOV");
  EXPECT_EQ(p.country, "PAK");
  EXPECT_EQ(p.types, std::vector<std::string_view>{"GOV"});
  p = SplitActorCode("RUSGOVMIL");
  EXPECT_EQ(p.country, "RUS");
  EXPECT_EQ(p.types, (std::vector<std::string_view>{"GOV", "MIL"}));
  p = SplitActorCode("IGOUNO");
  EXPECT_EQ(p.country, "");
  EXPECT_EQ(p.known_group, "UNO");
  EXPECT_EQ(p.types, std::vector<std::string_view>{"IGO"});
  p = SplitActorCode("IGOEUREEC");
  EXPECT_EQ(p.country, "EUR");
  EXPECT_EQ(p.known_group, "EEC");
  p = SplitActorCode("CHRPRO300");
  EXPECT_EQ(p.religion, "CHR");
  EXPECT_EQ(p.unknown, (std::vector<std::string_view>{"PRO", "300"}));
  p = SplitActorCode("MNCUSAMED");
  EXPECT_EQ(p.country, "USA");
  EXPECT_EQ(p.types, (std::vector<std::string_view>{"MNC", "MED"}));
  EXPECT_TRUE(SplitActorCode("").types.empty());
  EXPECT_EQ(SplitActorCode(" INDGOV").country, "IND");
}

// ---------------------------------------------------------------------------------------------
// Against the lookup copies.

// Codes ours has that a GDELT-family lookup lacks: 106 (GDELT's file merged it into the 1056 line),
// and three codes from the CAMEO 1.1b3 manual that GDELT never listed.
const std::set<std::string> kAddedToGdelt = {"106", "1213", "1214", "1951", "1952"};

// Checks `copy` (code -> label) against ours: every code in it is ours, labels agree except the
// documented ones, and ours has nothing beyond it except `allowed_extra`.
void CheckEventCopy(const std::string& name, const std::map<std::string, std::string>& copy,
                    const std::set<std::string>& label_differs,
                    const std::set<std::string>& allowed_extra) {
  SCOPED_TRACE(name);
  for (const auto& [code, label] : copy) {
    if (code == "0") continue;  // placeholder row "NO EVENT CODE" in one copy
    const EventCodeInfo* ours = LookupEventCode(code);
    ASSERT_NE(ours, nullptr) << code << " is in " << name << " but not ours";
    if (Known(label_differs, code)) {
      EXPECT_NE(Normalise(label), Normalise(ours->label))
          << code << " is listed as a difference but agrees now; update docs/CAMEO.md";
    } else {
      EXPECT_EQ(Normalise(label), Normalise(ours->label)) << code;
    }
  }
  for (const EventCodeInfo& e : AllEventCodes()) {
    std::string code(e.code);
    if (!copy.count(code)) {
      EXPECT_TRUE(Known(allowed_extra, code)) << code << " not in " << name;
    }
  }
}

TEST(CameoShared, EventCodesGdeltCopies) {
  ENTENTE_REQUIRE_SHARED(dir, "cameo");
  // 044 is garbled in every GDELT copy; 1056 carries the lost 106 line in three of them.
  CheckEventCopy("py-gdelt", TwoColumns(dir + "/py-gdelt/LOOKUP-CAMEO.eventcodes.txt"),
                 {"044", "1056"}, kAddedToGdelt);
  CheckEventCopy("spark-gdelt", TwoColumns(dir + "/spark-gdelt-reference/cameoEvent.txt"),
                 {"044", "1056"}, kAddedToGdelt);
  CheckEventCopy("kazdaghli", TwoColumns(dir + "/gdelt-lookups-kazdaghli/CAMEO.eventcodes.txt"),
                 {"044", "1056"}, kAddedToGdelt);
  CheckEventCopy("undp-bcpr", TwoColumns(dir + "/undp-bcpr/CAMEO.eventcodes.txt"), {"044"},
                 {"1213", "1214", "1951", "1952"});
}

TEST(CameoShared, EventCodesJoshmorelFull) {
  ENTENTE_REQUIRE_SHARED(path, "cameo/gdelt-lookups-joshmorel/CAMEO.eventcodesfull.txt");
  std::map<std::string, std::string> copy;
  for (const std::string& line : Lines(path, true)) {
    std::vector<std::string_view> f;
    size_t start = 0;
    for (size_t p; (p = line.find('\t', start)) != std::string::npos; start = p + 1)
      f.push_back(std::string_view(line).substr(start, p - start));
    f.push_back(std::string_view(line).substr(start));
    ASSERT_EQ(f.size(), 6u) << line;
    copy.emplace(std::string(f[0]), std::string(f[1]));
    // Its base and root columns agree with the code's own prefix (except 1711/1712, whose base
    // this copy gives as the code itself).
    if (f[0] != "0" && f[0] != "1711" && f[0] != "1712") {
      EXPECT_EQ(f[2], LookupEventCode(f[0])->base) << line;
      EXPECT_EQ(f[4], LookupEventCode(f[0])->root) << line;
      EXPECT_EQ(Normalise(f[5]), Normalise(RootLabel(f[0]))) << line;
    }
  }
  // This copy follows the CAMEO 1.1b3 manual for 101/105-107 (see docs/CAMEO.md) and has no
  // root rows and no 1214/1951/1952.
  std::set<std::string> extra = {"1214", "1951", "1952"};
  for (const EventCodeInfo* r : AllRootCodes()) extra.insert(std::string(r->code));
  CheckEventCopy("joshmorel", copy, {"101", "105", "106", "107"}, extra);
}

// Minimal RFC 4180 reader for the ICEWS table (quoted fields with commas and doubled quotes).
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

TEST(CameoShared, IcewsCodesAndGoldstein) {
  ENTENTE_REQUIRE_SHARED(path, "cameo/icews-andybega/cameo-codes.csv");
  auto rows = ParseCsv(ReadFileOrDie(path));
  ASSERT_GT(rows.size(), 300u);
  ASSERT_EQ(rows[0][3], "code");
  ASSERT_EQ(rows[0][4], "goldstein");
  // ICEWS weighs these four differently from GDELT; we keep GDELT's (docs/CAMEO.md).
  const std::set<std::string> weight_differs = {"016", "022", "164", "165"};
  std::set<std::string> seen;
  for (size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), 12u) << "row " << i;
    const std::string& code = rows[i][3];
    seen.insert(code);
    const EventCodeInfo* ours = LookupEventCode(code);
    ASSERT_NE(ours, nullptr) << code;
    EXPECT_EQ(rows[i][10], ours->root) << code;
    float g = std::stof(rows[i][4]);
    if (Known(weight_differs, code)) {
      EXPECT_NE(g, ours->goldstein) << code;
    } else {
      EXPECT_FLOAT_EQ(g, ours->goldstein) << code;
    }
  }
  for (const EventCodeInfo& e : AllEventCodes()) {
    std::string code(e.code);
    if (!seen.count(code)) {
      EXPECT_TRUE(code == "1214" || code == "1951" || code == "1952") << code;
    }
  }
}

TEST(CameoShared, CodefilesAndPlover) {
  ENTENTE_REQUIRE_SHARED(dir, "cameo");
  // "LABEL: 010= Make statement" lines (CAMEO 0.7b5 plus ICEWS variants); "0102: REQUEST, ..."
  for (const char* file : {"/ICEWS-to-jsonl/CAMEO_codefile.txt",
                           "/text_to_CAMEO/CAMEO_codefile.txt", "/plover/CAMEO2PLOVER-2021.txt"}) {
    SCOPED_TRACE(file);
    int codes = 0;
    for (const std::string& line : Lines(dir + file, false)) {
      std::string code;
      if (line.rfind("LABEL", 0) == 0) {
        size_t colon = line.find(':'), eq = line.find('=');
        if (colon == std::string::npos || eq == std::string::npos) continue;
        code = Trim(line.substr(colon + 1, eq - colon - 1));
      } else if (!line.empty() && std::isdigit(static_cast<unsigned char>(line[0]))) {
        code = line.substr(0, line.find(':'));
      } else {
        continue;
      }
      // Codes with a letter ("138i", "13y") are the files' own variant markers, not CAMEO codes.
      if (code.find_first_not_of("0123456789") != std::string::npos) continue;
      ++codes;
      EXPECT_TRUE(IsEventCode(code)) << code;
    }
    EXPECT_GT(codes, 250);
  }
}

TEST(CameoShared, GoldsteinEqualsGdelt) {
  ENTENTE_REQUIRE_SHARED(dir, "cameo");
  auto gdelt = TwoColumns(dir + "/gdelt-lookups-kazdaghli/CAMEO.goldsteinscale.txt");
  auto undp = TwoColumns(dir + "/undp-bcpr/CAMEO.goldsteinscale.txt");
  ASSERT_EQ(gdelt.size(), 310u);
  for (const auto* copy : {&gdelt, &undp}) {
    for (const auto& [code, weight] : *copy) {
      const EventCodeInfo* ours = LookupEventCode(code);
      ASSERT_NE(ours, nullptr) << code;
      EXPECT_FLOAT_EQ(std::stof(weight), ours->goldstein) << code;
    }
  }
  for (const EventCodeInfo& e : AllEventCodes()) {
    std::string code(e.code);
    if (!gdelt.count(code)) {
      EXPECT_TRUE(Known(kAddedToGdelt, code)) << code;
    }
  }
}

TEST(CameoShared, QuadClassesPerRoot) {
  ENTENTE_REQUIRE_SHARED(path, "cameo/gdelt-lookups-kazdaghli/CAMEO.QuadClass.txt");
  auto quads = TwoColumns(path);
  ASSERT_EQ(quads.size(), 4u);
  for (const auto& [q, label] : quads)
    EXPECT_EQ(Normalise(label), Normalise(QuadClassLabel(std::stoi(q))));
  // As every real GDELT row carries it (PROVENANCE.md's 06-08/09-13/14-20 is contradicted by the
  // samples; docs/CAMEO.md): 1 = roots 01-05, 2 = 06-09, 3 = 10-14, 4 = 15-20.
  const int expected[21] = {0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4};
  for (const EventCodeInfo* r : AllRootCodes()) {
    int n = std::stoi(std::string(r->code));
    EXPECT_EQ(r->quad, expected[n]) << r->code;
  }
}

void CheckNames(const std::string& name, const std::map<std::string, std::string>& copy,
                const std::vector<CodeName>& ours, const std::set<std::string>& label_differs,
                const std::set<std::string>& allowed_extra) {
  SCOPED_TRACE(name);
  std::map<std::string, std::string_view> mine;
  for (const CodeName& c : ours) mine.emplace(std::string(c.code), c.name);
  for (const auto& [code, label] : copy) {
    if (code == "0") continue;  // "Unknown or Not Applicable" placeholder
    auto it = mine.find(code);
    ASSERT_NE(it, mine.end()) << code << " missing";
    if (!Known(label_differs, code)) {
      EXPECT_EQ(Normalise(label), Normalise(it->second)) << code;
    }
  }
  for (const auto& [code, label] : mine) {
    if (!copy.count(code)) {
      EXPECT_TRUE(Known(allowed_extra, code)) << code;
    }
  }
}

TEST(CameoShared, CountriesTypesGroups) {
  ENTENTE_REQUIRE_SHARED(dir, "cameo");
  const std::set<std::string> ssd = {"SSD"};
  CheckNames("kaz countries", TwoColumns(dir + "/gdelt-lookups-kazdaghli/CAMEO.country.txt"),
             AllCountries(), {}, ssd);
  CheckNames("spark countries", TwoColumns(dir + "/spark-gdelt-reference/cameoCountry.txt"),
             AllCountries(), {}, ssd);
  CheckNames("josh countries", TwoColumns(dir + "/gdelt-lookups-joshmorel/CAMEO.country.txt"),
             AllCountries(), {}, {});
  CheckNames("kaz types", TwoColumns(dir + "/gdelt-lookups-kazdaghli/CAMEO.type.txt"),
             AllActorTypes(), {}, {});
  CheckNames("spark types", TwoColumns(dir + "/spark-gdelt-reference/cameoType.txt"),
             AllActorTypes(), {}, {});
  CheckNames("josh types", TwoColumns(dir + "/gdelt-lookups-joshmorel/CAMEO.actortype.txt"),
             AllActorTypes(), {}, {});
  CheckNames("arek types", TwoColumns(dir + "/CAMEO.type.arekziobrowski.txt"), AllActorTypes(), {},
             {});
  // Names we completed or disambiguated (docs/CAMEO.md); additions are entente's own.
  const std::set<std::string> renamed = {"CEM", "KID", "NEP", "SAA", "WTO"};
  const std::set<std::string> added = {"SCO", "BRC", "CST", "EAU"};
  CheckNames("kaz groups", TwoColumns(dir + "/gdelt-lookups-kazdaghli/CAMEO.knowngroup.txt"),
             AllKnownGroups(), renamed, added);
  CheckNames("spark groups", TwoColumns(dir + "/spark-gdelt-reference/cameoGroup.txt"),
             AllKnownGroups(), renamed, added);
  CheckNames("josh groups", TwoColumns(dir + "/gdelt-lookups-joshmorel/CAMEO.knowngroup.txt"),
             AllKnownGroups(), renamed, added);
  for (const std::string& g : added) EXPECT_TRUE(IsEntenteKnownGroup(g)) << g;
  CheckNames("kaz religions", TwoColumns(dir + "/gdelt-lookups-kazdaghli/CAMEO.religion.txt"),
             AllReligions(), {}, {});
}

// ---------------------------------------------------------------------------------------------
// Against the codes real data uses.

TEST(CameoShared, EveryCodeInGdeltSamplesIsKnown) {
  ENTENTE_REQUIRE_SHARED(dir, "");
  const char* files[] = {"gdelt1/gdelt-demo/events.csv",
                         "gdelt1/gdelt_project-brian8128/20151207.export.CSV.small",
                         "gdelt1/spark-gdelt/events1.csv",
                         "gdelt2/DIAS-GDELT/20180326044500.export.CSV",
                         "gdelt2/geomesa-tutorials/20180101000000.export.CSV",
                         "gdelt2/spark-gdelt/events.csv",
                         "gdelt2/spark-gdelt/eventsT.csv"};
  int rows = 0;
  for (const char* f : files) {
    SCOPED_TRACE(f);
    for (const std::string& line : Lines(dir + "/" + f, false)) {
      std::vector<std::string> c;
      size_t start = 0;
      for (size_t p; (p = line.find('\t', start)) != std::string::npos; start = p + 1)
        c.push_back(line.substr(start, p - start));
      c.push_back(line.substr(start));
      ASSERT_GE(c.size(), 57u);
      ++rows;
      // 0-based: 26 EventCode, 27 EventBaseCode, 28 EventRootCode, 29 QuadClass, 30 Goldstein.
      const EventCodeInfo* e = LookupEventCode(c[26]);
      ASSERT_NE(e, nullptr) << c[26];
      EXPECT_EQ(e->base, c[27]);
      EXPECT_EQ(e->root, c[28]);
      EXPECT_EQ(std::to_string(e->quad), c[29]);
      EXPECT_FLOAT_EQ(e->goldstein, std::stof(c[30])) << c[26];
      for (int actor : {5, 15}) {  // Actor1Code, Actor2Code start
        if (!c[actor + 2].empty()) {
          EXPECT_TRUE(IsCountryCode(c[actor + 2])) << c[actor + 2];
        }
        if (!c[actor + 3].empty()) {
          EXPECT_FALSE(KnownGroupName(c[actor + 3]).empty()) << c[actor + 3];
        }
        if (!c[actor + 5].empty()) {
          EXPECT_FALSE(ReligionName(c[actor + 5]).empty()) << c[actor + 5];
        }
        for (int t = 7; t <= 9; ++t)
          if (!c[actor + t].empty()) {
            EXPECT_FALSE(ActorTypeName(c[actor + t]).empty()) << c[actor + t];
          }
        // Our split of the actor code agrees with GDELT's own country and known-group fields
        // (not on 57-column backfile rows: those leave TWN's country empty).
        if (c.size() != 57) {
          ActorCodeParts parts = SplitActorCode(c[actor]);
          EXPECT_EQ(parts.country, c[actor + 2]) << c[actor];
          EXPECT_EQ(parts.known_group, c[actor + 3]) << c[actor];
        }
      }
    }
  }
  EXPECT_GT(rows, 9000);
}

TEST(CameoShared, EveryCodeInIcewsSampleIsKnown) {
  ENTENTE_REQUIRE_SHARED(path, "icews/andybega-icews/events.2018.sample.tab");
  int rows = 0;
  for (const std::string& line : Lines(path, true)) {
    size_t start = 0;
    for (int i = 0; i < 6; ++i) start = line.find('\t', start) + 1;
    std::string code = line.substr(start, line.find('\t', start) - start);
    EXPECT_TRUE(IsEventCode(code)) << code;
    ++rows;
  }
  EXPECT_GT(rows, 3000);
}

TEST(ActorCodeHintTest, NamesTyposAndSuggestsTheNearestState) {
  EXPECT_EQ(ActorCodeHint("RUSS"), "RUSS is no CAMEO actor code; did you mean RUS?");
  EXPECT_EQ(ActorCodeHint("XQZ"), "XQZ is no CAMEO actor code");
  EXPECT_EQ(ActorCodeHint("PK"), "PK is no CAMEO actor code; did you mean PAK?");
  EXPECT_EQ(ActorCodeHint(""), "");
  for (const char* fine : {"RUS", "PAKGOV", "IGOUNO", " INDGOV", "GOV", "EUR", "RUSGOVMIL"}) {
    EXPECT_EQ(ActorCodeHint(fine), "") << fine;
  }
}

}  // namespace
}  // namespace entente
