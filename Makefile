# trident -- build, test and demo. `make demo` and `make test` install missing Debian packages
# first (apt-get; run as root on a fresh machine), then build.
CC      ?= gcc
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Wno-unused-parameter
CPPFLAGS = -Isrc -MMD -MP
# libedit: line editing and history for the interactive prompt (src/cli/repl.c); BSD-licensed,
# readline-compatible API.
LDLIBS   = -lgc -lgmp -lm -ledit
# PCRE2 is the chosen regex engine (the re module, src/runtime/mod_re*.c); libpcre2-8.a also
# exists for static links.
LDLIBS  += -lpcre2-8
# capstone: disassembly for `trident asm` only (display; the encoder is ours), linked statically
# (the static library is in libcapstone-dev) so that nothing else loads it. Not linked into
# AOT executables.
CLI_LIBS = -Wl,-Bstatic -lcapstone -Wl,-Bdynamic
BUILD   ?= build

# Debian packages the build and tests need (checked with dpkg, installed when missing).
# unicode-data: the Unicode Character Database files the character-name table is built from.
# file: tests/aot checks that built executables are statically linked.
DEB_PKGS = gcc make libgc-dev libgmp-dev libedit-dev libpcre2-dev unicode-data libcapstone-dev file
UCD      = /usr/share/unicode

RT_SRC   = $(wildcard src/common/*.c src/runtime/*.c)
CC_SRC   = $(wildcard src/front/*.c src/bytecode/*.c src/vm/*.c src/cli/*.c src/ir/*.c \
            src/ir/passes/*.c src/backend/*.c src/backend/*/*.c src/aot/*.c src/jit/*.c)
RT_OBJ   = $(RT_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/unicode_names_data.o
CC_OBJ   = $(CC_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/stdlib_data.o
# What `trident build` links into every executable (libtrident_aot.a, beside the trident binary):
# the runtime, the VM, the code-object parts of src/bytecode (no front-end, no compiler) and the
# executable's start-up (src/aot/exe, which has main()).
EXE_SRC  = $(wildcard src/aot/exe/*.c)
AOT_OBJ  = $(RT_OBJ) $(patsubst %.c,$(BUILD)/%.o,$(wildcard src/vm/*.c) $(EXE_SRC) \
            src/bytecode/code.c src/bytecode/opcodes.c src/bytecode/marshal.c)
# The standard library in Python (lib/**/*.py) is compiled into the binary: the generated C file
# holds each source's bytes (tools/embed_lib.sh; no Python needed to build). Folders are
# prerequisites too, so that removing a module regenerates it.
LIB_PY   = $(shell find lib -name '*.py' 2>/dev/null)
LIB_DIRS = $(shell find lib -type d 2>/dev/null)

.PHONY: all deps demo test test-asan unit clean format bench fuzz

all: $(BUILD)/trident $(BUILD)/libtrident_rt.a $(BUILD)/libtrident_aot.a

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 $(CFLAGS) $(WARN) $(CPPFLAGS) -c $< -o $@

$(BUILD)/gen/stdlib_data.c: tools/embed_lib.sh $(LIB_PY) $(LIB_DIRS)
	@mkdir -p $(dir $@)
	sh tools/embed_lib.sh lib $@

$(BUILD)/gen/stdlib_data.o: $(BUILD)/gen/stdlib_data.c src/cli/stdlib_data.h
	$(CC) -std=gnu11 $(CFLAGS) $(WARN) -Isrc -c $< -o $@

$(BUILD)/gen/unicode_names_data.c: tools/gen_unicode_names.sh
	@mkdir -p $(dir $@)
	sh tools/gen_unicode_names.sh $(UCD)/UnicodeData.txt $(UCD)/NameAliases.txt >$@.tmp
	mv $@.tmp $@

$(BUILD)/gen/unicode_names_data.o: $(BUILD)/gen/unicode_names_data.c src/runtime/unicode_names.h
	$(CC) -std=gnu11 $(CFLAGS) $(WARN) -Isrc -c $< -o $@

$(BUILD)/libtrident_rt.a: $(RT_OBJ)
	@rm -f $@
	ar rcs $@ $^

# Made aside and renamed: a `trident build` running meanwhile never links a half-written archive.
$(BUILD)/libtrident_aot.a: $(AOT_OBJ)
	@rm -f $@.tmp
	ar rcs $@.tmp $^
	mv $@.tmp $@

# -no-pie: a position-independent trident relocates ~117 000 pointers (capstone's and the
# Unicode tables) at every start, which costs ~5 MB of private memory in every run.
$(BUILD)/trident: $(CC_OBJ) $(BUILD)/libtrident_rt.a
	$(CC) $(CFLAGS) $(LDFLAGS) -no-pie -o $@ $(CC_OBJ) $(BUILD)/libtrident_rt.a $(LDLIBS) $(CLI_LIBS)

deps:
	@missing=""; for p in $(DEB_PKGS); do \
	    dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

demo: deps
	@$(MAKE) --no-print-directory all
	@for f in examples/*.py; do \
	    echo "== $$f (interpreter)"; $(BUILD)/trident run $$f || exit 1; \
	    echo "== $$f (jit, every function compiled)"; $(BUILD)/trident --jit=always run $$f || exit 1; \
	    echo "== $$f (aot: trident build, then the executable)"; \
	    $(BUILD)/trident build $$f -o $(BUILD)/demo-exe && $(BUILD)/demo-exe || exit 1; \
	done; rm -f $(BUILD)/demo-exe

test: deps
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) CC="$(CC)" CFLAGS="$(CFLAGS)" LDLIBS="$(LDLIBS)" tests/run.sh

# The ASan build cannot link executables -static, so it runs the interpreter and the
# compile-everything JIT mode (the same compiler as AOT, its code in memory), not AOT.
test-asan: deps
	@$(MAKE) --no-print-directory all BUILD=build-asan \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
	@ASAN_OPTIONS=detect_leaks=0:detect_stack_use_after_return=0 BUILD=build-asan CC="$(CC)" \
	    LDLIBS="$(LDLIBS)" MODES="interp jit" CFLAGS="-O1 -g -fsanitize=address,undefined" tests/run.sh

# Fuzzing (tests/fuzz/run.sh; not part of make test): a libFuzzer harness over the front-end and
# bytecode compiler (clang, build-fuzz), a mutation fuzzer of the test scripts run by the ASan
# build, and pathological inputs checked against CPython; FUZZ_TIME seconds for each fuzzer.
FUZZ_PKGS   = clang libclang-rt-14-dev
FUZZ_TIME  ?= 60
FUZZ_CFLAGS = -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
              -fno-sanitize-recover=undefined
FUZZ_OBJ    = $(filter-out $(BUILD)/src/cli/% $(BUILD)/gen/%,$(CC_OBJ))

$(BUILD)/fuzz_compile: tests/fuzz/fuzz_compile.c $(FUZZ_OBJ) $(BUILD)/libtrident_rt.a
	$(CC) -std=gnu11 $(CFLAGS) -fsanitize=fuzzer $(WARN) -Isrc -o $@ $< $(FUZZ_OBJ) \
	    $(BUILD)/libtrident_rt.a $(LDLIBS)

fuzz: deps
	@missing=""; for p in $(FUZZ_PKGS); do \
	    dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@$(MAKE) --no-print-directory build-fuzz/fuzz_compile BUILD=build-fuzz CC=clang \
	    CFLAGS="$(FUZZ_CFLAGS)"
	@$(MAKE) --no-print-directory all BUILD=build-asan \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
	@FUZZ_TIME=$(FUZZ_TIME) tests/fuzz/run.sh

# Benchmarks (bench/run.sh): every bench/py program in each mode, CPython, PyPy and the C
# references; writes bench/RESULTS.md and bench/results.svg. BENCH_N=1 for a quick pass. PyPy is
# only for comparison: installed here when the package exists, never needed by make test.
BENCH_PKGS = pypy3
BENCH_N   ?= 3
BENCH_C    = $(patsubst bench/c/%.c,$(BUILD)/bench/%,$(wildcard bench/c/*.c))

$(BENCH_C): $(BUILD)/bench/%: bench/c/%.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -ffp-contract=off $< -o $@ -lm

bench: deps
	@missing=""; for p in $(BENCH_PKGS); do \
	    dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) || \
	        echo "bench: could not install$$missing; going on without"; \
	fi
	@$(MAKE) --no-print-directory all $(BENCH_C)
	@BUILD=$(BUILD) BENCH_N=$(BENCH_N) bench/run.sh

clean:
	rm -rf build build-asan build-fuzz

format:
	clang-format -i $$(find src tests/unit -name '*.[ch]')

-include $(RT_OBJ:.o=.d) $(CC_OBJ:.o=.d) $(EXE_SRC:%.c=$(BUILD)/%.d)
