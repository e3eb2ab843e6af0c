// Why each fact is there: the rule that made it and the text span it rests on, one line a
// fact, for the user who needs to know where a wrong fact came from.
#pragma once
#include <ostream>

#include "newskg/facts.hpp"

namespace newskg {

void explain(const Facts& facts, std::ostream& out);

}  // namespace newskg
