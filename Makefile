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

.PHONY: help build test demo oracle clean

help:
	@echo "make build   build the application (./sensevoice runs it)"
	@echo "make demo    build if needed and transcribe samples/ with the bundled model"
	@echo "make test    run every test (installs the sherpa-onnx-node oracle with npm)"
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

demo: build
	./sensevoice transcribe samples --stdout -o target/demo-output

clean:
	rm -rf target
