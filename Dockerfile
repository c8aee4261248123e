# One image for the gateway and every subgraph; docker-compose.yml picks the entry point per service.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci applies them (postinstall): see patches/README.md.
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm run console:build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# The heap limit the hub ships with (platform/memory-flags.ts, README › Performance › Memory); docker-compose.yml
# sets it per service followed by your NODE_OPTIONS; `docker run -e NODE_OPTIONS=...` replaces it.
ENV NODE_OPTIONS="--max-old-space-size=320 --max-semi-space-size=4"
# glibc's allocator gives large freed blocks back (platform/memory-flags.ts HUB_MALLOC_ENV); `-e` replaces it.
ENV MALLOC_MMAP_THRESHOLD_=131072
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/schemas ./schemas
USER node
CMD ["node", "dist/gateway/main.js"]
