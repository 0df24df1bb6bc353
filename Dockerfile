# syntax=docker/dockerfile:1
# Node 20 in both stages: the major the test suite runs on.
# Build stage: install everything (the one place native addons such as sqlite3
# are compiled), build, then prune to the production dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# The dev-only workspace packages (local Discord, local blog) are needed to
# type-check the demo; they never reach the final stage.
COPY packages packages
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY commands commands
COPY bench bench
COPY config config
RUN npm run build \
  && find dist -name '*.map' -delete \
  && npm prune --omit=dev --no-audit --no-fund

# Final stage: the compiled product and its production dependencies only
# (no emulator, no feed server, no dist/bench, no source maps), non-root.
FROM node:20-bookworm-slim
WORKDIR /app
# A 2 MB young-generation semi-space (V8's default grows to 16 MB, twice): the bot allocates little
# that lives, and this keeps ~25 MB per process out of its resident memory (BENCHMARKS.md, memory).
ENV NODE_ENV=production \
    STORE_URL=sqlite:///data/jikenbo.sqlite \
    NODE_OPTIONS=--max-semi-space-size=2
COPY package.json package-lock.json ./
COPY --from=build /app/node_modules node_modules
COPY config config
COPY --from=build /app/dist/src dist/src
COPY --from=build /app/dist/commands dist/commands
RUN rm -rf node_modules/@jikenbo && mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
# `jikenbo start` touches its heartbeat file while the gateway is connected.
HEALTHCHECK --interval=60s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "--liftoff-only", "dist/src/bin/jikenbo.js", "healthcheck"]
# WebAssembly stays in V8's baseline compiler: discord.js's HTTP clients (undici, twice) parse with
# llhttp compiled to WebAssembly, and V8 re-compiling its hot parser function with TurboFan on a
# background thread takes ~20-28 MB for half a second, the process's peak (BENCHMARKS.md, memory).
# Baseline code parses Discord's replies fast enough, and subsets the chart font no slower.
# --optimize-for-size: V8 grows the old generation in smaller steps and gives memory back sooner
# (serve: ~8-10 MB less at rest and after commands; no heap ceiling, so a large export still fits).
# NODE_OPTIONS accepts neither flag, so they are node's arguments here.
ENTRYPOINT ["node", "--liftoff-only", "--optimize-for-size", "dist/src/bin/jikenbo.js"]
CMD ["start"]
