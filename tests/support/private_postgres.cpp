#include "support/private_postgres.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "support/temp_dir.hpp"

namespace slipway::testing {

PrivatePostgres::PrivatePostgres() : dir_(std::make_unique<TempDir>()) {
  // Durable: Down() is `pg_ctl stop -m immediate`, and a commit the server
  // acknowledged must survive it (synchronous_commit=off lost a promotion).
  Run("start", "SLIPWAY_PG_DURABLE=1 ");
  std::ifstream in(dir_->path() + "/pg/url");
  if (!(in >> url_)) throw std::runtime_error("postgres-fixture.sh start wrote no URL");
}

PrivatePostgres::~PrivatePostgres() {
  try {
    Run("stop");
  } catch (const std::exception&) {
    // Its files are under /tmp; nothing else depends on them.
  }
}

void PrivatePostgres::Down() { Run("down"); }
void PrivatePostgres::Up() { Run("up"); }

void PrivatePostgres::Run(const std::string& command, const std::string& env) {
  // The script owns its folder (`stop` removes it): a subfolder of ours, with the logs beside it.
  const std::string line = env + "'" + SLIPWAY_PG_FIXTURE_SCRIPT + "' " + command + " '" +
                           dir_->path() + "/pg' >'" + dir_->path() + "/" + command + ".log' 2>&1";
  if (std::system(line.c_str()) != 0) {
    std::ifstream log(dir_->path() + "/" + command + ".log");
    std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    throw std::runtime_error("postgres-fixture.sh " + command + " failed: " + text);
  }
}

}  // namespace slipway::testing
