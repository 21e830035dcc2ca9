# ouro — one plain Makefile. Targets: all (default), test, asan, valgrind, bench, demo,
# install, clean. Builds live in build/<config>/; header dependencies come from -MMD.
CC      ?= cc
PREFIX  ?= /usr/local
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wno-unused-parameter -Wpointer-arith -Wvla
STD     := -std=c11 -D_GNU_SOURCE
INC     := -Iinclude -Isrc
COMMON  := $(STD) $(WARN) $(INC) -fvisibility=hidden -pthread
LIBS    := -lm -pthread

# Configurations: release (the library and command), debug (the test suite: asserts and
# refcount checks on), asan (tests under AddressSanitizer + UBSan).
CFLAGS_release := -O2 -g -DNDEBUG
CFLAGS_debug   := -O1 -g -DOURO_DEBUG=1 -DOURO_CHECK_REFCNT
CFLAGS_asan    := -O1 -g -DOURO_DEBUG=1 -DOURO_CHECK_REFCNT -fsanitize=address,undefined \
                  -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS_asan   := -fsanitize=address,undefined
# tsan (issue 8): the tests under ThreadSanitizer, with clang.
CFLAGS_tsan    := -O1 -g -DOURO_DEBUG=1 -DOURO_CHECK_REFCNT -DOU_TEST_TSAN -fsanitize=thread \
                  -fno-omit-frame-pointer
LDFLAGS_tsan   := -fsanitize=thread

LIB_SRC  := $(sort $(wildcard src/base/*.c src/mem/*.c src/objects/*.c src/gc/*.c \
                    src/runtime/*.c src/lang/*.c src/modules/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_SUPPORT := $(filter-out $(TEST_SRC),$(wildcard tests/unit/*.c))

objs = $(patsubst %.c,build/$(1)/%.o,$(2))

# Short build lines; V=1 shows the full commands.
ifeq ($(V),1)
Q :=
say := @true
else
Q := @
say := @printf '  %-6s %s\n'
endif

.PHONY: all test asan tsan valgrind bench demo install clean build-tests
all: libouro.a libouro.so ouro

# --- release: static objects for libouro.a / ouro, PIC objects for libouro.so
build/release/%.o: %.c
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(COMMON) $(CFLAGS_release) $(CFLAGS) -MMD -MP -c $< -o $@
build/pic/%.o: %.c
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(COMMON) $(CFLAGS_release) $(CFLAGS) -fPIC -MMD -MP -c $< -o $@
build/debug/%.o: %.c
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(COMMON) $(CFLAGS_debug) $(CFLAGS) -MMD -MP -c $< -o $@
build/asan/%.o: %.c
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(COMMON) $(CFLAGS_asan) $(CFLAGS) -MMD -MP -c $< -o $@
build/tsan/%.o: %.c
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(COMMON) $(CFLAGS_tsan) $(CFLAGS) -MMD -MP -c $< -o $@

libouro.a: $(call objs,release,$(LIB_SRC))
	@rm -f $@
	$(say) AR $@
	$(Q)ar rcs $@ $^
libouro.so: $(call objs,pic,$(LIB_SRC))
	$(say) LD $@
	$(Q)$(CC) -shared -o $@ $^ $(LIBS)
ouro: $(call objs,release,$(CLI_SRC)) libouro.a
	$(say) LD $@
	$(Q)$(CC) -o $@ $^ $(LIBS)

# --- per-configuration static libraries and test binaries (make ... CONFIG=debug|asan)
build/$(CONFIG)/lib.stamp: $(call objs,$(CONFIG),$(LIB_SRC))
	@rm -f build/$(CONFIG)/libouro.a
	@ar rcs build/$(CONFIG)/libouro.a $^
	@touch $@
build/$(CONFIG)/ouro: $(call objs,$(CONFIG),$(CLI_SRC)) build/$(CONFIG)/lib.stamp
	$(say) LD $@
	$(Q)$(CC) -o $@ $(call objs,$(CONFIG),$(CLI_SRC)) build/$(CONFIG)/libouro.a $(LIBS) $(LDFLAGS_$(CONFIG))
build/$(CONFIG)/tests/%: build/$(CONFIG)/tests/unit/%.o $(call objs,$(CONFIG),$(TEST_SUPPORT)) build/$(CONFIG)/lib.stamp
	@mkdir -p $(dir $@)
	$(say) LD $@
	$(Q)$(CC) -o $@ $< $(call objs,$(CONFIG),$(TEST_SUPPORT)) build/$(CONFIG)/libouro.a $(LIBS) $(LDFLAGS_$(CONFIG))

TEST_BINS = $(patsubst tests/unit/%.c,build/$(CONFIG)/tests/%,$(TEST_SRC))
build-tests: build/$(CONFIG)/lib.stamp $(TEST_BINS) build/$(CONFIG)/ouro

# The embedding example, built like a user would: public header and the shared library.
build/embed: examples/embed.c libouro.so include/ouro.h $(wildcard include/ouro/*.h)
	@mkdir -p build
	$(say) LD $@
	$(Q)$(CC) -std=c11 -Wall -Wextra -Werror -Iinclude -o $@ $< -L. -louro -Wl,-rpath,'$$ORIGIN/..' $(LIBS)

test: all build/embed
	@$(MAKE) --no-print-directory build-tests CONFIG=debug
	@tests/run.sh build/debug

asan:
	@$(MAKE) --no-print-directory build-tests CONFIG=asan CC=$(if $(filter cc,$(CC)),gcc,$(CC))
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  tests/run.sh build/asan

# ThreadSanitizer needs clang here (issue 8); skipped with a note when it is missing.
tsan:
	@if command -v clang > /dev/null; then \
	  $(MAKE) --no-print-directory build-tests CONFIG=tsan CC=clang && \
	  TSAN_OPTIONS="halt_on_error=1 suppressions=$(CURDIR)/tests/tsan.supp" tests/run.sh build/tsan; \
	else echo "tsan: clang not found, skipped"; fi

valgrind:
	@$(MAKE) --no-print-directory build-tests CONFIG=debug
	@OURO_MALLOC=malloc OURO_TEST_UNDER_VALGRIND=1 RUNNER="valgrind --quiet --error-exitcode=99 --leak-check=full \
	  --errors-for-leak-kinds=definite,indirect,possible --show-leak-kinds=definite,indirect,possible" \
	  tests/run.sh build/debug

# One unit test binary: make unit-dict  (debug build)
unit-%:
	@$(MAKE) --no-print-directory build/debug/tests/test_$* build/debug/lib.stamp CONFIG=debug
	@build/debug/tests/test_$*

bench: all
	@bench/run.sh

demo: all
	@if [ -x examples/walkthrough/run.sh ]; then examples/walkthrough/run.sh; \
	 else echo "make demo: the walkthrough is issue 9's and does not exist yet"; ./ouro --version; fi

install: all
	install -d $(DESTDIR)$(PREFIX)/include/ouro $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/bin
	install -m 644 include/ouro.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 include/ouro/*.h $(DESTDIR)$(PREFIX)/include/ouro/
	install -m 644 libouro.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 libouro.so $(DESTDIR)$(PREFIX)/lib/
	install -m 755 ouro $(DESTDIR)$(PREFIX)/bin/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(shell sed -n 's/#define OURO_VERSION "\(.*\)"/\1/p' include/ouro.h)|' \
	  ouro.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/ouro.pc

clean:
	rm -rf build libouro.a libouro.so ouro

# Keep intermediate objects (test .o files) so nothing is rebuilt twice.
.SECONDARY:

-include $(shell find build -name '*.d' 2>/dev/null)
