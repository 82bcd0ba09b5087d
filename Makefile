# pgalign — plain Makefile with pkg-config.
#   make          build ./pgalign (make deps first installs what it needs)
#   make demo     staging -> production sync of the bundled examples
#   make check    all tests (unit + round-trip against throwaway clusters of
#                 PostgreSQL 15, 17 and 18; gcc and clang; ASan/UBSan and
#                 valgrind over part of them)
#   make check-versions  the same on every supported major, 14 to 18
#   make check-asan   every suite under AddressSanitizer + UBSan
#   make test SUITE="cli apply" MAJOR="15 17" [FIXTURES="views"]
#                 only those suites on those majors, in minutes ("unit";
#                 "crossmajor" with MAJOR="15:17")
#   make install  PREFIX=/usr/local DESTDIR=
#   make deb      the Debian package, dist/pgalign_<version>_<arch>.deb

PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
CC ?= cc
PKGS = libpq jansson
CFLAGS ?= -O2 -g
WARN = -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L
BUILD ?= build
CPPFLAGS += -Isrc $(PKG_CFLAGS)
LDLIBS += $(PKG_LIBS) -lpthread
SRCS = $(sort $(wildcard src/*.c src/*/*.c))
LIB_SRCS = $(filter-out src/main.c,$(SRCS))
# SQL that pgalign carries (src/*/NAME.sql), compiled in as the lines
# const char *const NAME_sql[] (NULL-terminated).
SQL_SRCS = $(sort $(wildcard src/*/*.sql))
# The style and script of the HTML review (src/emit/review.css, .js),
# compiled in the same way as review_css and review_js.
ASSET_SRCS = $(sort $(wildcard src/*/*.css src/*/*.js))
EMBED_OBJS = $(SQL_SRCS:src/%.sql=$(BUILD)/gen/%.o) $(ASSET_SRCS:src/%=$(BUILD)/gen/%.o)
OBJS = $(SRCS:%.c=$(BUILD)/%.o) $(EMBED_OBJS)
LIB_OBJS = $(LIB_SRCS:%.c=$(BUILD)/%.o) $(EMBED_OBJS)
UNIT_SRCS = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

BIN ?= pgalign

all: $(BIN)

# The libraries must be installed before pkg-config is asked for their
# flags and before anything compiles, also under make -j: config.mk is
# made first (installing what is missing), then make restarts with it.
ifeq ($(filter clean,$(MAKECMDGOALS)),)
include $(BUILD)/config.mk
endif
# A plain make only checks for them (and says to run make deps); the
# targets that set up everything they need install them.
INSTALLING_GOALS = deps check check-versions check-asan check-compilers unit roundtrip test \
    demo bench fuzz fuzz-build asan-build pg-versions deb
DEPS_MODE = $(if $(filter $(INSTALLING_GOALS),$(MAKECMDGOALS)),,--check)
$(BUILD)/config.mk: scripts/install-deps.sh
	@scripts/install-deps.sh --build-only $(DEPS_MODE)
	@mkdir -p $(BUILD)
	@echo "PKG_CFLAGS = $$(pkg-config --cflags $(PKGS))" > $@.tmp
	@echo "PKG_LIBS = $$(pkg-config --libs $(PKGS))" >> $@.tmp
	@mv $@.tmp $@

# make V=1 shows the full commands.
Q = $(if $(V),,@)

$(BIN): $(OBJS)
	@echo "  LINK $@"
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC   $<"
	$(Q)$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/gen/%.c: src/%.sql scripts/sql2c.sh
	@mkdir -p $(dir $@)
	$(Q)scripts/sql2c.sh $< $(notdir $*)_sql > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/%.css.c: src/%.css scripts/sql2c.sh
	@mkdir -p $(dir $@)
	$(Q)scripts/sql2c.sh $< $(notdir $*)_css > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/%.js.c: src/%.js scripts/sql2c.sh
	@mkdir -p $(dir $@)
	$(Q)scripts/sql2c.sh $< $(notdir $*)_js > $@.tmp && mv $@.tmp $@

.PRECIOUS: $(BUILD)/gen/%.c $(BUILD)/gen/%.css.c $(BUILD)/gen/%.js.c
$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	@echo "  CC   $<"
	$(Q)$(CC) $(WARN) $(CFLAGS) -c -o $@ $<

# The same program with the server's watcher of macOS and the BSDs
# (source/guardian.c), so that Linux tests it too.
PORTABLE_BIN = $(BUILD)/pgalign-portable-death
$(BUILD)/portable/guardian.o: src/source/guardian.c
	@mkdir -p $(dir $@)
	@echo "  CC   $< (portable)"
	$(Q)$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -DPA_PORTABLE_DEATH -MMD -MP -c -o $@ $<

$(PORTABLE_BIN): $(filter-out $(BUILD)/src/source/guardian.o,$(OBJS)) $(BUILD)/portable/guardian.o
	@echo "  LINK $@"
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS) | deps
	@mkdir -p $(dir $@)
	@echo "  TEST $@"
	$(Q)$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -o $@ $< $(LIB_OBJS) \
	    $(LDLIBS) $(shell pkg-config --libs cmocka)

-include $(OBJS:.o=.d)

# The random schema pairs of tests/random (a test tool, not part of pgalign).
$(BUILD)/schemagen: tests/random/schemagen.c
	@mkdir -p $(dir $@)
	@echo "  CC   $<"
	$(Q)$(CC) $(WARN) $(CFLAGS) -o $@ $<

# Install what is missing (Debian): build libraries, cmocka, PostgreSQL 15.
deps:
	@scripts/install-deps.sh

unit: deps $(BIN) $(UNIT_BINS)
	@PGALIGN=./$(BIN) scripts/check.sh --unit-only $(UNIT_BINS)

roundtrip: deps $(BIN)
	@PGALIGN=./$(BIN) scripts/check.sh --roundtrip-only

# One or more suites on one or more majors: the inner loop of a change.
SUITE ?= cli
MAJOR ?= 15
TEST_MAJORS = $(filter-out 15,$(sort $(subst :, ,$(MAJOR))))
test: deps $(BIN) $(UNIT_BINS) $(BUILD)/schemagen
	@$(if $(TEST_MAJORS),scripts/install-pg-versions.sh $(TEST_MAJORS))
	@PGALIGN=./$(BIN) SCHEMAGEN=$(CURDIR)/$(BUILD)/schemagen \
	    scripts/check.sh --suites "$(SUITE)" --majors "$(MAJOR)" $(UNIT_BINS)

# Every round-trip fixture's plans (both directions, several option sets)
# from this tree and from BASE, byte for byte: for changes that must not
# alter output. make compare-plans BASE=<commit> [MAJOR=15]
compare-plans: deps
	@scripts/compare-plans.sh "$(or $(BASE),$(error BASE=<commit> is needed))" "$(or $(MAJOR),15)"

# make check also runs the unit tests, the round trips and apply under
# AddressSanitizer and UBSan (build-asan/), and each fuzz harness
# CHECK_FUZZ_SECONDS; SANITIZE= leaves both out.
SANITIZE ?= yes
ASAN_CFLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
ASAN_LDFLAGS = -fsanitize=address,undefined
ASAN_UNIT_BINS = $(UNIT_BINS:$(BUILD)/%=build-asan/%)
asan-build: deps
	@echo "  build-asan/ (AddressSanitizer, UBSan)"
	@$(MAKE) -s BUILD=build-asan BIN=build-asan/pgalign CFLAGS="$(ASAN_CFLAGS)" \
	    LDFLAGS="$(ASAN_LDFLAGS)" build-asan/pgalign $(ASAN_UNIT_BINS) >/dev/null

check: deps pg-versions check-compilers $(if $(SANITIZE),asan-build fuzz-build) $(BIN) \
	    $(PORTABLE_BIN) $(UNIT_BINS) $(BUILD)/schemagen
	@PGALIGN=./$(BIN) PGALIGN_PORTABLE=./$(PORTABLE_BIN) SCHEMAGEN=$(CURDIR)/$(BUILD)/schemagen \
	    $(if $(SANITIZE),PGALIGN_ASAN=build-asan/pgalign ASAN_UNIT="$(ASAN_UNIT_BINS)" \
	        FUZZ_SECONDS=$(CHECK_FUZZ_SECONDS)) \
	    scripts/check.sh $(UNIT_BINS)

# Strict C11 with gcc and with clang: build, and run the unit tests.
COMPILERS = gcc clang
check-compilers: deps
	@for c in $(COMPILERS); do \
	    echo "== $$c -std=c11 -pedantic"; \
	    $(MAKE) -s BUILD=build-$$c BIN=build-$$c/pgalign CC=$$c CFLAGS="-O0 -pedantic" \
	        build-$$c/pgalign $(UNIT_BINS:$(BUILD)/%=build-$$c/%) >/dev/null || exit 1; \
	    for t in $(UNIT_BINS:$(BUILD)/%=build-$$c/%); do \
	        $$t >build-$$c/unit.log 2>&1 || { cat build-$$c/unit.log; exit 1; }; \
	    done; \
	done

check-versions: deps $(BIN) $(UNIT_BINS) $(BUILD)/schemagen
	@scripts/install-pg-versions.sh 14 16 17 18
	@PGALIGN=./$(BIN) SCHEMAGEN=$(CURDIR)/$(BUILD)/schemagen scripts/check.sh --versions $(UNIT_BINS)

# Test servers of majors Debian does not ship (npm, into a cache).
pg-versions:
	@scripts/install-pg-versions.sh 17 18

# libFuzzer harnesses (tests/fuzz/) for what parses outside input, built
# with clang into build-fuzz/; make fuzz runs each FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
CHECK_FUZZ_SECONDS ?= 10
FUZZ_CFLAGS = -O1 -g -fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=all
FUZZ_HARNESSES = $(patsubst tests/fuzz/%.c,build-fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(LIB_OBJS)
	@echo "  FUZZ $@"
	$(Q)$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB_OBJS) $(LDLIBS)

fuzz-build: deps
	@$(MAKE) -s BUILD=build-fuzz CC=clang CFLAGS="$(FUZZ_CFLAGS)" \
	    LDFLAGS="-fsanitize=address,undefined" $(FUZZ_HARNESSES) >/dev/null

fuzz: fuzz-build
	@scripts/fuzz.sh $(FUZZ_SECONDS)

# Every suite under ASan/UBSan: leaks are checked too (detect_leaks is on
# by default).
check-asan:
	$(MAKE) SANITIZE= BUILD=build-asan BIN=build-asan/pgalign \
	    CFLAGS="$(ASAN_CFLAGS)" LDFLAGS="$(ASAN_LDFLAGS)" check

demo: deps $(BIN)
	@PGALIGN=./$(BIN) scripts/demo.sh

# Speed where users wait (bench/run.sh): round trips through a latency
# proxy, big catalogs beside pg_dump, start-up with .sql sources.
$(BUILD)/latency_proxy: bench/latency_proxy.c
	@echo "  CC $@"
	$(Q)$(CC) $(WARN) -O2 -o $@ $<

bench: deps $(BIN) $(BUILD)/latency_proxy
	@PGALIGN=./$(BIN) PROXY=$(BUILD)/latency_proxy bench/run.sh

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/pgalign
	install -d $(DESTDIR)$(MANDIR)/man1
	install -m 644 docs/pgalign.1 $(DESTDIR)$(MANDIR)/man1/pgalign.1

# Built by dpkg-buildpackage and debhelper (packaging/debian).
deb:
	@scripts/install-deps.sh --build-only --deb
	@scripts/make-deb.sh

clean:
	rm -rf build build-asan build-gcc build-clang build-fuzz build-deb dist pgalign

.PHONY: all bench compare-plans deps unit roundtrip test check check-compilers asan-build fuzz fuzz-build check-versions pg-versions check-asan demo install deb clean
