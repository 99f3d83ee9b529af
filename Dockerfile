# Flowfield: the web app (http://localhost:8080), with its front end compiled into the jar.
#   docker build -t flowfield .                                  CPU build of PyTorch
#   docker build --build-arg PROFILE=cuda -t flowfield-cuda .    CUDA 12.4 build (run with --gpus all)
#   docker run --rm -p 8080:8080 -v flowfield-data:/data --stop-timeout 20 flowfield
#   docker run --rm flowfield train --model fm --epochs 7      the command-line trainer
#
# Vaadin builds the front end with its own Node.js in ~/.vaadin/node-v<version> and would download
# it from nodejs.org; the official Node image of exactly that version fills the place instead.
ARG NODE_VERSION=24.17.0
FROM node:${NODE_VERSION}-bookworm-slim AS node

FROM eclipse-temurin:21-jdk AS build
ARG NODE_VERSION
ARG PROFILE=
COPY --from=node /usr/local/bin/node /root/.vaadin/node-v${NODE_VERSION}/bin/node
COPY --from=node /usr/local/lib/node_modules /root/.vaadin/node-v${NODE_VERSION}/lib/node_modules
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY frontend frontend
COPY src src
RUN ./mvnw -B -q -DskipTests ${PROFILE:+-P$PROFILE} package && cp target/flowfield-*.jar /flowfield.jar

FROM eclipse-temurin:21-jre
# see pom.xml: keep PyTorch's freed buffers in the heap instead of returning them to the kernel
ENV MALLOC_MMAP_THRESHOLD_=4294967296 MALLOC_TRIM_THRESHOLD_=17179869184 DJL_CACHE_DIR=/var/cache/djl
COPY --from=build /flowfield.jar /app/flowfield.jar
COPY models /app/models
# the database, checkpoints and samples live in /data; the reference runs are imported from /app/models
ENV FLOWFIELD_REFERENCE_RUNS=/app/models FLOWFIELD_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
WORKDIR /app
# UP (200) or DOWN (503) from the database, the job engine and free disk space, with the image's
# curl; the first start unpacks PyTorch's native libraries (about 430 MB), hence the start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS "http://localhost:${SERVER_PORT:-8080}/actuator/health" || exit 1
# Java runs as PID 1 and gets the signal itself. On SIGTERM the server lets open requests finish
# (at most 5 s), hands running runs back to the queue (at most 5 s) and exits: within 10 s, so
# docker stop's default grace period is enough; --stop-timeout 20 leaves a margin.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Dai.djl.offline=true", "-jar", "/app/flowfield.jar"]
