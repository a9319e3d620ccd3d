// The output formats of the CLI contract, as a script or a person reads them: one table in each
// format, with the cells that break naive writers (a comma, a quote, a tab, a newline, NaN, a
// null, a long text, -0, a computed real).
#include "cli/output.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "cli/exit_codes.h"

namespace entente::cli {
namespace {

std::string Render(OutputFormat format, bool with_rows = true) {
  std::ostringstream out;
  {
    TableWriter w(out, format, {"name", "n", "tone"});
    if (with_rows) {
      w.Row({std::string("Islamabad, PK"), int64_t{3}, 0.0269530948});
      w.Row({std::string("say \"hi\"\tnow\nthen"), std::monostate{}, std::nan("")});
      w.Row({std::string(70, 'x'), int64_t{-1}, 1.0 / 3.0});
    }
  }  // the destructor finishes
  return out.str();
}

TEST(OutputTest, CsvQuotesWhatNeedsItAndNothingElse) {
  EXPECT_EQ(Render(OutputFormat::kCsv),
            "name,n,tone\n"
            "\"Islamabad, PK\",3,0.0269530948\n"
            "\"say \"\"hi\"\"\tnow\nthen\",,\n" +
                std::string(70, 'x') + ",-1,0.333333\n");
}

TEST(OutputTest, TsvKeepsEveryRowOnOneLine) {
  const std::string tsv = Render(OutputFormat::kTsv);
  EXPECT_EQ(std::count(tsv.begin(), tsv.end(), '\n'), 4) << tsv;
  EXPECT_NE(tsv.find("\nsay \"hi\" now then\t\t\n"), std::string::npos) << tsv;
  EXPECT_NE(tsv.find("\nIslamabad, PK\t3\t0.0269530948\n"), std::string::npos) << tsv;
}

TEST(OutputTest, JsonlAndJsonCarryNullsAndEscapes) {
  const std::string second = R"({"name":"say \"hi\"\tnow\nthen","n":null,"tone":null})";
  std::string jsonl = Render(OutputFormat::kJsonl);
  EXPECT_EQ(jsonl.substr(0, jsonl.find('\n')),
            R"({"name":"Islamabad, PK","n":3,"tone":0.0269530948})");
  EXPECT_NE(jsonl.find("\n" + second + "\n"), std::string::npos) << jsonl;
  std::string json = Render(OutputFormat::kJson);
  EXPECT_EQ(json.substr(0, 3), "[\n ");
  EXPECT_NE(json.find(",\n " + second + ",\n "), std::string::npos) << json;
  EXPECT_EQ(json.substr(json.size() - 3), "\n]\n");
}

TEST(OutputTest, TableAlignsColumnsAndCutsLongCells) {
  std::string table = Render(OutputFormat::kTable);
  std::istringstream lines(table);
  std::string header, first, second, third;
  std::getline(lines, header);
  std::getline(lines, first);
  std::getline(lines, second);
  std::getline(lines, third);
  // The first column is as wide as its widest cell (60 at most), then two spaces.
  EXPECT_EQ(header.find("n "), 62u) << table;
  EXPECT_EQ(first.find("3 "), 62u) << table;
  EXPECT_EQ(third.substr(0, 60), std::string(57, 'x') + "...");
  EXPECT_EQ(second.find('\t'), std::string::npos);
}

TEST(OutputTest, AnEmptyTableStillSaysItsColumns) {
  EXPECT_EQ(Render(OutputFormat::kCsv, false), "name,n,tone\n");
  EXPECT_EQ(Render(OutputFormat::kTsv, false), "name\tn\ttone\n");
  EXPECT_EQ(Render(OutputFormat::kJson, false), "[]\n");
  EXPECT_EQ(Render(OutputFormat::kJsonl, false), "");
}

TEST(OutputTest, ADiscardedTablePrintsNothing) {
  std::ostringstream out;
  {
    TableWriter w(out, OutputFormat::kCsv, {"a"});
    w.Discard();
  }
  EXPECT_EQ(out.str(), "");
}

TEST(OutputTest, RealsPrintShortAndExact) {
  EXPECT_EQ(CellText(-0.0), "0");
  EXPECT_EQ(CellText(2.5), "2.5");
  EXPECT_EQ(CellText(-33.7167), "-33.7167");
  EXPECT_EQ(CellText(2.0 / 3.0), "0.666667");
  EXPECT_EQ(CellText(-1e-9), "0");
  EXPECT_EQ(CellJson(std::monostate{}), "null");
  EXPECT_EQ(JsonQuote(std::string("\x01", 1)), "\"\\u0001\"");
}

TEST(OutputTest, AnUnknownFormatIsRefusedNamingTheChoices) {
  Result<OutputFormat> f = ResolveOutputFormat("xml");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().message(), "bad --format 'xml': expected table, csv, tsv, jsonl or json");
  EXPECT_EQ(*ResolveOutputFormat("jsonl"), OutputFormat::kJsonl);
}

TEST(ExitCodesTest, EachKindOfFailureHasItsCode) {
  EXPECT_EQ(ExitCodeFor(Status::Ok()), kExitOk);
  EXPECT_EQ(ExitCodeFor(Status::InvalidArgument("x")), kExitBadInput);
  EXPECT_EQ(ExitCodeFor(Status::NotSupported("x")), kExitBadInput);
  EXPECT_EQ(ExitCodeFor(Status::Corruption("x")), kExitStore);
  EXPECT_EQ(ExitCodeFor(Status::Busy("x")), kExitStore);
  EXPECT_EQ(ExitCodeFor(Status::StoreError("x")), kExitStore);
  EXPECT_EQ(ExitCodeFor(Status::IOError("x")), kExitFailure);
  EXPECT_EQ(ExitCodeFor(Status::Network("x")), kExitNetwork);
  EXPECT_EQ(ExitCodeFor(Status::NotFound("x")), kExitNotFound);
}

}  // namespace
}  // namespace entente::cli
