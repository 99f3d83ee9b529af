# Flowfield: the web app (http://localhost:8080), with its front end compiled into the jar.
#   docker build -t flowfield .                                  CPU build of PyTorch
#   docker build --build-arg PROFILE=cuda -t flowfield-cuda .    CUDA 12.4 build (run with --gpus all)
#   docker run --rm -p 8080:8080 -v flowfield-data:/data flowfield
#   docker run --rm flowfield train --model fm --epochs 7      the command-line trainer
# Node.js comes from the official image, so the front-end build downloads only from the npm registry.
FROM node:24-bookworm-slim AS node

FROM eclipse-temurin:21-jdk AS build
ARG PROFILE=
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY frontend frontend
COPY src src
RUN ./mvnw -B -q -DskipTests -Pproduction${PROFILE:+,$PROFILE} package && cp target/flowfield-*.jar /flowfield.jar

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
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Dai.djl.offline=true", "-jar", "/app/flowfield.jar"]
