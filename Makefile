# sensevoice: build, test, demo. `make help` lists the targets.
SHELL := /bin/bash
MVN ?= mvn
# Default build bundles the GPU runtime (falls back to CPU); `make build PROFILE=cpu` for the 75 MB CPU-only one.
PROFILE ?=
MVN_FLAGS := -B -q $(if $(PROFILE),-P$(PROFILE),)
JAR := target/sensevoice.jar
SOURCES := $(shell find src/main -type f 2>/dev/null) pom.xml
ORACLE_DIR := target/oracle
SHERPA_NODE_VERSION := 1.13.8
PICOCLI_VERSION := $(shell sed -n 's:.*<picocli.version>\(.*\)</picocli.version>.*:\1:p' pom.xml)

.PHONY: help build test demo oracle man completion clean

help:
	@echo "make build   build the application (./sensevoice runs it)"
	@echo "make demo    build if needed and transcribe samples/ with the bundled model"
	@echo "make test    run every test (installs the sherpa-onnx-node oracle with npm)"
	@echo "make man     man pages (AsciiDoc from picocli-codegen; troff too when asciidoctor is installed)"
	@echo "make completion  bash/zsh completion script for sensevoice"
	@echo "make clean   remove build output"

build: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) $(MVN_FLAGS) -DskipTests package
	@touch $(JAR)

# The reference runtime the parity tests compare against (contract §8).
oracle: $(ORACLE_DIR)/node_modules/sherpa-onnx-node

$(ORACLE_DIR)/node_modules/sherpa-onnx-node:
	mkdir -p $(ORACLE_DIR)
	npm install --silent --no-audit --no-fund --prefix $(ORACLE_DIR) sherpa-onnx-node@$(SHERPA_NODE_VERSION)

test: oracle
	$(MVN) -B $(if $(PROFILE),-P$(PROFILE),) test

# The bundled digits-only model on the bundled recordings; outputs (txt, json, srt) in target/demo.
# --merge-s 0: the digits model heard one string in one language per utterance, so merged
# segments (an English and a Mandarin string glued together) are beyond it; the real model is not.
demo: build
	./sensevoice transcribe samples --merge-s 0 -f txt,json,srt -o target/demo
	@echo; echo "What was said (samples/README.md lists what each recording says):"
	@for f in target/demo/*.txt; do printf '  %-24s %s\n' "$$(basename "$$f" .txt)" "$$(cat "$$f")"; done

# Man pages: picocli-codegen writes AsciiDoc for every command; asciidoctor turns it into troff.
man: build
	$(MVN) -B -q dependency:copy -Dartifact=info.picocli:picocli-codegen:$(PICOCLI_VERSION) -DoutputDirectory=target/codegen
	java -cp "$(JAR):target/lib/*:target/codegen/*" picocli.codegen.docgen.manpage.ManPageGenerator -d target/man/adoc dev.sensevoice.cli.SenseVoiceCommand
	@if command -v asciidoctor >/dev/null; then asciidoctor -b manpage -D target/man/man1 target/man/adoc/*.adoc && echo "man pages: target/man/man1 (man -l target/man/man1/sensevoice.1)"; \
	 else echo "AsciiDoc man pages in target/man/adoc; apt-get install asciidoctor to get troff"; fi

completion: build
	./sensevoice generate-completion > target/sensevoice_completion
	@echo "source target/sensevoice_completion  (bash or zsh)"

clean:
	rm -rf target
