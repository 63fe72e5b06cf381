# syntax=docker/dockerfile:1
# vpnbot: build with the Maven wrapper, run on a Java 17 JRE as an unprivileged user.
#   docker build -t vpnbot .
#   docker run --env-file .env -v vpnbot-data:/var/lib/vpnbot/data -p 127.0.0.1:8080:8080 vpnbot
# docker-compose.yml runs it next to PostgreSQL 15.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY domain/ domain/
COPY application/ application/
COPY adapter-simulated/ adapter-simulated/
COPY adapter-postgres/ adapter-postgres/
COPY adapter-panel-3xui/ adapter-panel-3xui/
COPY adapter-heleket/ adapter-heleket/
COPY adapter-telegram/ adapter-telegram/
COPY bootstrap/ bootstrap/
# the tests run in CI (./mvnw -B verify); the image only packages
RUN --mount=type=cache,target=/root/.m2 ./mvnw -q -B -DskipTests package

FROM eclipse-temurin:17-jre
# curl for the health check only
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --create-home --home-dir /var/lib/vpnbot vpnbot \
    && mkdir -p /var/lib/vpnbot/data && chown vpnbot:vpnbot /var/lib/vpnbot/data
COPY --from=build /src/bootstrap/target/vpnbot.jar /opt/vpnbot/vpnbot.jar
# not root: the embedded PostgreSQL (used when DATABASE_URL is unset) refuses to run as root in a container
USER vpnbot
WORKDIR /var/lib/vpnbot
# HTTP_BIND: the bot listens on loopback by default; in a container that is unreachable from the
# published port, so here it listens on every interface of the container (publish it on the host's loopback)
ENV DATA_DIR=/var/lib/vpnbot/data \
    HTTP_PORT=8080 \
    HTTP_BIND=0.0.0.0 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME /var/lib/vpnbot/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${HTTP_PORT}/healthz" || exit 1
# `docker run vpnbot` runs the bot; `docker run vpnbot migrate` (or server …, tariff …) runs a command
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /opt/vpnbot/vpnbot.jar \"$@\"", "vpnbot"]
CMD ["run"]
