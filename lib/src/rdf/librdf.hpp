// One RAII wrapper for every librdf / raptor handle, and a World that installs librdf's
// logger once and turns each failed call into an exception carrying librdf's own message.
#pragma once
#include <librdf.h>
#include <raptor2.h>

#include <memory>
#include <string>
#include <string_view>

#include "newskg/error.hpp"

namespace newskg::rdf {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* handle) const {
    if (handle) Free(handle);
  }
};

// A move-only owner of a C handle whose deleter is the library's free function.
template <typename T, void (*Free)(T*)>
using Handle = std::unique_ptr<T, Deleter<T, Free>>;

using Uri = Handle<librdf_uri, librdf_free_uri>;
using Node = Handle<librdf_node, librdf_free_node>;
using Statement = Handle<librdf_statement, librdf_free_statement>;
using Stream = Handle<librdf_stream, librdf_free_stream>;
using Parser = Handle<librdf_parser, librdf_free_parser>;
using Storage = Handle<librdf_storage, librdf_free_storage>;
using Model = Handle<librdf_model, librdf_free_model>;
using RaptorWorld = Handle<raptor_world, raptor_free_world>;
using RaptorUri = Handle<raptor_uri, raptor_free_uri>;
using RaptorTerm = Handle<raptor_term, raptor_free_term>;
using RaptorSerializer = Handle<raptor_serializer, raptor_free_serializer>;
using RaptorIostream = Handle<raptor_iostream, raptor_free_iostream>;
using RaptorParser = Handle<raptor_parser, raptor_free_parser>;

// Throws an Error naming the call when a librdf/raptor function returned null.
template <typename T>
T* checked(T* handle, std::string_view call) {
  if (!handle) throw Error(ErrorCode::kRdf, std::string(call) + " failed");
  return handle;
}

// The librdf world: one per process, opened on first use. Log messages of level error
// and above are kept and attached to the next exception.
class World {
 public:
  static World& instance();
  librdf_world* get() const { return world_.get(); }
  raptor_world* raptor() const { return librdf_world_get_raptor(world_.get()); }
  std::string take_last_error();

 private:
  World();
  Handle<librdf_world, librdf_free_world> world_;
  std::string last_error_;
  friend int log_handler(void*, librdf_log_message*);
};

}  // namespace newskg::rdf
