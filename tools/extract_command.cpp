// newskg extract: articles in, RDF with provenance out. One article at a time from input to
// output: the reader hands articles to --jobs workers (JSON parsing, extraction, mapping and
// encoding to a string, each worker with its own encoder) and one writer puts the strings
// and the errors out in input order, so the bytes and the error lines are the same for any
// number of jobs and memory stays bounded.
#include <unistd.h>

#include <boost/program_options.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <thread>

#include "commands.hpp"
#include "error_log.hpp"
#include "ordered_workers.hpp"
#include "progress.hpp"
#include "newskg/explain.hpp"
#include "newskg/mapping.hpp"
#include "newskg/pipeline.hpp"
#include "newskg/reader.hpp"
#include "newskg/writer.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace newskg::tools {
namespace {

// What a worker makes of one article: the reader hands on JSON unparsed (RawArticle), so
// parsing happens here too, on as many threads as there are workers.
struct EncodedArticle {
  std::string body;         // the article in the output format, unless it was streamed
  bool streamed = false;    // written by its worker in its turn (a very long article)
  std::string explanation;  // --explain lines, if asked for
  std::size_t text_bytes = 0;
  std::optional<InputError> failure;  // bad input, or extraction failed: nothing of it is written
};

// An article that made an extractor throw is reported like bad input, naming where it came
// from ("feed.jsonl:12"), and the run goes on with the others.
InputError extraction_failure(const Article& article, const std::exception& e) {
  std::string input = article.source;
  std::size_t line = 0;
  if (auto colon = input.rfind(':'); colon != std::string::npos && colon + 1 < input.size() &&
                                     input.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
    line = std::stoul(input.substr(colon + 1));
    input.resize(colon);
  }
  return {ErrorCode::kExtraction, input, line, 0,
          "extraction failed on article '" + article.id + "': " + e.what() + " (a bug in newskg; please report it)"};
}

// The pieces a streamed article is written in.
constexpr std::size_t kStreamPiece = 1024 * 1024;

std::uintmax_t input_size(const std::vector<std::string>& inputs) {
  std::uintmax_t total = 0;
  for (const auto& input : inputs) {
    std::error_code error;
    if (input == "-" || !fs::is_regular_file(input, error)) return 0;
    total += fs::file_size(input, error);
  }
  return total;
}

}  // namespace

int extract_command(const std::vector<std::string>& args) {
  po::options_description options("newskg extract [options] INPUT...\n\nINPUT is a .txt, .json, .jsonl file or - (JSON Lines on stdin)");
  std::string format_name = "nquads", output, base;
  std::string context_iri;
  std::string explain_to;
  std::string errors_to;
  std::size_t max_bytes = 16 * 1024 * 1024;
  std::size_t stream_above = 1024 * 1024;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("format,f", po::value(&format_name)->default_value("nquads"), "turtle | trig | nquads | ntriples | rdfxml | jsonld")
      ("output,o", po::value(&output), "write to FILE (atomically: a temporary file renamed when complete)")
      ("base", po::value(&base), "base IRI for minted IRIs (default https://w3id.org/newskg/id/)")
      ("context-iri", po::value(&context_iri), "JSON-LD: refer to the context by this IRI instead of inlining it")
      ("max-article-bytes", po::value(&max_bytes)->default_value(max_bytes), "articles larger than this are rejected")
      ("stream-above", po::value(&stream_above)->default_value(stream_above),
       "N-Quads and N-Triples of an article with more bytes of text than this are written as they are made, not held whole")
      ("explain", "write each fact with the rule that made it and its text span to stderr")
      ("explain-to", po::value(&explain_to), "the same, to FILE")
      ("errors", po::value(&errors_to), "also write each failed input to FILE as JSON Lines (code, input, line, offset, message)")
      ("ontology", po::value<std::string>(), "ontology folder (default: built-in path or $NEWSKG_ONTOLOGY)")
      ("jobs,j", po::value(&jobs)->default_value(jobs), "articles processed in parallel (output is the same for any number)")
      ("progress", "show progress on stderr even when it is not a terminal")
      ("quiet,q", "no progress line, even on a terminal");
  // clang-format on
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>(), "input");
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "newskg extract: " << e.what() << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << options << "\n"
              << "Exit status: 0 all articles done, 1 some failed (each named on stderr), 2 usage or setup error.\n";
    return 0;
  }
  auto format = parse_format(format_name);
  if (!format) {
    std::cerr << "newskg extract: unknown format '" << format_name << "'\n";
    return 2;
  }
  if (!vm.count("input")) {
    std::cerr << "newskg extract: no INPUT given (try --help)\n";
    return 2;
  }
  std::string ontology = vm.count("ontology") ? vm["ontology"].as<std::string>() : default_ontology_folder();

  if (vm.count("base") && !is_valid_base_iri(base)) {
    std::cerr << "newskg extract: --base '" << base << "' is not an absolute IRI (a scheme, no spaces or <>\"{}|^`\\)\n";
    return 2;
  }
  MappingOptions mapping;
  if (!base.empty()) mapping.base = base;
  WriterOptions writer_options;
  writer_options.context_file = (fs::path(ontology) / "context.jsonld").string();
  writer_options.context_iri = context_iri;
  ReaderOptions reader_options;
  reader_options.max_article_bytes = max_bytes;

  if (jobs == 0) {
    std::cerr << "newskg extract: --jobs must be at least 1\n";
    return 2;
  }
  const auto& inputs = vm["input"].as<std::vector<std::string>>();
  bool show_progress = !vm.count("quiet") && (vm.count("progress") || ::isatty(STDERR_FILENO));

  try {
    const Pipeline pipeline(load_lexicon(ontology));
    AtomicOutput out(output);
    std::ofstream explain_file;
    std::ostream* explain_out = nullptr;
    if (vm.count("explain") || vm.count("explain-to")) {
      if (explain_to.empty()) explain_out = &std::cerr;
      else {
        explain_file.open(explain_to, std::ios::binary | std::ios::trunc);
        if (!explain_file) throw std::runtime_error(explain_to + ": cannot write the explanation");
        explain_out = &explain_file;
      }
    }
    ErrorLog errors(errors_to);
    Progress progress(show_progress, input_size(inputs));

    // One encoder per worker, made here: raptor worlds are best created on one thread.
    std::vector<std::unique_ptr<GraphEncoder>> encoders;
    for (unsigned i = 0; i < jobs; ++i) encoders.push_back(make_encoder(*format, writer_options));
    std::vector<TermGraph> graphs(jobs);  // one per worker, its buffers reused article after article
    std::ostream& stream = out.stream();
    stream << encoders.front()->header();
    std::string_view separator = encoders.front()->separator();
    std::size_t written = 0;

    using Workers = OrderedWorkers<RawArticle, EncodedArticle>;
    Workers workers(
        jobs, 4 * static_cast<std::size_t>(jobs),
        [&](std::size_t worker, RawArticle&& raw, Workers::Turn& turn) {
          EncodedArticle encoded;
          InputError input_error;
          std::optional<Article> parsed = raw.parse(input_error);
          if (!parsed) {
            encoded.failure = std::move(input_error);
            return encoded;
          }
          const Article& article = *parsed;
          encoded.text_bytes = article.text.size();
          try {
            Facts facts = pipeline.run(article);
            if (explain_out) {
              std::ostringstream lines;
              explain(facts, lines);
              encoded.explanation = lines.str();
            }
            to_graph(facts, mapping, graphs[worker]);
            if (article.text.size() > stream_above) {
              // Its output is some 40 times its text: written in pieces once everything
              // before it is, it is never held whole. Only encoding is left to do; the
              // formats that could fail there hand on their body in one piece, at the end.
              turn.wait();
              bool first = true;
              encoders[worker]->body(
                  graphs[worker],
                  [&](std::string_view piece) {
                    if (first && written++) stream << separator;
                    first = false;
                    stream.write(piece.data(), static_cast<std::streamsize>(piece.size()));
                  },
                  kStreamPiece);
              encoded.streamed = true;
            } else {
              encoders[worker]->body(graphs[worker], encoded.body);
            }
          } catch (const std::exception& e) {
            encoded.failure = extraction_failure(article, e);
          }
          return encoded;
        },
        [&](EncodedArticle&& encoded) {
          if (encoded.failure) {
            progress.error([&] { errors.report(*encoded.failure); });
            return;
          }
          if (!encoded.streamed) {
            if (written++) stream << separator;
            stream.write(encoded.body.data(), static_cast<std::streamsize>(encoded.body.size()));
          }
          if (explain_out) *explain_out << encoded.explanation;
          progress.article(encoded.text_bytes);
        });
    for (const auto& input : inputs) {
      read_raw_input(input, reader_options,
                     [&](RawArticle&& raw) { workers.submit(std::move(raw)); });
    }
    workers.finish();
    stream << encoders.front()->footer();
    progress.finish();
    out.commit();
    return errors.count() ? 1 : 0;
  } catch (const std::exception& e) {
    std::cerr << "newskg extract: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace newskg::tools
