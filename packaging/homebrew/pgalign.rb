# Homebrew formula for pgalign, for macOS. It is not tested by make check:
# CI runs on Debian, where Homebrew is not. At a release, put the tag's
# tarball address and its sha256 (shasum -a 256) below, and the formula
# in a tap (a repository named homebrew-tap), from which
#   brew install your-org/tap/pgalign
# installs it; `brew install --HEAD your-org/tap/pgalign` builds main.
class Pgalign < Formula
  desc "Make one PostgreSQL schema match another, without migration history"
  homepage "https://github.com/your-org/pgalign"
  url "https://github.com/your-org/pgalign/archive/refs/tags/v0.3.0.tar.gz"
  sha256 "0000000000000000000000000000000000000000000000000000000000000000"
  license "PostgreSQL"
  head "https://github.com/your-org/pgalign.git", branch: "main"

  depends_on "pkgconf" => :build
  depends_on "jansson"
  depends_on "libpq"
  # .sql sources and sync's rehearsal start a throwaway server of their own
  depends_on "postgresql@17" => :recommended

  def install
    # Homebrew's libpq is keg-only: its pkg-config file is not found without this.
    ENV.prepend_path "PKG_CONFIG_PATH", Formula["libpq"].opt_lib/"pkgconfig"
    system "make", "pgalign"
    system "make", "install", "PREFIX=#{prefix}"
  end

  def caveats
    <<~EOS
      For .sql sources and sync, pgalign needs PostgreSQL's server programs,
      best of production's major:
        export PGALIGN_PG_BINDIRS="$(brew --prefix postgresql@17)/bin"
    EOS
  end

  test do
    assert_match "pgalign #{version}", shell_output("#{bin}/pgalign --version")
    # Two empty schemas need no server, and are in sync.
    assert_match "in sync", shell_output("#{bin}/pgalign check EMPTY EMPTY")
  end
end
