# Flowfield: the command-line trainer (the default command below). Serving the web pages from the
# image needs Vaadin's production front-end build in the build stage, which comes with the web app.
#   docker build -t flowfield .                      CPU build of PyTorch
#   docker build --build-arg PROFILE=cuda -t flowfield-cuda .   CUDA 12.4 build (needs an NVIDIA runtime)
#   docker run --rm flowfield train --model fm --epochs 7
FROM eclipse-temurin:21-jdk AS build
ARG PROFILE=
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY src src
RUN ./mvnw -B -q -DskipTests ${PROFILE:+-P$PROFILE} package && cp target/flowfield-*.jar /flowfield.jar

FROM eclipse-temurin:21-jre
# see pom.xml: keep PyTorch's freed buffers in the heap instead of returning them to the kernel
ENV MALLOC_MMAP_THRESHOLD_=4294967296 MALLOC_TRIM_THRESHOLD_=17179869184 DJL_CACHE_DIR=/var/cache/djl
COPY --from=build /flowfield.jar /app/flowfield.jar
COPY models /app/models
ENV FLOWFIELD_REFERENCE_RUNS=/app/models FLOWFIELD_DATA_DIR=/data
VOLUME /data
WORKDIR /work
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Dai.djl.offline=true", "-jar", "/app/flowfield.jar"]
CMD ["train", "--model", "fm"]
