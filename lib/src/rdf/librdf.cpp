#include "rdf/librdf.hpp"

#include <mutex>

namespace newskg::rdf {

int log_handler(void* user_data, librdf_log_message* message) {
  auto* world = static_cast<World*>(user_data);
  if (librdf_log_message_level(message) >= LIBRDF_LOG_ERROR) {
    const char* text = librdf_log_message_message(message);
    world->last_error_ = text ? text : "unknown librdf error";
  }
  return 1;  // handled: librdf prints nothing itself
}

World::World() : world_(checked(librdf_new_world(), "librdf_new_world")) {
  librdf_world_set_logger(world_.get(), this, log_handler);
  librdf_world_open(world_.get());
}

World& World::instance() {
  static World world;
  return world;
}

std::string World::take_last_error() {
  std::string message;
  message.swap(last_error_);
  return message;
}

}  // namespace newskg::rdf
