# Built by docker-compose.yml: the desk as one jar on a Java 17 runtime.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# The desk runs as an ordinary user that owns only its data directory.
RUN groupadd --system --gid 10001 desk \
    && useradd --system --uid 10001 --gid desk --home-dir /var/lib/privacydesk --shell /usr/sbin/nologin desk \
    && mkdir -p /var/lib/privacydesk && chown desk:desk /var/lib/privacydesk
WORKDIR /app
COPY --from=build /src/target/privacy-desk-*.jar app.jar
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
