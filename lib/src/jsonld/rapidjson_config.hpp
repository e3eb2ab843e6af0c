// RapidJSON, configured once: std::string support, and a failed internal assertion throws
// instead of aborting (it only guards against misuse; input errors are parse results).
// Include this header before any RapidJSON header.
#pragma once
#include <stdexcept>

#ifndef RAPIDJSON_HAS_STDSTRING
#define RAPIDJSON_HAS_STDSTRING 1
#endif
#ifndef RAPIDJSON_ASSERT
#define RAPIDJSON_ASSERT(x) \
  do {                      \
    if (!(x)) throw std::logic_error("RapidJSON assertion failed: " #x); \
  } while (false)
#endif
#define RAPIDJSON_PARSE_DEFAULT_FLAGS rapidjson::kParseValidateEncodingFlag
