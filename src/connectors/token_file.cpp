#include "connectors/token_file.hpp"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "core/common/ascii_text.hpp"

namespace slipway::connectors {

namespace {}  // namespace

TokenFile::TokenFile(std::string path, std::string initial, std::chrono::seconds max_age)
    : path_(std::move(path)), max_age_(max_age), token_(core::TrimSpace(initial)) {}

std::string TokenFile::Current() {
  std::lock_guard lock(mutex_);
  struct stat st {};
  if (::stat(path_.c_str(), &st) != 0) return token_;  // mid-rotation or gone: keep the last
  const Stamp now{static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec,
                  static_cast<long long>(st.st_size), static_cast<unsigned long long>(st.st_ino)};
  const auto clock = std::chrono::steady_clock::now();
  if (now == stamp_ && clock - read_at_ < max_age_) return token_;
  std::ifstream in(path_, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string token(core::TrimSpace(text.str()));
  if (!in || token.empty()) return token_;
  token_ = std::move(token);
  stamp_ = now;
  read_at_ = clock;
  return token_;
}

}  // namespace slipway::connectors
