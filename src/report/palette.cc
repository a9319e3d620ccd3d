#include "report/palette.h"

namespace entente::report::palette {

std::string_view LevelColour(std::string_view label) {
  if (label == "hostile") return kVermillion;
  if (label == "tense") return kOrange;
  if (label == "cordial") return kSkyBlue;
  if (label == "close") return kBlue;
  return kGrey;  // neutral and anything unexpected
}

}  // namespace entente::report::palette
