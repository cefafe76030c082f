# syntax=docker/dockerfile:1
# imgbot: one image, every role. Run a role with the command, e.g.
#   docker run --env-file .env imgbot worker
# Roles: start (default: everything the tokens turn on), discord, slack, worker.

# --- build: compile src/ to dist/ (needs the development packages: TypeScript) ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
RUN npm ci --no-audit --no-fund
COPY bin ./bin
COPY scripts ./scripts
COPY src ./src
RUN npm run build

# --- dependencies: production packages only ---
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- runtime: non-root, no build tools, no package manager cache ---
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HEALTH_PORT=9464 \
    HEALTH_HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json ./
COPY --chown=node:node bin ./bin
# Only the compiled build: with no src/ next to it, bin/imgbot.mjs runs dist/ (no tsx needed).
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node config ./config
# The official image's unprivileged user.
USER node
# 3000: the Slack HTTP receiver (slack/start roles). 9464: /healthz, /readyz, /metrics.
EXPOSE 3000 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||9464)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself is PID 1's child through the exec form: SIGTERM from `docker stop` reaches imgbot
# (never `npx`/`npm start`, whose wrapper does not forward it). Keep stop_grace_period above
# SHUTDOWN_TIMEOUT_MS (default 10 s).
ENTRYPOINT ["node", "bin/imgbot.mjs"]
CMD ["start"]
