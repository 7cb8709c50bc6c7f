# Build: the same publish command as in the README (CI builds the same projects in Release with the SDK from global.json).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Match.Api -c Release -o /app

# Run: ASP.NET Core runtime only, as the image's non-root "app" user, SQLite file on a volume.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=5080 \
    Match__Data__Folder=/data
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
USER $APP_UID
EXPOSE 5080
# The runtime image has no curl or wget, so the app probes itself (see HealthProbe).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["dotnet", "Match.Api.dll", "--healthcheck"]
ENTRYPOINT ["dotnet", "Match.Api.dll"]
