# Builds and runs the service; see docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/geo-service/target/geo-service.jar /app/geo-service.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/geo-service.jar"]
