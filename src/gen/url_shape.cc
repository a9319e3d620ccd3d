#include "gen/url_shape.h"

#include <charconv>

namespace entente::gen {

Result<UrlShape> ParseUrlShape(std::string_view host, std::string_view shape) {
  UrlShape out;
  out.host = host;
  size_t i = 0;
  while (i < shape.size()) {
    size_t open = shape.find('{', i);
    if (open != i) {
      size_t end = open == std::string_view::npos ? shape.size() : open;
      out.pieces.push_back(UrlPiece{UrlPiece::kLiteral, 0, shape.substr(i, end - i)});
      i = end;
      continue;
    }
    size_t close = shape.find('}', open);
    if (close == std::string_view::npos) {
      return Status::InvalidArgument("unclosed '{' in URL shape: " + std::string(shape));
    }
    std::string_view tag = shape.substr(open + 1, close - open - 1);
    UrlPiece p;
    if (tag == "w") {
      p.kind = UrlPiece::kWord;
    } else if (tag == "W") {
      p.kind = UrlPiece::kTitleWord;
    } else if (tag == "U") {
      p.kind = UrlPiece::kUpperWord;
    } else if (tag.size() >= 2 && (tag[0] == 'd' || tag[0] == 'x')) {
      p.kind = tag[0] == 'd' ? UrlPiece::kDigits : UrlPiece::kAlnum;
      unsigned n = 0;
      auto [ptr, ec] = std::from_chars(tag.data() + 1, tag.data() + tag.size(), n);
      if (ec != std::errc() || ptr != tag.data() + tag.size() || n == 0 || n > 1000) {
        return Status::InvalidArgument("bad length in URL shape tag {" + std::string(tag) + "}");
      }
      p.length = static_cast<uint16_t>(n);
    } else {
      return Status::InvalidArgument("unknown URL shape tag {" + std::string(tag) + "}");
    }
    out.pieces.push_back(p);
    i = close + 1;
  }
  return out;
}

void ExpandUrl(const UrlShape& shape, const std::vector<std::string_view>& words,
               const AliasTable& word_table, Rng& rng, std::string* out) {
  static constexpr char kAlnum[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  out->append(shape.host);
  for (const UrlPiece& p : shape.pieces) {
    switch (p.kind) {
      case UrlPiece::kLiteral: out->append(p.text); break;
      case UrlPiece::kWord:
      case UrlPiece::kTitleWord:
      case UrlPiece::kUpperWord: {
        std::string_view w = words[word_table.Sample(rng)];
        size_t at = out->size();
        out->append(w);
        if (p.kind == UrlPiece::kTitleWord && !w.empty()) {
          char& c = (*out)[at];
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        } else if (p.kind == UrlPiece::kUpperWord) {
          for (size_t k = at; k < out->size(); ++k) {
            char& c = (*out)[k];
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
          }
        }
        break;
      }
      case UrlPiece::kDigits:
      case UrlPiece::kAlnum: {
        uint64_t r = rng.Next();
        int left = 6;  // 10 fresh bits per character, six per draw
        for (uint16_t k = 0; k < p.length; ++k) {
          if (left == 0) {
            r = rng.Next();
            left = 6;
          }
          uint32_t bits = static_cast<uint32_t>(r & 0x3ff);
          r >>= 10;
          --left;
          if (p.kind == UrlPiece::kDigits) {
            // The first digit of a number is never 0 (ids, years).
            uint32_t d = (bits * (k == 0 ? 9u : 10u)) >> 10;
            out->push_back(static_cast<char>('0' + d + (k == 0 ? 1 : 0)));
          } else {
            out->push_back(kAlnum[(bits * 36u) >> 10]);
          }
        }
        break;
      }
    }
  }
}

}  // namespace entente::gen
