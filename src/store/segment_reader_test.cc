// A segment file against damage: every byte is covered by a checksum or a check, and a damaged
// part is reported with the file and the part's name, by `info --check` (Verify) and by a query
// that touches it. Written and damaged in memory (MemEnv), so every few bytes can be tried.
#include "store/segment_reader.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "store/manifest.h"
#include "store/mem_env.h"
#include "store/store.h"
#include "store/test_events.h"

namespace entente::store {
namespace {

constexpr char kDir[] = "/s";

Status Overwrite(Env* env, const std::string& path, const std::string& bytes) {
  ASSIGN_OR_RETURN(std::unique_ptr<WritableFile> f, env->NewWritableFile(path));
  RETURN_IF_ERROR(f->Append(bytes));
  return f->Close();
}

// The part an error message names ("dyad directory page 0" -> "dyad directory page").
std::string PartNamed(const std::string& message) {
  for (const char* part :
       {"dyad directory page", "dictionary of", "block index", "period cube", "actor cube page",
        "impure dyad index", "dedupe keys", "keys frame", "column", "meta", "footer", "trailer",
        "header", "not a segment", "version"}) {
    if (message.find(part) != std::string::npos) return part;
  }
  return "<no part named: " + message + ">";
}

class SegmentDamageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(IngestInto(&mem_, kDir, RandomEvents(3000, 61)).ok());
    auto m = ReadManifest(&mem_, kDir);
    ASSERT_TRUE(m.ok());
    ASSERT_EQ(m->segments.size(), 1u);
    path_ = std::string(kDir) + "/" + m->segments[0].name;
    ASSERT_TRUE(mem_.ReadFile(path_, &bytes_).ok());
  }

  // What Open and Verify say of the segment with the byte at `at` flipped.
  Status Damaged(size_t at) {
    std::string bad = bytes_;
    bad[at] ^= 0x5a;
    EXPECT_TRUE(Overwrite(&mem_, path_, bad).ok());
    Result<std::unique_ptr<SegmentReader>> r = SegmentReader::Open(&mem_, path_);
    return r.ok() ? (*r)->Verify() : r.status();
  }

  MemEnv mem_;
  std::string path_;
  std::string bytes_;
};

TEST_F(SegmentDamageTest, EveryDamagedByteIsFoundAndNamed) {
  std::vector<size_t> positions;
  for (size_t at = 0; at < 64; ++at) positions.push_back(at);  // header and first frames
  for (size_t at = 64; at + 64 < bytes_.size(); at += bytes_.size() / 700) positions.push_back(at);
  for (size_t at = bytes_.size() - 64; at < bytes_.size(); ++at) positions.push_back(at);
  std::map<std::string, int> parts;
  for (size_t at : positions) {
    Status s = Damaged(at);
    ASSERT_FALSE(s.ok()) << "byte " << at << " of " << bytes_.size() << " flipped, not noticed";
    EXPECT_NE(s.message().find(path_), std::string::npos) << s.ToString();
    ++parts[PartNamed(s.message())];
  }
  for (const auto& [part, n] : parts) EXPECT_NE(part[0], '<') << part;
  for (const char* part : {"dyad directory page", "dictionary of", "column", "period cube"}) {
    EXPECT_GT(parts[part], 0) << "no damage found in any " << part;
  }
  ASSERT_TRUE(Overwrite(&mem_, path_, bytes_).ok());
  auto r = SegmentReader::Open(&mem_, path_);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE((*r)->Verify().ok());
}

// A query reports the damaged part it touches, by file and name, and never reads it as data.
TEST_F(SegmentDamageTest, AQueryNamesTheDamagedPartItTouches) {
  std::map<std::string, int> seen;
  for (size_t at = 64; at + 64 < bytes_.size(); at += bytes_.size() / 400) {
    Status verify = Damaged(at);
    const std::string part = PartNamed(verify.message());
    if (part != "dyad directory page" && part != "dictionary of") continue;
    auto store = Store::Open(kDir, OpenMode::kRead, &mem_);
    Status s = store.ok() ? Status::Ok() : store.status();
    if (s.ok()) {
      EventFilter f;  // every event: every dyad's directory entry and every dictionary
      s = (*store)->Scan(f, [](const EventRow&) { return true; });
    }
    ASSERT_FALSE(s.ok()) << "byte " << at << ": " << verify.ToString();
    EXPECT_EQ(s.code(), StatusCode::kCorruption) << s.ToString();
    EXPECT_NE(s.message().find(path_), std::string::npos) << s.ToString();
    EXPECT_EQ(PartNamed(s.message()), part) << s.ToString();
    ++seen[part];
  }
  EXPECT_GT(seen["dyad directory page"], 0);
  EXPECT_GT(seen["dictionary of"], 0);
}

}  // namespace
}  // namespace entente::store
