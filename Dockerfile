# syntax=docker/dockerfile:1
# Build stage: compile TypeScript with the dev dependencies.
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY commands commands
COPY bench bench
COPY config config
RUN npm run build

# Final stage: production dependencies only, non-root, data on a volume.
FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    STORE_URL=sqlite:///data/jikenbo.sqlite
COPY package.json package-lock.json ./
# sqlite3 is a native addon: the build tools are installed and removed in one
# layer so that they do not stay in the image.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && npm ci --omit=dev --no-audit --no-fund \
  && npm cache clean --force \
  && apt-get purge -y python3 make g++ && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*
COPY config config
COPY --from=build /app/dist dist
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
ENTRYPOINT ["node", "dist/src/bin/jikenbo.js"]
CMD ["start"]
