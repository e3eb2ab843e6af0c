// newskg push: each article's graph to a SPARQL 1.1 Graph Store (HTTP Protocol), one PUT per
// named graph, so pushing an article again replaces its graph there too. Credentials come from
// the environment or a netrc file, never from the command line (which others can read in ps).
#include <curl/curl.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "command_line.hpp"
#include "commands.hpp"
#include "newskg/lexicon.hpp"
#include "newskg/mapping.hpp"
#include "newskg/pipeline.hpp"
#include "newskg/reader.hpp"
#include "newskg/writer.hpp"

namespace newskg::tools {
namespace {

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct CurlListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// libcurl's process-wide set-up, undone on the way out.
struct CurlGlobal {
  CurlGlobal() {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw std::runtime_error("curl_global_init failed");
  }
  ~CurlGlobal() { curl_global_cleanup(); }
  CurlGlobal(const CurlGlobal&) = delete;
  CurlGlobal& operator=(const CurlGlobal&) = delete;
};

struct PushSettings {
  std::string endpoint;        // the Graph Store URL; ?graph=IRI is appended
  std::string user, password;  // from the environment; empty: netrc, if any
  std::string netrc_file;      // empty: ~/.netrc
  int retries = 3;             // after the first try, for transient failures only
  long timeout_seconds = 60;
};

struct PushOutcome {
  bool ok = false;
  long status = 0;     // HTTP status, 0 if none came
  std::string reason;  // for failures
  int attempts = 0;
};

std::size_t keep_body(char* data, std::size_t size, std::size_t count, void* body) {
  auto* text = static_cast<std::string*>(body);
  if (text->size() < 2000)
    text->append(data, std::min<std::size_t>(size * count, 2000 - text->size()));
  return size * count;
}

// Worth another try: the connection failed or timed out, or the server said it was busy.
bool transient(CURLcode code, long status) {
  if (code != CURLE_OK)
    return code == CURLE_COULDNT_CONNECT || code == CURLE_OPERATION_TIMEDOUT ||
           code == CURLE_SEND_ERROR || code == CURLE_RECV_ERROR || code == CURLE_GOT_NOTHING ||
           code == CURLE_PARTIAL_FILE;
  return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 ||
         status == 504;
}

PushOutcome put_graph(const PushSettings& settings, const std::string& graph,
                      const std::string& turtle) {
  PushOutcome outcome;
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    outcome.reason = "curl_easy_init failed";
    return outcome;
  }
  std::unique_ptr<char, decltype(&curl_free)> escaped(
      curl_easy_escape(curl.get(), graph.c_str(), static_cast<int>(graph.size())), &curl_free);
  std::string url = settings.endpoint +
                    (settings.endpoint.find('?') == std::string::npos ? "?" : "&") +
                    "graph=" + escaped.get();
  std::unique_ptr<curl_slist, CurlListDeleter> headers(
      curl_slist_append(nullptr, "Content-Type: text/turtle; charset=utf-8"));
  std::string body;
  char error[CURL_ERROR_SIZE] = {};

  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_CUSTOMREQUEST, "PUT");
  // The body stays in memory, so curl can send it again after a 401 challenge (digest).
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, turtle.data());
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(turtle.size()));
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(curl.get(), CURLOPT_HTTPAUTH, CURLAUTH_ANY);
  if (!settings.user.empty()) {
    curl_easy_setopt(curl.get(), CURLOPT_USERNAME, settings.user.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_PASSWORD, settings.password.c_str());
  } else {
    curl_easy_setopt(curl.get(), CURLOPT_NETRC, static_cast<long>(CURL_NETRC_OPTIONAL));
    if (!settings.netrc_file.empty())
      curl_easy_setopt(curl.get(), CURLOPT_NETRC_FILE, settings.netrc_file.c_str());
  }
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, settings.timeout_seconds);
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, keep_body);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);

  auto pause = std::chrono::milliseconds(500);
  for (outcome.attempts = 1;; ++outcome.attempts) {
    body.clear();
    error[0] = '\0';
    CURLcode code = curl_easy_perform(curl.get());
    outcome.status = 0;
    if (code == CURLE_OK) curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &outcome.status);
    if (code == CURLE_OK && outcome.status >= 200 && outcome.status < 300) {
      outcome.ok = true;
      return outcome;
    }
    outcome.reason = code != CURLE_OK
                         ? (error[0] ? std::string(error) : curl_easy_strerror(code))
                         : "HTTP " + std::to_string(outcome.status) +
                               (body.empty() ? "" : ": " + body.substr(0, body.find('\n')));
    if (outcome.attempts > settings.retries || !transient(code, outcome.status)) return outcome;
    std::this_thread::sleep_for(pause);
    pause *= 2;
  }
}

}  // namespace

int push_command(const std::vector<std::string>& args) {
  po::options_description options(
      "newskg push --graph-store URL [options] INPUT...\n\n"
      "Extracts each article (.txt, .json, .jsonl, -) and PUTs its graph to URL?graph=GRAPH\n"
      "(SPARQL 1.1 Graph Store HTTP Protocol, Turtle), replacing that graph on the server.\n"
      "Credentials: NEWSKG_GRAPH_STORE_USER and NEWSKG_GRAPH_STORE_PASSWORD in the environment,\n"
      "else the netrc file's entry for the host (basic or digest authentication)");
  PushSettings settings;
  ExtractionOptions extraction;
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("graph-store", po::value(&settings.endpoint), "the Graph Store endpoint URL")
      ("netrc-file", po::value(&settings.netrc_file),
       "read credentials from this netrc file (default ~/.netrc)")
      ("retries", po::value(&settings.retries)->default_value(settings.retries),
       "tries again this many times after a transient failure\n"
       "(connection, timeout, HTTP 5xx/429/408)")
      ("timeout", po::value(&settings.timeout_seconds)->default_value(settings.timeout_seconds),
       "seconds allowed for one request");
  // clang-format on
  extraction.add_to(options);
  CommandLine line = parse_command_line("push", args, options, "input");
  if (line.exit_status) return *line.exit_status;
  std::vector<std::string> inputs = line.positional("input");
  if (settings.endpoint.empty() || inputs.empty())
    return usage_error("push", "give --graph-store URL and at least one INPUT (try --help)");
  if (settings.retries < 0 || settings.retries > 10)
    return usage_error("push", "--retries takes 0 to 10");
  if (settings.timeout_seconds < 1) return usage_error("push", "--timeout takes at least 1 second");
  if (auto problem = extraction.problem()) return usage_error("push", *problem);
  if (const char* user = std::getenv("NEWSKG_GRAPH_STORE_USER")) settings.user = user;
  if (const char* password = std::getenv("NEWSKG_GRAPH_STORE_PASSWORD"))
    settings.password = password;
  const MappingOptions mapping = extraction.mapping();
  const ReaderOptions reader_options = extraction.reader();

  try {
    CurlGlobal curl_global;
    Pipeline pipeline(load_lexicon(extraction.ontology_folder()));
    std::size_t pushed = 0, failed = 0;
    for (const auto& input : inputs) {
      read_input(
          input, reader_options,
          [&](Article&& article) {
            Graph graph;
            std::ostringstream turtle;
            try {
              graph = to_graph(pipeline.run(article), mapping);
              auto writer = make_writer(Format::kTurtle, turtle);
              writer->write(graph);
              writer->finish();
            } catch (const std::exception& e) {  // this article only; the others still go
              ++failed;
              std::cerr << "newskg push: " << article.source << ": extraction failed on article '"
                        << article.id << "': " << e.what() << " ("
                        << error_code_name(ErrorCode::kExtraction) << ")\n";
              return;
            }
            PushOutcome outcome = put_graph(settings, graph.name, turtle.str());
            if (outcome.ok) {
              ++pushed;
              std::cout << "pushed " << article.source << " -> " << graph.name << " ("
                        << graph.triples.size() << " statements, HTTP " << outcome.status << ")\n";
            } else {
              ++failed;
              std::cerr << "newskg push: " << article.source << " -> " << graph.name
                        << ": failed after " << outcome.attempts
                        << (outcome.attempts == 1 ? " try: " : " tries: ") << outcome.reason
                        << "\n";
            }
          },
          [&](InputError&& error) {
            ++failed;
            std::cerr << "newskg: " << error.to_string() << "\n";
          });
    }
    std::cerr << "newskg push: " << pushed << " graphs pushed, " << failed << " failed\n";
    return failed ? 1 : 0;
  } catch (const std::exception& e) {
    std::cerr << "newskg push: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace newskg::tools
