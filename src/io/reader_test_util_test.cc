// Helpers for the reader tests (see reader_test_util.h); lives in a *_test.cc file so it is
// compiled into test_io only.
// GCC 12 reports a false -Wrestrict inside std::string concatenation (GCC bug 105329).
#pragma GCC diagnostic ignored "-Wrestrict"

#include "io/reader_test_util.h"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <zlib.h>

namespace entente::io::testutil {

std::string Gdelt2Row(int64_t id, const std::string& date, const std::string& actor1,
                      const std::string& country1, const std::string& actor2,
                      const std::string& country2, const std::string& code) {
  std::vector<std::string> f(61);
  f[0] = std::to_string(id);
  f[1] = date;
  f[2] = date.substr(0, 6);
  f[3] = date.substr(0, 4);
  f[4] = date.substr(0, 4) + ".5";
  f[5] = actor1;
  f[6] = "ACTOR ONE";
  f[7] = country1;
  f[15] = actor2;
  f[16] = "ACTOR TWO";
  f[17] = country2;
  f[25] = "1";
  f[26] = code;
  f[27] = code.substr(0, 3);
  f[28] = code.substr(0, 2);
  f[29] = "1";
  f[30] = "3.5";
  f[31] = "4";
  f[32] = "2";
  f[33] = "4";
  f[34] = "-1.25";
  f[51] = "4";
  f[52] = "Moscow, Moskva, Russia";
  f[53] = "RS";
  f[54] = "RS48";
  f[56] = "55.7522";
  f[57] = "37.6156";
  f[58] = "-2960561";
  f[59] = date + "104500";
  f[60] = "http://example.org/" + std::to_string(id);
  std::string out;
  for (size_t i = 0; i < f.size(); ++i) out += (i ? "\t" : "") + f[i];
  return out;
}

std::string Gdelt1Row(int64_t id, const std::string& date, const std::string& actor1,
                      const std::string& actor2, const std::string& code, bool with_url) {
  std::vector<std::string> f(with_url ? 58 : 57);
  f[0] = std::to_string(id);
  f[1] = date;
  f[5] = actor1;
  f[7] = actor1.substr(0, 3);
  f[15] = actor2;
  f[17] = actor2.substr(0, 3);
  f[25] = "0";
  f[26] = code;
  f[27] = code.substr(0, 3);
  f[28] = code.substr(0, 2);
  f[29] = "3";
  f[30] = "-2";
  f[31] = "1";
  f[32] = "1";
  f[33] = "1";
  f[34] = "0.5";
  f[50] = "Islamabad, Islamabad, Pakistan";
  f[51] = "PK";
  f[53] = "33.7";
  f[54] = "73.1667";
  f[56] = date;
  if (with_url) f[57] = "http://example.org/g1/" + std::to_string(id);
  std::string out;
  for (size_t i = 0; i < f.size(); ++i) out += (i ? "\t" : "") + f[i];
  return out;
}

std::string Gzip(const std::string& bytes) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, bytes.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Zip(const std::vector<std::pair<std::string, std::string>>& members) {
  std::vector<ZipMember> deflated;
  for (const auto& [name, data] : members) deflated.push_back({name, data, false});
  return ZipMembers(deflated);
}

std::string ZipMembers(const std::vector<ZipMember>& members) {
  size_t cap = 1024;
  for (auto& m : members) cap += m.data.size() + m.name.size() + 256;
  std::string out(cap, '\0');
  size_t used = 0;
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  archive_write_open_memory(a, out.data(), out.size(), &used);
  for (const auto& [name, data, stored] : members) {
    // The method of the next entry.
    if (stored) {
      archive_write_zip_set_compression_store(a);
    } else {
      archive_write_zip_set_compression_deflate(a);
    }
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
    archive_write_header(a, e);
    archive_write_data(a, data.data(), data.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  out.resize(used);
  return out;
}

namespace {
ReadResult Collect(
    const std::function<Status(const ReadOptions&, const std::function<bool(const EventRow&)>&,
                               ReadStats*)>& read,
    Format format) {
  ReadResult r;
  MemoryRejectSink sink;
  ReadOptions options;
  options.format = format;
  options.rejects = &sink;
  r.status = read(
      options,
      [&](const EventRow& e) {
        r.events.push_back(ToOwned(e));
        return true;
      },
      &r.stats);
  r.rejects = sink.rejects();
  return r;
}
}  // namespace

ReadResult ReadBytes(const std::string& name, const std::string& bytes, Format format) {
  return Collect([&](const ReadOptions& o, const std::function<bool(const EventRow&)>& v,
                     ReadStats* s) { return ReadEventBytes(name, bytes, o, v, s); },
                 format);
}

ReadResult ReadFile(const std::string& path, Format format) {
  return Collect([&](const ReadOptions& o, const std::function<bool(const EventRow&)>& v,
                     ReadStats* s) { return ReadEventFile(path, o, v, s); },
                 format);
}

}  // namespace entente::io::testutil
