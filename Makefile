# Spending Control: the commands a newcomer needs. `make help` lists them.
SHELL := /bin/bash
MVN := ./mvnw -B

.PHONY: help run stop status build test openapi bench bench-odp bench-gateway bench-web images clean

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

run: ## build, then start PostgreSQL, Keycloak, the services, the web pages and the gateway, with demo data
	@scripts/suite.sh up

stop: ## stop everything `make run` started
	@scripts/suite.sh down

status: ## show what is running
	@scripts/suite.sh status

build: ## compile and package every module, no tests
	$(MVN) package -DskipTests

test: ## run every test: services against a real PostgreSQL, gateway, Helm chart, end-to-end, the chart's pods in podman
	$(MVN) verify

openapi: ## rewrite the committed OpenAPI documents in docs/api/ after an intended API change
	$(MVN) verify -Dsc.openapi.write=true -pl services/budget,services/outcome-delivery-plan,services/delegation-rules,services/reporting -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest='PlatformTest'

bench: ## run the benchmarks (not part of `make test`); figures go to docs/performance.md
	$(MVN) verify -pl services/budget,services/delegation-rules -am -Dgroups=benchmark -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false

bench-odp: ## run the outcome-delivery-plan benchmarks (plan read, 10,000 data points vs COPY); figures go to docs/performance.md
	$(MVN) verify -pl services/outcome-delivery-plan -am -Dgroups=benchmark -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false
bench-web: ## department home page with 500 programmes in a real browser (server time p95, page weight); docs/performance.md
	$(MVN) verify -pl e2e -am -Dgroups=benchmark -DexcludedGroups= -Dtest=WebBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false

bench-gateway: ## gateway vs direct vs nginx with wrk (installs wrk and nginx-light); figures go to docs/performance.md
	@bench/gateway/run.sh

images: ## build every image with podman, no daemon or registry (docker/images.sh; docs/deployment.md)
	@docker/images.sh

clean: ## remove build output (not the local run's state in .run/)
	$(MVN) -q clean
